package org.fenghuo.correlation;

import java.time.Instant;
import java.util.List;

import org.fenghuo.events.SecurityEvent;

/** Events for tests, built in code so that each test shows what it relies on. */
public final class TestEvents {
    private TestEvents() {
    }

    public static SecurityEvent sshFailure(String id, Instant time, String sourceIp) {
        return SecurityEvent.builder()
                .timestamp(time)
                .message("Failed password for root from " + sourceIp + " port 40022 ssh2")
                .event(new SecurityEvent.EventInfo(id, "event", List.of("authentication"), List.of("start"),
                        "ssh_login", "failure", "syslog", "syslog.rfc3164", null, null,
                        "<38>Nov 23 10:00:00 gw1 sshd[812]: Failed password for root from " + sourceIp,
                        null, null, null, null, null))
                .source(new SecurityEvent.Endpoint(sourceIp, 40022, null, null, null, null, null))
                .host(new SecurityEvent.Host("gw1", null, null))
                .log(new SecurityEvent.Log(null, null, null, null, new SecurityEvent.Syslog(4, "auth", 6,
                        "informational", 38, "gw1", "sshd", "812", null, null, null)))
                .build();
    }
}
