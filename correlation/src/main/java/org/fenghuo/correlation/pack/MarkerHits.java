package org.fenghuo.correlation.pack;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.fenghuo.detection.anomaly.support.AddressSet;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.EcsFieldPath;
import org.fenghuo.events.SecurityEvent;

/**
 * Stateless marks on raw events that the pack needs and no detector alerts on, because alone they
 * are normal: a remote session to an engineering workstation, an ICS write to a critical asset, an
 * internal host logging in somewhere. Called for every event, so each test is a few field reads;
 * most events get no mark ({@link List#of()}, no allocation).
 *
 * <ul>
 * <li>{@value #REMOTE_SESSION}: a TCP flow ({@code event.dataset} ending in {@code .flow}) to a
 * remote-session port of an engineering host that opened (not picked up mid-stream, not a scan
 * probe: the initiator sent more than 3 packets when known); or a successful authentication whose
 * {@code destination.ip} is one. The hit is timed at the event, the session start goes in
 * {@code fenghuo.session.start} (epoch millis): a flow record is written when the flow ends, after
 * the writes made during it, so the rule compares the writes with the start.</li>
 * <li>{@value #ICS_WRITE}: {@code fenghuo.ics.write: true} to a critical asset (destination).</li>
 * <li>{@value #INTERNAL_AUTH}: {@code event.category: authentication}, {@code event.outcome: success}
 * from an internal {@code source.ip} (the raw event).</li>
 * </ul>
 */
public final class MarkerHits {
    public static final String REMOTE_SESSION = "fenghuo.marker.remote_session";
    public static final String ICS_WRITE = "fenghuo.marker.ics_write";
    public static final String INTERNAL_AUTH = "fenghuo.marker.internal_auth_success";
    static final String SESSION_START = "fenghuo.session.start";

    private static final EcsFieldPath FLOW_STATE = EcsFieldPath.of("fenghuo.flow.state");
    private static final EcsFieldPath FLOW_SEGMENT = EcsFieldPath.of("fenghuo.flow.segment");

    private final AddressSet engineering;
    private final AddressSet critical;
    private final AddressSet internal;
    private final Set<Integer> ports;

    public MarkerHits(PackSettings settings) {
        this.engineering = settings.engineering();
        this.critical = settings.critical();
        this.internal = settings.internal();
        this.ports = Set.copyOf(settings.remoteSessionPorts());
    }

    /** The marks of {@code e}: usually none, at most one. */
    public List<RuleHit> of(SecurityEvent e) {
        SecurityEvent.EventInfo info = e.event();
        if (e.timestamp() == null || info == null || e.source() == null || e.source().ip() == null) {
            return List.of();
        }
        if (e.fenghuo() != null && e.fenghuo().ics() != null) {
            return icsWrite(e);
        }
        if (info.category() != null && info.category().contains("authentication")) {
            return authentication(e, info);
        }
        if (info.dataset() != null && info.dataset().endsWith(".flow")) {
            return flow(e, info);
        }
        return List.of();
    }

    private List<RuleHit> icsWrite(SecurityEvent e) {
        if (!Boolean.TRUE.equals(e.fenghuo().ics().write()) || e.destination() == null
                || !critical.contains(e.destination().ip())) {
            return List.of();
        }
        return List.of(RuleHit.of(ICS_WRITE, "ICS write to a critical asset", e));
    }

    private List<RuleHit> authentication(SecurityEvent e, SecurityEvent.EventInfo info) {
        if (!"success".equals(info.outcome())) {
            return List.of();
        }
        String target = e.destination() == null ? null : e.destination().ip();
        if (target != null && engineering.contains(target)) {
            return List.of(session(e, e.timestamp()));
        }
        if (internal.contains(e.source().ip())) {
            return List.of(RuleHit.of(INTERNAL_AUTH, "Successful login from an internal host", e));
        }
        return List.of();
    }

    private List<RuleHit> flow(SecurityEvent e, SecurityEvent.EventInfo info) {
        SecurityEvent.Endpoint d = e.destination();
        if (d == null || d.port() == null || !ports.contains(d.port()) || e.network() == null
                || !"tcp".equals(e.network().transport()) || !engineering.contains(d.ip())
                || "midstream".equals(FLOW_STATE.get(e)) || FLOW_SEGMENT.get(e) != null) {
            return List.of();
        }
        Long sent = e.source().packets();
        if (sent != null && sent <= 3) {
            return List.of(); // a probe or a refused attempt, not a session
        }
        return List.of(session(e, info.start() != null ? info.start() : e.timestamp()));
    }

    private static RuleHit session(SecurityEvent e, Instant start) {
        SecurityEvent marked = e.toBuilder().extraField(SESSION_START, start.toEpochMilli()).build();
        return RuleHit.of(REMOTE_SESSION, "Remote session to an engineering host", marked);
    }
}
