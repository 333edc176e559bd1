package org.fenghuo.collectors.syslog.linux;

import java.util.List;

/**
 * systemd-logind: sessions created and removed ({@code New session 12 of user alice.},
 * {@code Removed session 12.}, {@code Session 12 logged out. Waiting for processes to exit.}),
 * seats and power buttons. The session id goes to {@code fenghuo.logind.session_id}, so the
 * login and its end can be paired.
 */
public final class LogindParser extends ProgramParser {

    public static final String NAME = "systemd_logind";

    private static final List<String> SESSION = List.of("session");
    private static final List<String> HOST = List.of("host");

    private static final List<Shape> SHAPES = List.of(
            Shape.startingWith("New session ", "New session (\\S+) of user (.+?)\\.?", (m, out) -> {
                out.event(SESSION, List.of("start"), "logind_session_new", "success");
                out.put("fenghuo.logind.session_id", m.group(1)).put("user.name", m.group(2));
            }),
            Shape.startingWith("Removed session ", "Removed session (\\S+?)\\.?", (m, out) -> {
                out.event(SESSION, List.of("end"), "logind_session_removed", "success");
                out.put("fenghuo.logind.session_id", m.group(1));
            }),
            Shape.startingWith("Session ", "Session (\\S+) logged out\\..*", (m, out) -> {
                out.event(SESSION, List.of("end"), "logind_session_logout", "success");
                out.put("fenghuo.logind.session_id", m.group(1));
            }),
            Shape.startingWith("New seat ", "New seat (\\S+?)\\.?", (m, out) -> {
                out.event(HOST, List.of("info"), "logind_new_seat", null);
                out.put("fenghuo.logind.seat", m.group(1));
            }),
            Shape.startingWith("Watching system buttons on ", "Watching system buttons on (\\S+) \\((.*)\\)",
                    (m, out) -> {
                        out.event(HOST, List.of("info"), "logind_watching_buttons", null);
                        out.put("fenghuo.logind.device", m.group(1)).put("fenghuo.logind.device_name", m.group(2));
                    }),
            Shape.startingWith("System is ", "System is (rebooting|powering down|halting|suspending)\\.?",
                    (m, out) -> {
                        out.event(HOST, List.of("end"), "logind_system_" + m.group(1).replace(' ', '_'), null);
                    }));

    public LogindParser() {
        super(NAME, app -> app.equals("systemd-logind"), SHAPES);
    }
}
