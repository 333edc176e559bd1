package org.fenghuo.collectors.syslog.linux;

import java.util.List;

/**
 * Console and serial logins by login(1), util-linux's and shadow's: {@code ROOT LOGIN ON tty2
 * [FROM host]}, {@code LOGIN ON tty1 BY alice [FROM host]}, {@code FAILED LOGIN 1 FROM tty1 FOR
 * root, Authentication failure}, {@code TOO MANY LOGIN TRIES (5) FROM tty1 FOR root, ...}. Its
 * {@code pam_*} lines go to {@link PamParser}.
 */
public final class LoginParser extends ProgramParser {

    public static final String NAME = "login";

    private static final List<String> AUTHENTICATION = List.of("authentication");

    private static final List<Shape> SHAPES = List.of(
            Shape.startingWith("ROOT LOGIN ", "ROOT LOGIN +ON (\\S+)(?: FROM (\\S+))?", (m, out) -> {
                out.event(AUTHENTICATION, List.of("start"), "console_login", "success");
                out.put("user.name", "root").put("fenghuo.login.tty", m.group(1)).host("source", m.group(2));
            }),
            Shape.startingWith("LOGIN ON ", "LOGIN ON (\\S+) BY (\\S+)(?: FROM (\\S+))?", (m, out) -> {
                out.event(AUTHENTICATION, List.of("start"), "console_login", "success");
                out.put("fenghuo.login.tty", m.group(1)).put("user.name", m.group(2)).host("source", m.group(3));
            }),
            Shape.startingWith("FAILED LOGIN ", "FAILED LOGIN (?:\\(?(\\d+)\\)? |SESSION )?FROM (\\S+) FOR (\\S+), (.*)",
                    (m, out) -> {
                        out.event(AUTHENTICATION, List.of("info"), "console_login", "failure");
                        out.number("fenghuo.login.attempt", m.group(1)).put("fenghuo.login.tty", m.group(2));
                        out.put("user.name", m.group(3)).put("event.reason", m.group(4));
                    }),
            Shape.startingWith("TOO MANY LOGIN TRIES ",
                    "TOO MANY LOGIN TRIES \\((\\d+)\\) FROM (\\S+) FOR (\\S+), (.*)", (m, out) -> {
                        out.event(AUTHENTICATION, List.of("info"), "console_login_too_many_tries", "failure");
                        out.number("fenghuo.login.attempt", m.group(1)).put("fenghuo.login.tty", m.group(2));
                        out.put("user.name", m.group(3)).put("event.reason", m.group(4));
                    }));

    public LoginParser() {
        super(NAME, app -> app.equals("login") || app.startsWith("login("), SHAPES);
    }
}
