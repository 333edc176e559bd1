package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * sudo's own log line, {@code USER : [REASON ; ]TTY=pts/0 ; PWD=/dir ; USER=root ; [GROUP=g ; ]
 * [ENV=... ; ]COMMAND=/bin/ls -l}: a command run (no reason), wrong passwords
 * ({@code 3 incorrect password attempts}) or a refusal ({@code user NOT in sudoers},
 * {@code command not allowed}). COMMAND is last and may itself contain {@code " ; "}, so it takes
 * the rest of the line. The {@code pam_*} lines sudo also writes go to {@link PamParser}.
 */
public final class SudoParser implements PayloadParser {

    public static final String NAME = "sudo";

    private static final Pattern LINE = Pattern.compile("(\\S+) : (.*)");
    private static final Pattern ATTEMPTS = Pattern.compile("(\\d+) incorrect password attempts?");
    private static final String COMMAND = "COMMAND=";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        return ProgramLines.parse(input, app -> app.equals("sudo"), SudoParser::read);
    }

    private static PayloadResult read(String message, Out out) {
        boolean userList = message.contains(" : ") || message.startsWith(": "); // a missing user is still sudo's
        if (!userList || !message.contains("TTY=") && !message.contains(COMMAND)) {
            return PayloadResult.NOT_MINE;
        }
        Matcher line = LINE.matcher(message);
        if (!line.matches()) {
            return new PayloadResult.Malformed(NAME + ": expected 'USER : KEY=value ; ...', got no user before ' : '");
        }
        out.put("user.name", line.group(1));
        String reason = fields(line.group(2), out);
        if (out.fields().get("process.command_line") == null && reason == null) {
            return new PayloadResult.Malformed(NAME + ": neither COMMAND= nor a reason in '" + line.group(2) + "'");
        }
        classify(reason, out);
        return out.problem() == null ? new PayloadResult.Parsed(out.fields())
                : new PayloadResult.Malformed(NAME + ": " + out.problem());
    }

    /** Reads the {@code " ; "}-separated list; returns the leading reason (a segment without '='), or null. */
    private static String fields(String list, Out out) {
        String reason = null;
        int at = 0;
        while (at < list.length()) {
            if (list.startsWith(COMMAND, at)) {
                String command = list.substring(at + COMMAND.length()).strip();
                out.put("process.command_line", command);
                int space = command.indexOf(' ');
                out.put("process.executable", space < 0 ? command : command.substring(0, space));
                break;
            }
            int end = list.indexOf(" ; ", at);
            String segment = (end < 0 ? list.substring(at) : list.substring(at, end)).strip();
            at = end < 0 ? list.length() : end + 3;
            int eq = segment.indexOf('=');
            if (eq < 0) {
                reason = reason == null ? segment : reason;
                continue;
            }
            String value = segment.substring(eq + 1);
            switch (segment.substring(0, eq)) {
                case "TTY" -> out.put("fenghuo.sudo.tty", value);
                case "PWD" -> out.put("process.working_directory", value);
                case "USER" -> out.put("user.effective.name", value);
                case "GROUP" -> out.put("user.effective.group.name", value);
                case "ENV" -> out.put("fenghuo.sudo.env", value);
                case "TSID" -> out.put("fenghuo.sudo.tsid", value);
                default -> out.put("fenghuo.sudo." + segment.substring(0, eq).toLowerCase(Locale.ROOT), value);
            }
        }
        return reason;
    }

    private static void classify(String reason, Out out) {
        if (reason == null) {
            out.event(List.of("process"), List.of("start"), "sudo_command", "success");
            return;
        }
        out.put("event.reason", reason);
        Matcher attempts = ATTEMPTS.matcher(reason);
        if (attempts.matches()) {
            out.event(List.of("authentication"), List.of("info"), "sudo_password_failure", "failure");
            out.number("fenghuo.sudo.attempts", attempts.group(1));
        } else {
            out.event(List.of("process"), List.of("start"), "sudo_denied", "failure");
        }
    }
}
