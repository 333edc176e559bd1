package org.fenghuo.collectors.syslog.linux;

import java.util.List;

/** Kerberos rlogin daemon (klogind, krb5-appl) authentication failures. */
public final class KlogindParser extends ProgramParser {

    public static final String NAME = "klogind";

    private static final List<Shape> SHAPES = List.of(
            Shape.startingWith("Authentication failed from ", "Authentication failed from (\\S+) \\((.*?)\\): (.*)",
                    (m, out) -> {
                        out.event(List.of("authentication"), List.of("info"), "klogind_authentication_failure",
                                "failure");
                        out.host("source", m.group(1));
                        if (!m.group(2).equals(m.group(1))) {
                            out.put("source.domain", m.group(2));
                        }
                        out.put("event.reason", m.group(3));
                    }),
            Shape.startingWith("Kerberos authentication failed", "Kerberos authentication failed\\.?", (m, out) ->
                    out.event(List.of("authentication"), List.of("info"), "kerberos_authentication_failure",
                            "failure")));

    public KlogindParser() {
        super(NAME, app -> app.equals("klogind") || app.equals("eklogin"), SHAPES);
    }
}
