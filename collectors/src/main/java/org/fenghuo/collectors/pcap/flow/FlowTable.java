package org.fenghuo.collectors.pcap.flow;

import java.util.HashMap;
import java.util.Objects;
import java.util.function.Consumer;
import org.fenghuo.collectors.pcap.decode.L4Packet;

/**
 * Bidirectional flow meter over decoded packets. Both directions of a conversation (same VLAN ids,
 * protocol and endpoint pair; for ICMP the Community ID type mapping, so an echo request and its
 * reply meet) count into one flow. The initiator is the first packet's sender, or its receiver
 * when that packet is a TCP SYN-ACK or an ICMP echo reply. Records go to the sink when a flow
 * ends (idle timeout, TCP end, eviction, end of capture) or reaches the active timeout. The clock
 * is the capture's: packet timestamps (or {@link #advanceTo}) drive every timeout, never the wall
 * clock.
 *
 * <p>Flows sit in intrusive lists, one per idle-timeout class in last-seen order plus one in
 * segment-start order, so a sweep only touches flows that are due and eviction finds the least
 * recently seen flow without a scan. A packet allocates nothing unless it opens a flow.
 *
 * <p>Single-threaded: the capture thread calls {@link #process} and {@link #flushAll}, and the
 * sink runs on that thread.
 */
public final class FlowTable {
    private static final int TCP_NEW = 0;
    private static final int TCP_ESTABLISHED = 1;
    private static final int TCP_CLOSED = 2;
    private static final int UDP = 3;
    private static final int ICMP = 4;
    private static final int OTHER = 5;
    private static final int SYN_ACK = 0x12;
    private static final int ICMP_ECHO_REPLY = 0;
    private static final int ICMPV6_ECHO_REPLY = 129;

    private final FlowTableConfig config;
    private final Consumer<FlowRecord> sink;
    private final Consumer<FlowContext> onEnd;
    private final HashMap<FlowKey, Flow> flows;
    private final FlowKey lookup = new FlowKey();
    private final FlowList[] idle = new FlowList[6];
    private final long[] idleNanos = new long[6];
    private final FlowList bySegmentStart = new FlowList();
    private final long activeNanos;
    private final long sweepNanos;
    private final long[] emitted = new long[EndReason.values().length];
    private long now = Long.MIN_VALUE;
    private long nextSweep = Long.MIN_VALUE;
    /**
     * Flows that ended having started at {@link #idInstant}, by key, with the generation the next
     * flow of that key starting at that same instant takes: a flow id hashes the key and the first
     * packet's time, so a connection closed and reopened within one timestamp tick would otherwise
     * share its predecessor's id (and overwrite its documents). Only the latest instant is kept:
     * with time moving forward, no later flow can start at an earlier one.
     */
    private HashMap<FlowKey, Integer> endedAtIdInstant = new HashMap<>();
    private long idInstant = Long.MIN_VALUE;
    private long idsMaybeShared;
    private long created;
    private long ignored;
    private int peak;
    private Flow current;
    private boolean currentFromInitiator;

    public FlowTable(FlowTableConfig config, Consumer<FlowRecord> sink) {
        this(config, sink, flow -> { });
    }

    /**
     * @param onEnd called when a flow ends, before its last record goes to {@code sink}: the
     *              application layer flushes what it holds for the flow (an unanswered request)
     */
    public FlowTable(FlowTableConfig config, Consumer<FlowRecord> sink, Consumer<FlowContext> onEnd) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.onEnd = Objects.requireNonNull(onEnd, "onEnd");
        this.flows = new HashMap<>(Math.min(config.maxFlows(), 1 << 16) * 4 / 3 + 1);
        for (int i = 0; i < idle.length; i++) {
            idle[i] = new FlowList();
        }
        idleNanos[TCP_NEW] = config.tcpNew().toNanos();
        idleNanos[TCP_ESTABLISHED] = config.tcpEstablished().toNanos();
        idleNanos[TCP_CLOSED] = config.tcpClosed().toNanos();
        idleNanos[UDP] = config.udp().toNanos();
        idleNanos[ICMP] = config.icmp().toNanos();
        idleNanos[OTHER] = config.other().toNanos();
        activeNanos = config.active().toNanos();
        sweepNanos = config.expiryInterval().toNanos();
    }

    /**
     * Counts one packet into its flow, opening the flow if needed.
     *
     * @return the flow's {@code fenghuo.flow_id} (for protocol events to link to), or null when
     *         the packet has no 4- or 16-byte addresses and was not tracked
     */
    public String process(L4Packet p) {
        advanceTo(p.timestampNanos());
        current = null;
        if (!lookup.fill(p)) {
            ignored++;
            return null;
        }
        Flow f = flows.get(lookup);
        if (f != null) {
            f = checkDue(f, p);
        }
        if (f == null) {
            f = open(p);
        }
        f.update(p, lookup.fromLow(), now);
        idle[timeoutClass(f)].moveToTail(f.idleNode);
        current = f;
        currentFromInitiator = f.fromInitiator(lookup.fromLow());
        return f.flowId;
    }

    /** The flow of the packet last given to {@link #process}, or null when it was not tracked. */
    public FlowContext current() {
        return current;
    }

    /** Whether the packet last given to {@link #process} was sent by its flow's initiator. */
    public boolean currentFromInitiator() {
        return currentFromInitiator;
    }

    /**
     * Moves the capture clock to {@code nanos} (never back) and, once per expiry interval, ends
     * the flows that are due. A live capture calls it on quiet periods too.
     */
    public void advanceTo(long nanos) {
        if (nanos > now) {
            now = nanos;
        }
        if (now >= nextSweep) {
            sweep();
            nextSweep = now + sweepNanos;
        }
    }

    /** Ends every flow with {@link EndReason#END_OF_CAPTURE}, oldest segment first. */
    public void flushAll() {
        Flow f;
        while ((f = bySegmentStart.oldest()) != null) {
            end(f, EndReason.END_OF_CAPTURE);
        }
    }

    public FlowStats stats() {
        return new FlowStats(created, emitted[EndReason.IDLE_TIMEOUT.ordinal()],
                emitted[EndReason.ACTIVE_TIMEOUT.ordinal()], emitted[EndReason.TCP_END.ordinal()],
                emitted[EndReason.EVICTED.ordinal()], emitted[EndReason.END_OF_CAPTURE.ordinal()], ignored,
                flows.size(), peak, idsMaybeShared);
    }

    public FlowTableConfig config() {
        return config;
    }

    /**
     * The sweep runs once per interval, so between sweeps a packet may find its flow already due:
     * end it (or close its segment) here so timeouts are exact to the packet.
     */
    private Flow checkDue(Flow f, L4Packet p) {
        int cls = timeoutClass(f);
        if (now - f.lastSeen() >= idleNanos[cls]) {
            end(f, endReason(cls));
            return null;
        }
        if (f.reusedBy(p.tcpFlags())) {
            end(f, EndReason.TCP_END);
            return null;
        }
        if (now - f.segmentOpened() >= activeNanos) {
            closeSegment(f);
        }
        return f;
    }

    private void sweep() {
        for (int cls = 0; cls < idle.length; cls++) {
            Flow f;
            while ((f = idle[cls].oldest()) != null && now - f.lastSeen() >= idleNanos[cls]) {
                end(f, endReason(cls));
            }
        }
        Flow f;
        while ((f = bySegmentStart.oldest()) != null && now - f.segmentOpened() >= activeNanos) {
            closeSegment(f);
        }
    }

    private Flow open(L4Packet p) {
        if (flows.size() >= config.maxFlows()) {
            evictLeastRecentlySeen();
        }
        FlowKey key = lookup.copy();
        // a SYN-ACK or an echo reply seen first was sent by the responder: its receiver opened the
        // conversation (only echo: other ICMP "replies" such as router adverts are often unsolicited)
        boolean initiatorIsLow = lookup.fromLow() != sentByResponder(p);
        long first = p.timestampNanos();
        if (first != idInstant) {
            if (!endedAtIdInstant.isEmpty()) {
                // a new map, not clear(): clear() walks the whole table, which a burst leaves large
                endedAtIdInstant = new HashMap<>();
            }
            idInstant = first;
        }
        Integer generation = endedAtIdInstant.remove(key);
        Flow f = new Flow(key, initiatorIsLow, p.ipVersion(), first, generation == null ? 0 : generation,
                CommunityId.of(p, config.communityIdSeed()), now);
        flows.put(key, f);
        bySegmentStart.moveToTail(f.activeNode);
        created++;
        peak = Math.max(peak, flows.size());
        return f;
    }

    private void evictLeastRecentlySeen() {
        Flow victim = null;
        for (FlowList list : idle) {
            Flow f = list.oldest();
            if (f != null && (victim == null || f.lastSeen() < victim.lastSeen())) {
                victim = f;
            }
        }
        if (victim != null) {
            end(victim, EndReason.EVICTED);
        }
    }

    private void closeSegment(Flow f) {
        if (f.hasPackets()) {
            emit(f, EndReason.ACTIVE_TIMEOUT);
        }
        f.nextSegment(now);
        bySegmentStart.moveToTail(f.activeNode);
    }

    private void end(Flow f, EndReason reason) {
        flows.remove(f.key);
        if (f.idNanos == idInstant) {
            if (endedAtIdInstant.size() < config.maxFlows()) {
                endedAtIdInstant.put(f.key, f.generation + 1);
            } else {
                idsMaybeShared++;
            }
        }
        if (f == current) {
            current = null;
        }
        if (f.idleNode.owner != null) {
            f.idleNode.owner.unlink(f.idleNode);
        }
        bySegmentStart.unlink(f.activeNode);
        // after unlinking: whatever the hook does, the table stays consistent
        onEnd.accept(f);
        if (f.hasPackets()) {
            emit(f, reason);
        } else if (reason == EndReason.EVICTED) {
            // its packets were all reported by an active-timeout record; still count the eviction
            emitted[reason.ordinal()]++;
        }
    }

    private void emit(Flow f, EndReason reason) {
        emitted[reason.ordinal()]++;
        sink.accept(f.toRecord(reason));
    }

    private static boolean sentByResponder(L4Packet p) {
        return switch (p.protocol()) {
            case CommunityId.TCP -> (p.tcpFlags() & SYN_ACK) == SYN_ACK;
            case CommunityId.ICMP -> p.icmpType() == ICMP_ECHO_REPLY;
            case CommunityId.ICMPV6 -> p.icmpType() == ICMPV6_ECHO_REPLY;
            default -> false;
        };
    }

    private static EndReason endReason(int timeoutClass) {
        return timeoutClass == TCP_CLOSED ? EndReason.TCP_END : EndReason.IDLE_TIMEOUT;
    }

    private static int timeoutClass(Flow f) {
        int proto = f.key.protocol();
        if (proto == CommunityId.TCP) {
            TcpState s = f.state();
            return s.ended() ? TCP_CLOSED
                    : s == TcpState.SYN_SENT || s == TcpState.SYN_RECEIVED ? TCP_NEW : TCP_ESTABLISHED;
        }
        if (proto == CommunityId.UDP) {
            return UDP;
        }
        return proto == CommunityId.ICMP || proto == CommunityId.ICMPV6 ? ICMP : OTHER;
    }
}
