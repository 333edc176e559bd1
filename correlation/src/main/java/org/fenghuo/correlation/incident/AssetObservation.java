package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.fenghuo.events.EcsFieldPath;
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
    private static final int SYN = 0x02;
    private static final EcsFieldPath FLOW_STATE = EcsFieldPath.of("fenghuo.flow.state");
    private static final EcsFieldPath FLAGS_TO_CLIENT = EcsFieldPath.of("fenghuo.flow.tcp_flags_tc");

    /**
     * What {@code e} teaches, or null when nothing: not a flow ({@code event.category: network}) the
     * responder answered ({@code destination.bytes} or {@code destination.packets} above 0) nor an
     * industrial-protocol event, or no time or responder. An unanswered flow teaches nothing, and
     * neither does a refused one (a TCP flow whose responder never sent SYN: a closed port's RST),
     * so a scan of port 502 across a subnet does not make every scanned address a PLC; a half-open
     * scan of an open port (SYN-ACK back) does show that the port is served.
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
        boolean answered = d.bytes() != null && d.bytes() > 0 || d.packets() != null && d.packets() > 0;
        return answered && !refusedTcp(e);
    }

    /**
     * The pcap collector's TCP flow whose responder sent no SYN from the flow's start: refused (RST)
     * or never accepted. Without the flags (NetFlow, logs) or for a flow first seen mid-session,
     * the bytes alone decide.
     */
    private static boolean refusedTcp(SecurityEvent e) {
        if (!(FLAGS_TO_CLIENT.get(e) instanceof String hex) || "midstream".equals(FLOW_STATE.get(e))) {
            return false;
        }
        try {
            return (Integer.parseInt(hex, 16) & SYN) == 0;
        } catch (NumberFormatException notFlags) {
            return false;
        }
    }

    private static String icsProtocol(SecurityEvent e) {
        if (e.fenghuo() == null || e.fenghuo().ics() == null || e.fenghuo().ics().protocol() == null) {
            return null;
        }
        String p = e.fenghuo().ics().protocol().trim().toLowerCase(Locale.ROOT);
        return p.isEmpty() ? null : p;
    }
}
