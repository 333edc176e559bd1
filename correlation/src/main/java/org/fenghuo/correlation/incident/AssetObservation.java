package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.fenghuo.events.SecurityEvent;

/**
 * The part of an event {@link LearnedAssets} learns from: a flow the responder answered, or an
 * industrial-protocol event. Small, so the job sends this, not the event, to the one learner.
 *
 * @param timestamp   the event's {@code @timestamp}
 * @param server      the responder ({@code destination.ip})
 * @param client      the initiator ({@code source.ip}), or null
 * @param port        {@code destination.port}, or null
 * @param icsProtocol {@code fenghuo.ics.protocol} in lower case, or null
 */
public record AssetObservation(Instant timestamp, String server, String client, Integer port, String icsProtocol) {

    /**
     * What {@code e} teaches, or null when nothing: not a flow ({@code event.category: network}) the
     * responder answered ({@code destination.bytes} or {@code destination.packets} above 0) nor an
     * industrial-protocol event, or no time or responder. An unanswered flow teaches nothing, so a
     * scan of port 502 across a subnet does not make every scanned address a PLC.
     */
    public static AssetObservation of(SecurityEvent e) {
        if (e.timestamp() == null || e.destination() == null || e.destination().ip() == null) {
            return null;
        }
        String ics = icsProtocol(e);
        if (ics == null && (e.destination().port() == null || !isAnsweredFlow(e))) {
            return null;
        }
        return new AssetObservation(e.timestamp(), e.destination().ip(), e.source() == null ? null : e.source().ip(),
                e.destination().port(), ics);
    }

    private static boolean isAnsweredFlow(SecurityEvent e) {
        List<String> category = e.event() == null ? null : e.event().category();
        if (category == null || !category.contains("network")) {
            return false;
        }
        SecurityEvent.Endpoint d = e.destination();
        return d.bytes() != null && d.bytes() > 0 || d.packets() != null && d.packets() > 0;
    }

    private static String icsProtocol(SecurityEvent e) {
        if (e.fenghuo() == null || e.fenghuo().ics() == null || e.fenghuo().ics().protocol() == null) {
            return null;
        }
        String p = e.fenghuo().ics().protocol().trim().toLowerCase(Locale.ROOT);
        return p.isEmpty() ? null : p;
    }
}
