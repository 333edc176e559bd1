package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sshd message shapes, each with its ECS mapping; read by {@link SshdParser}. */
final class SshdShapes {

    private static final List<String> AUTHENTICATION = List.of("authentication");
    private static final List<String> NETWORK = List.of("network");
    private static final List<String> INFO = List.of("info");
    private static final String HOST = "(\\S+)";
    private static final String PORT = " port (\\d+)";

    private SshdShapes() {
    }

    static final List<Shape> ALL = List.of(
            Shape.startingWith("Accepted ", login("Accepted"), SshdShapes::login),
            new Shape("Failed METHOD for", m -> m.startsWith("Failed ") && m.contains(" for "),
                    Pattern.compile(login("Failed")), SshdShapes::login),
            Shape.startingWith("Postponed ", login("Postponed"), SshdShapes::login),
            Shape.startingWith("Invalid user ", "Invalid user (.*?) from " + HOST + "(?:" + PORT + ")?", (m, out) -> {
                out.event(AUTHENTICATION, INFO, "ssh_invalid_user", "failure");
                out.put("user.name", m.group(1)).host("source", m.group(2)).port("source", m.group(3));
            }),
            Shape.startingWith("input_userauth_request: invalid user",
                    "input_userauth_request: invalid user ?(.*)", (m, out) -> {
                        out.event(AUTHENTICATION, INFO, "ssh_invalid_user", "failure");
                        out.put("user.name", m.group(1));
                    }),
            Shape.startingWith("Connection closed by ", peerPattern("Connection closed by"),
                    (m, out) -> peer(m, out, "ssh_connection_closed")),
            Shape.startingWith("Connection reset by ", peerPattern("Connection reset by"),
                    (m, out) -> peer(m, out, "ssh_connection_reset")),
            Shape.startingWith("Disconnected from ", peerPattern("Disconnected from"),
                    (m, out) -> peer(m, out, "ssh_disconnect")),
            Shape.startingWith("Received disconnect from ",
                    "Received disconnect from (\\S+?)(?:" + PORT + ")?: ?(\\d+):? ?(.*)", (m, out) -> {
                        out.event(NETWORK, List.of("connection", "end"), "ssh_disconnect", null);
                        out.host("source", m.group(1)).port("source", m.group(2));
                        out.number("fenghuo.ssh.disconnect.code", m.group(3));
                        out.put("fenghuo.ssh.disconnect.reason", m.group(4));
                    }),
            Shape.startingWith("Disconnecting", "Disconnecting(?::| (?:(authenticating|invalid) )?user (.*?) "
                    + HOST + PORT + ":) (.*?)(?: for (invalid user )?(.*))?", (m, out) -> {
                        boolean tooMany = m.group(5).startsWith("Too many authentication failures");
                        out.event(tooMany ? AUTHENTICATION : NETWORK, tooMany ? INFO : List.of("connection", "end"),
                                tooMany ? "ssh_too_many_failures" : "ssh_disconnect", tooMany ? "failure" : null);
                        invalid(m.group(1) != null && m.group(1).equals("invalid") || m.group(6) != null, out);
                        out.put("user.name", m.group(2) != null ? m.group(2) : m.group(7));
                        out.host("source", m.group(3)).port("source", m.group(4));
                        out.put("fenghuo.ssh.disconnect.reason", m.group(5));
                    }),
            Shape.startingWith("error: maximum authentication attempts exceeded for ",
                    "error: maximum authentication attempts exceeded for (invalid user )?(.*?) from " + HOST + PORT
                            + "(?: (ssh\\d?))?", (m, out) -> {
                        out.event(AUTHENTICATION, INFO, "ssh_max_auth_attempts", "failure");
                        invalid(m.group(1) != null, out);
                        out.put("user.name", m.group(2)).host("source", m.group(3)).port("source", m.group(4));
                        out.put("fenghuo.ssh.protocol", m.group(5));
                    }),
            Shape.startingWith("PAM service(", "PAM service\\((\\S+)\\) ignoring max retries; (\\d+) > (\\d+)",
                    (m, out) -> {
                        out.event(AUTHENTICATION, INFO, "ssh_pam_ignoring_max_retries", null);
                        out.put("fenghuo.ssh.pam_service", m.group(1));
                        out.number("fenghuo.ssh.failures", m.group(2));
                        out.number("fenghuo.ssh.max_retries", m.group(3));
                    }),
            Shape.startingWith("PAM ", "PAM (\\d+) more authentication failures?;(.*)", (m, out) -> {
                out.event(AUTHENTICATION, INFO, "ssh_pam_failures", "failure");
                out.number("fenghuo.ssh.failures", m.group(1));
                PamParser.requestFields(m.group(2), out);
            }),
            Shape.startingWith("Did not receive identification string from ",
                    "Did not receive identification string from " + HOST + "(?:" + PORT + ")?", (m, out) -> {
                        out.event(NETWORK, List.of("connection", "end"), "ssh_no_identification", "failure");
                        out.host("source", m.group(1)).port("source", m.group(2));
                    }),
            Shape.startingWith("Connection from ", "Connection from " + HOST + PORT + " on " + HOST + PORT
                    + "(?: rdomain \"(.*)\")?", (m, out) -> {
                        out.event(NETWORK, List.of("connection", "start"), "ssh_connection", null);
                        out.host("source", m.group(1)).port("source", m.group(2));
                        out.host("destination", m.group(3)).port("destination", m.group(4));
                    }),
            Shape.startingWith("Starting session: ", "Starting session: (.+?)(?: on (\\S+))? for (.*?) from "
                    + HOST + PORT + "(?: id (\\d+))?", (m, out) -> {
                        out.event(List.of("session"), List.of("start"), "ssh_session_start", "success");
                        out.put("fenghuo.ssh.session.type", m.group(1)).put("fenghuo.ssh.tty", m.group(2));
                        out.put("user.name", m.group(3)).host("source", m.group(4)).port("source", m.group(5));
                    }),
            Shape.startingWith("Server listening on ", "Server listening on " + HOST + PORT + "\\.?", (m, out) -> {
                out.event(List.of("process"), List.of("start"), "ssh_server_listening", null);
                out.host("server", m.group(1)).port("server", m.group(2));
            }),
            Shape.startingWith("Received signal ", "Received signal (\\d+); terminating\\.?", (m, out) -> {
                out.event(List.of("process"), List.of("end"), "ssh_server_stopping", null);
                out.number("fenghuo.ssh.signal", m.group(1));
            }),
            Shape.startingWith("reverse mapping checking getaddrinfo for ",
                    "reverse mapping checking getaddrinfo for (\\S+) \\[(\\S+)\\] failed.*", (m, out) -> {
                        out.event(NETWORK, INFO, "ssh_reverse_mapping_failed", null);
                        out.put("source.domain", m.group(1)).put("source.ip", Addresses.isIp(m.group(2)) ? m.group(2) : null);
                        out.put("source.address", m.group(2));
                    }),
            Shape.startingWith("Address ", "Address " + HOST + " maps to (\\S+), but this does not map back.*",
                    (m, out) -> {
                        out.event(NETWORK, INFO, "ssh_reverse_mapping_failed", null);
                        out.host("source", m.group(1)).put("source.domain", m.group(2));
                    }),
            Shape.startingWith("User child is on pid ", "User child is on pid (\\d+)", (m, out) -> {
                out.event(List.of("process"), List.of("start"), "ssh_session_child", null);
                out.number("fenghuo.ssh.child_pid", m.group(1));
            }),
            Shape.startingWith("Close session: ", "Close session: user (.*?) from " + HOST + PORT
                    + "(?: id (\\d+))?", (m, out) -> {
                        out.event(List.of("session"), List.of("end"), "ssh_session_end", "success");
                        out.put("user.name", m.group(1)).host("source", m.group(2)).port("source", m.group(3));
                    }),
            new Shape("User ... not allowed", m -> m.startsWith("User ") && m.contains(" not allowed because "),
                    Pattern.compile("User (.*?) from " + HOST + " not allowed because (.*)"), (m, out) -> {
                out.event(AUTHENTICATION, INFO, "ssh_user_not_allowed", "failure");
                out.put("user.name", m.group(1)).host("source", m.group(2)).put("event.reason", m.group(3));
            }),
            Shape.startingWith("Bad protocol version identification ",
                    "Bad protocol version identification '(.*)' from " + HOST + "(?:" + PORT + ")?", (m, out) -> {
                        out.event(NETWORK, List.of("protocol"), "ssh_bad_protocol_version", "failure");
                        out.put("fenghuo.ssh.client_version", m.group(1));
                        out.host("source", m.group(2)).port("source", m.group(3));
                    }),
            new Shape("Unable to negotiate", m -> m.startsWith("Unable to negotiate with ")
                    || m.startsWith("fatal: Unable to negotiate with "),
                    Pattern.compile("(?:fatal: )?Unable to negotiate with " + HOST + PORT + ": (.*)"), (m, out) -> {
                        out.event(NETWORK, List.of("protocol"), "ssh_negotiation_failed", "failure");
                        out.host("source", m.group(1)).port("source", m.group(2)).put("event.reason", m.group(3));
                    }),
            Shape.startingWith("subsystem request for ", "subsystem request for (\\S+) by user (.*)", (m, out) -> {
                out.event(List.of("session"), INFO, "ssh_subsystem_request", null);
                out.put("fenghuo.ssh.subsystem", m.group(1)).put("user.name", m.group(2));
            }));

    /** {@code VERB METHOD for [invalid user] U from HOST port P [ssh2][: KEYTYPE FINGERPRINT [details]]}. */
    private static String login(String verb) {
        return "(" + verb + ") (\\S+) for (invalid user )?(.*?) from " + HOST + PORT
                + "(?: (ssh\\d?))?(?:: (\\S+) (\\S+))?(?: (.*))?";
    }

    /** {@code VERB [authenticating|invalid] [user U] HOST [port P]}: user names may hold spaces, the host is the last word. */
    private static String peerPattern(String verb) {
        return verb + " (?:(authenticating|invalid) )?(?:user (.*?) )?" + HOST + "(?:" + PORT + ")?";
    }

    private static void peer(Matcher m, Out out, String action) {
        out.event(NETWORK, List.of("connection", "end"), action, null);
        invalid("invalid".equals(m.group(1)), out);
        out.put("user.name", m.group(2)).host("source", m.group(3)).port("source", m.group(4));
        if ("authenticating".equals(m.group(1))) {
            out.put("fenghuo.ssh.authenticating", true);
        }
    }

    private static void login(Matcher m, Out out) {
        if (m.group(1).equals("Accepted")) {
            out.event(List.of("authentication", "session"), List.of("start"), "ssh_login", "success");
        } else if (m.group(1).equals("Failed")) {
            out.event(AUTHENTICATION, INFO, "ssh_login", "failure");
        } else {
            out.event(AUTHENTICATION, INFO, "ssh_login_postponed", null);
        }
        out.put("fenghuo.ssh.method", m.group(2));
        invalid(m.group(3) != null, out);
        out.put("user.name", m.group(4));
        out.host("source", m.group(5)).port("source", m.group(6));
        out.put("fenghuo.ssh.protocol", m.group(7));
        out.put("fenghuo.ssh.key.type", m.group(8)).put("fenghuo.ssh.key.fingerprint", m.group(9));
        out.put("fenghuo.ssh.key.details", m.group(10));
    }

    private static void invalid(boolean invalidUser, Out out) {
        if (invalidUser) {
            out.put("fenghuo.ssh.invalid_user", true);
        }
    }
}
