package org.fenghuo.collectors.syslog.linux;

import java.util.List;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;

/** Kerberos rlogin daemon (klogind, krb5-appl) authentication failures. */
public final class KlogindParser implements PayloadParser {

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

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PayloadResult parse(PayloadInput input) {
        return ProgramLines.parse(input, app -> app.equals("klogind") || app.equals("eklogin"), NAME, SHAPES);
    }
}
