package org.fenghuo.collectors.syslog;

import java.time.Instant;
import org.fenghuo.collectors.input.FrameOrigin;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEvent.Endpoint;
import org.fenghuo.events.SecurityEvent.EventInfo;
import org.fenghuo.events.SecurityEvent.FenghuoFields;
import org.fenghuo.events.SecurityEvent.Host;
import org.fenghuo.events.SecurityEvent.Log;
import org.fenghuo.events.SecurityEvent.Observer;
import org.fenghuo.events.SecurityEvent.Process;
import org.fenghuo.events.SecurityEvent.Syslog;

/**
 * A parsed message plus where it came from, as an ECS {@link SecurityEvent}. Only decodes and
 * normalises: no judgement (event.category, outcome) is made here; that is detection's work.
 */
final class SyslogEventMapper {

    static final String MODULE = "syslog";

    private SyslogEventMapper() {
    }

    /**
     * @param original the whole frame as text ({@code event.original})
     * @param created  when the collector read it ({@code event.created}); also {@code @timestamp}
     *                 for a file line whose header has no time
     */
    static SecurityEvent toEvent(SyslogMessage m, String original, String input, FrameOrigin origin,
            String id, Instant created) {
        Instant timestamp = m.timestamp();
        if (timestamp == null) {
            timestamp = origin instanceof FrameOrigin.NetworkPeer peer ? peer.received() : created;
        }
        EventInfo event = new EventInfo(id, "event", null, null, null, null, MODULE, m.format().dataset(),
                null, null, original, created, null, null, null, null);
        Endpoint source = null;
        String filePath = null;
        Long offset = null;
        if (origin instanceof FrameOrigin.NetworkPeer peer) {
            source = new Endpoint(peer.peerIp(), peer.peer().getPort(), peer.peerIp(), null, null, null, null);
        } else if (origin instanceof FrameOrigin.FileLine file) {
            filePath = file.path().toString();
            offset = file.offset();
        }
        return SecurityEvent.builder()
                .timestamp(timestamp)
                .message(m.message())
                .event(event)
                .source(source)
                .observer(new Observer(null, null, input, null, null, null))
                .host(m.hostname() == null ? null : new Host(m.hostname(), null, null))
                .process(process(m))
                .log(new Log(null, null, filePath, offset, syslog(m)))
                .fenghuo(new FenghuoFields(input, null, null))
                .build();
    }

    private static Syslog syslog(SyslogMessage m) {
        Integer pri = m.priority();
        return new Syslog(
                pri == null ? null : SyslogPriority.facility(pri),
                pri == null ? null : SyslogPriority.facilityName(pri),
                pri == null ? null : SyslogPriority.severity(pri),
                pri == null ? null : SyslogPriority.severityName(pri),
                pri, m.hostname(), m.appName(), emptyToNull(m.procId()), m.msgId(), m.version(),
                m.structuredData());
    }

    private static Process process(SyslogMessage m) {
        if (m.appName() == null) {
            return null;
        }
        return new Process(m.appName(), numeric(m.procId()));
    }

    /** {@code process.pid} only when PROCID is a plain decimal number (it may be a name or a thread id). */
    private static Long numeric(String procId) {
        if (procId == null || procId.isEmpty() || procId.length() > 18) {
            return null;
        }
        for (int i = 0; i < procId.length(); i++) {
            if (procId.charAt(i) < '0' || procId.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(procId);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
