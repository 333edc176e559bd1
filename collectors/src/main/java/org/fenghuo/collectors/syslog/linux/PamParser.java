package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/**
 * Linux-PAM module messages, whichever program logs them (sshd, sudo, su, cron, login, gdm,
 * systemd, chpasswd...): {@code pam_unix(SERVICE:TYPE): TEXT}, and the older Red Hat form where
 * the tag carries the module, {@code sshd(pam_unix)[pid]: TEXT}. The TEXT shapes read are
 * pam_unix's authentication failure (with its {@code logname= uid= euid= tty= ruser= rhost= user=}
 * list), {@code check pass; user unknown}, session opened/closed, unknown users and password
 * changes, and pam_systemd's session failure. Any other text after a well-formed prefix is
 * Parsed with only module, service and type (no {@code event.action}): the prefix is true, the
 * text is kept in {@code message}.
 */
public final class PamParser implements PayloadParser {

    public static final String NAME = "pam";

    private static final Pattern MODERN = Pattern.compile("(pam_[A-Za-z0-9_]+)\\(([^():]+):([A-Za-z_]+)\\): ?(.*)");
    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final Pattern LEGACY_TAG = Pattern.compile("(.+)\\((pam_[A-Za-z0-9_]+)\\)");
    private static final List<String> AUTHENTICATION = List.of("authentication");
    private static final List<String> INFO = List.of("info");

    private static final List<Shape> SHAPES = List.of(
            Shape.startingWith("authentication failure;", "authentication failure;(.*)", (m, out) -> {
                out.event(AUTHENTICATION, INFO, "pam_authentication_failure", "failure");
                requestFields(m.group(1), out);
            }),
            Shape.startingWith("check pass;", "check pass; user unknown", (m, out) ->
                    out.event(AUTHENTICATION, INFO, "pam_user_unknown", "failure")),
            Shape.startingWith("session ",
                    "session (opened|closed) for user ([^\\s(]+)(?:\\(uid=(\\d+)\\))?(?: by ([^\\s(]*)(?:\\(uid=(\\d+)\\))?)?",
                    (m, out) -> {
                        boolean opened = m.group(1).equals("opened");
                        out.event(List.of("session"), List.of(opened ? "start" : "end"),
                                opened ? "pam_session_opened" : "pam_session_closed", "success");
                        out.put("user.name", m.group(2));
                        out.number("user.id", m.group(3));
                        out.put("fenghuo.pam.by.name", m.group(4));
                        out.number("fenghuo.pam.by.id", m.group(5));
                    }),
            Shape.startingWith("user ", "user (.+?) does not exist in (\\S+)", (m, out) -> {
                out.event(List.of("iam"), List.of("user", "info"), "pam_user_not_found", "failure");
                out.put("user.name", m.group(1));
                out.put("fenghuo.pam.database", m.group(2));
            }),
            Shape.startingWith("password changed for ", "password changed for (.+)", (m, out) -> {
                out.event(List.of("iam"), List.of("user", "change"), "pam_password_changed", "success");
                out.put("user.name", m.group(1));
            }),
            Shape.startingWith("Cannot create session: ", "Cannot create session: (.*)", (m, out) -> {
                out.event(List.of("session"), List.of("start"), "pam_session_failed", "failure");
                out.put("error.message", m.group(1));
            }),
            Shape.startingWith("auth could not identify password for ",
                    "auth could not identify password for \\[(.*)\\]", (m, out) -> {
                        out.event(AUTHENTICATION, INFO, "pam_no_password", "failure");
                        out.put("user.name", m.group(1));
                    }),
            Shape.startingWith("account ", "account (.+?) has expired.*", (m, out) -> {
                out.event(AUTHENTICATION, INFO, "pam_account_expired", "failure");
                out.put("user.name", m.group(1));
            }));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        Repeated repeated = Repeated.of(input.message());
        Out out = new Out();
        repeated.record(out);
        return read(input.appName(), repeated.message(), out);
    }

    /** For the program parsers (sshd, sudo, su) that hand over their {@code pam_*} lines. */
    PayloadResult read(String appName, String message, Out out) {
        String text;
        Matcher modern = message.startsWith("pam_") ? MODERN.matcher(message) : null;
        if (modern != null && modern.matches()) {
            out.put("fenghuo.pam.module", modern.group(1));
            out.put("fenghuo.pam.service", modern.group(2));
            out.put("fenghuo.pam.type", modern.group(3));
            text = modern.group(4).strip();
        } else {
            Matcher legacy = appName == null ? null : LEGACY_TAG.matcher(appName);
            if (legacy == null || !legacy.matches()) {
                return PayloadResult.NOT_MINE;
            }
            out.put("fenghuo.pam.service", legacy.group(1));
            out.put("fenghuo.pam.module", legacy.group(2));
            text = message;
        }
        PayloadResult result = Shape.read(NAME, SHAPES, text, out);
        if (result instanceof PayloadResult.NotMine) {
            // a well-formed PAM prefix with a text we do not know (modules say many things): what the
            // prefix says is still true, so keep it without inventing an action or outcome
            out.put("event.kind", "event");
            return new PayloadResult.Parsed(out.fields());
        }
        return result;
    }

    /**
     * pam_unix's {@code logname= uid= euid= tty= ruser= rhost= user=} list (also in sshd's "PAM N
     * more authentication failures"); empty values are dropped. Split by hand: a regex find over a
     * long text without {@code =} would be quadratic.
     */
    static void requestFields(String list, Out out) {
        for (String pair : BLANKS.split(list.trim())) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = pair.substring(eq + 1);
            switch (pair.substring(0, eq)) {
                case "user" -> out.put("user.name", value);
                case "rhost" -> out.host("source", value);
                case "ruser" -> out.put("fenghuo.pam.ruser", value);
                case "logname" -> out.put("fenghuo.pam.logname", value);
                case "tty" -> out.put("fenghuo.pam.tty", value);
                case "uid" -> out.number("fenghuo.pam.uid", value);
                case "euid" -> out.number("fenghuo.pam.euid", value);
                default -> { } // pam_unix writes only the keys above
            }
        }
    }
}
