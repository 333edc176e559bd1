package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import java.util.regex.Pattern;

/**
 * su's own lines, from shadow's su ({@code Successful su for root by alice}, {@code FAILED su for
 * root by alice}, {@code + /dev/pts/0 alice:root}, {@code - /dev/pts/0 alice:root}) and
 * util-linux's ({@code (to root) alice on pts/0}, {@code FAILED SU (to root) alice on pts/0}).
 * {@code user.name} is who ran su, {@code user.effective.name} whom they became. Its
 * {@code pam_*} lines go to {@link PamParser}.
 */
public final class SuParser extends ProgramParser {

    public static final String NAME = "su";

    private static final List<String> AUTHENTICATION = List.of("authentication");
    private static final List<String> START = List.of("start");

    private static final List<Shape> SHAPES = List.of(
            Shape.startingWith("Successful su for ", "Successful su for (\\S+) by (\\S+)", (m, out) ->
                    su(out, true, m.group(2), m.group(1), null)),
            Shape.startingWith("FAILED su for ", "FAILED su for (\\S+) by (\\S+)", (m, out) ->
                    su(out, false, m.group(2), m.group(1), null)),
            new Shape("+/- TTY FROM:TO", m -> m.startsWith("+ ") || m.startsWith("- "),
                    Pattern.compile("([+-]) (\\S+) (\\S*?):(\\S+)"), (m, out) ->
                    su(out, m.group(1).equals("+"), m.group(3), m.group(4), m.group(2))),
            Shape.startingWith("(to ", "\\(to (\\S+)\\) (\\S+) on (\\S+)", (m, out) ->
                    su(out, true, m.group(2), m.group(1), m.group(3))),
            Shape.startingWith("FAILED SU (to ", "FAILED SU \\(to (\\S+)\\) (\\S+) on (\\S+)", (m, out) ->
                    su(out, false, m.group(2), m.group(1), m.group(3))));

    public SuParser() {
        super(NAME, app -> app.equals("su") || app.startsWith("su("), SHAPES);
    }

    private static void su(Out out, boolean success, String from, String to, String tty) {
        out.event(AUTHENTICATION, START, "su", success ? "success" : "failure");
        out.put("user.name", from).put("user.effective.name", to).put("fenghuo.su.tty", tty);
    }
}
