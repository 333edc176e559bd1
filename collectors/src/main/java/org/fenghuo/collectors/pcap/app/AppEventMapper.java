package org.fenghuo.collectors.pcap.app;

import java.time.Instant;
import java.util.Map;
import org.fenghuo.collectors.pcap.flow.FlowContext;
import org.fenghuo.events.ExtraTree;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEventBuilder;

/**
 * An {@link AppEvent} plus its flow to an ECS event: {@code source} is the flow's initiator,
 * {@code destination} its responder (as on the flow record), {@code network.protocol} the
 * application protocol, {@code event.dataset} {@code pcap.<protocol>}, {@code fenghuo.flow_id} the
 * link to the flow record. {@code event.id} is the flow id, a dot and the event's sequence number
 * within the flow ({@code 7ZENwXLD0w9guMTv2Arkvg.41}): a re-read of the same capture gives the same
 * ids, and no two events share one unless their flow ids collide, which the flow id's SHA-256 makes
 * as hard to craft as a second hash over it would (that hash was a sixth of the decoder's CPU time).
 */
public final class AppEventMapper {
    private final String input;

    /** @param input the collector input name for {@code fenghuo.input}, or null */
    public AppEventMapper(String input) {
        this.input = input;
    }

    /**
     * @param flow     the flow's part of the event, from {@link #flowParts}
     * @param sequence 0 for the flow's first application event, then 1, 2, ...
     */
    public SecurityEvent toEvent(AppEvent e, FlowParts flow, long sequence) {
        SecurityEventBuilder b = SecurityEvent.builder()
                .timestamp(instant(e.timestampNanos()))
                .event(new SecurityEvent.EventInfo(eventId(flow.flowId(), sequence), "event", e.category(), e.type(),
                        e.action(), e.outcome(), "pcap", flow.dataset(), null, null, null, null, null,
                        null, null, null))
                .source(flow.source())
                .destination(flow.destination())
                .network(flow.network())
                .fenghuo(new SecurityEvent.FenghuoFields(input, flow.flowId(), e.ics()))
                .dns(e.dns())
                .http(e.http())
                .url(e.url())
                .userAgent(e.userAgent())
                .tls(e.tls());
        if (!e.extra().isEmpty()) {
            b.extra(canonical(e.extra()));
        }
        return b.build();
    }

    /**
     * The flow's part of its events for {@code protocol}: {@code previous} when it is that (the caller
     * keeps one per flow), else built anew. A Modbus poll is thousands of events on one connection, and
     * sharing these instances lets the JSON line writer write them from the bytes it kept
     * ({@code EcsJsonCodec.LineWriter}).
     */
    public FlowParts flowParts(FlowContext flow, String protocol, FlowParts previous) {
        if (previous != null && previous.protocol().equals(protocol)) {
            return previous;
        }
        boolean ports = flow.protocol() == 6 || flow.protocol() == 17;
        return new FlowParts(flow.flowId(), protocol, "pcap." + protocol,
                new SecurityEvent.Endpoint(flow.initiatorIp(), ports ? flow.initiatorPort() : null,
                        null, null, null, null, null),
                new SecurityEvent.Endpoint(flow.responderIp(), ports ? flow.responderPort() : null,
                        null, null, null, null, null),
                new SecurityEvent.Network(flow.protocol() == 6 ? "tcp" : flow.protocol() == 17 ? "udp"
                        : Integer.toString(flow.protocol()), flow.ipVersion() == 6 ? "ipv6" : "ipv4", protocol,
                        null, null, flow.communityId(), Integer.toString(flow.protocol()), null, null,
                        flow.vlanId() < 0 ? null : Integer.toString(flow.vlanId())));
    }

    /** What every event of one flow and protocol shares: a flow's identity and endpoints never change. */
    public record FlowParts(String flowId, String protocol, String dataset, SecurityEvent.Endpoint source,
                            SecurityEvent.Endpoint destination, SecurityEvent.Network network) {
    }

    /**
     * The analyzers' extra fields (dotted names) built in canonical form, which the event takes as it
     * is: a map of dotted names would be split and deep-copied by {@code build()} (an eighth of the CPU
     * per Modbus transaction). A map value keeps the builder's own path, which merges it with dotted
     * names below it where {@link ExtraTree} refuses that.
     */
    static Map<String, Object> canonical(Map<String, Object> dotted) {
        ExtraTree extra = ExtraTree.create();
        // a loop, not forEach(extra::put): see IndexedEntrySet on capturing lambdas under C1
        for (Map.Entry<String, Object> e : dotted.entrySet()) {
            if (e.getValue() instanceof Map<?, ?>) {
                return dotted;
            }
            extra.put(e.getKey(), e.getValue());
        }
        return extra.build();
    }

    static String eventId(String flowId, long sequence) {
        // sized up front: a default-sized builder grows (and copies) twice for every event
        return new StringBuilder(flowId.length() + 21).append(flowId).append('.').append(sequence).toString();
    }

    private static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
