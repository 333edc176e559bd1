package org.fenghuo.collectors.syslog.linux;

import java.util.List;

/**
 * wu-ftpd / BSD ftpd as Red Hat shipped it (app-name {@code ftpd}): connections
 * ({@code connection from IP (HOST) at DATE}), logins ({@code FTP LOGIN FROM IP [IP], USER},
 * {@code ANONYMOUS FTP LOGIN FROM IP, (PASSWORD)}), failed logins and idle timeouts. The address
 * an anonymous user typed as password is not kept.
 */
public final class FtpdParser extends ProgramParser {

    public static final String NAME = "ftpd";

    private static final List<String> AUTHENTICATION = List.of("authentication");

    private static final List<Shape> SHAPES = List.of(
            Shape.startingWith("connection from ", "connection from (\\S+) \\((.*?)\\)(?: at (.*))?", (m, out) -> {
                out.event(List.of("network"), List.of("connection", "start"), "ftp_connection", null);
                out.host("source", m.group(1));
                if (!m.group(2).isEmpty() && !m.group(2).equals(m.group(1))) {
                    out.put("source.domain", m.group(2));
                }
            }),
            Shape.startingWith("ANONYMOUS FTP LOGIN FROM ", "ANONYMOUS FTP LOGIN FROM (\\S+?),? +\\((.*)\\)",
                    (m, out) -> {
                        out.event(AUTHENTICATION, List.of("start"), "ftp_login", "success");
                        out.host("source", m.group(1)).put("user.name", "anonymous");
                    }),
            Shape.startingWith("FTP LOGIN FROM ", "FTP LOGIN FROM (\\S+) (?:\\[(\\S*)\\],? )?(.+)", (m, out) -> {
                out.event(AUTHENTICATION, List.of("start"), "ftp_login", "success");
                out.host("source", m.group(1)).put("user.name", m.group(3));
            }),
            Shape.startingWith("FTP LOGIN FAILED FROM ", "FTP LOGIN FAILED FROM (\\S+?)(?: \\[(\\S*)\\])?,? (.+)",
                    (m, out) -> {
                        out.event(AUTHENTICATION, List.of("info"), "ftp_login", "failure");
                        out.host("source", m.group(1)).put("user.name", m.group(3));
                    }),
            Shape.startingWith("User ", "User (\\S+) timed out after (\\d+) seconds(?: at (.*))?", (m, out) -> {
                out.event(List.of("session"), List.of("end"), "ftp_timeout", null);
                out.put("user.name", m.group(1)).number("fenghuo.ftp.idle_seconds", m.group(2));
            }),
            Shape.startingWith("getpeername (ftpd): ", "getpeername \\(ftpd\\): (.*)", (m, out) -> {
                out.event(List.of("network"), List.of("connection", "end"), "ftp_peer_lost", "failure");
                out.put("error.message", m.group(1));
            }));

    public FtpdParser() {
        super(NAME, app -> app.equals("ftpd") || app.equals("in.ftpd"), SHAPES);
    }
}
