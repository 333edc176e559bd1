package org.fenghuo.collectors.pcap.decode;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of one {@link PacketDecoder}. Plain longs written by the decoding thread only; read
 * them from that thread (or after it stops) — they are not published safely to others.
 */
public final class DecodeStats {
    private final long[] results = new long[DecodeResult.values().length];
    private final long[] malformed = new long[MalformedReason.values().length];
    private final long[] notIp = new long[NotIpReason.values().length];
    // Indexed by EtherType: 512 KiB once per decoder buys an allocation-free hot path.
    private final long[] notIpByEthertype = new long[65536];
    private long packets;
    private long truncated;
    private long fragments;
    private long fragmentDuplicates;
    private long reassembled;
    private long evictedByTimeout;
    private long evictedByLimit;
    private long incompleteAtEnd;

    void countPacket() {
        packets++;
    }

    void countResult(DecodeResult r) {
        results[r.ordinal()]++;
    }

    void countMalformed(MalformedReason r) {
        malformed[r.ordinal()]++;
    }

    void countNotIp(NotIpReason r, int etherType) {
        notIp[r.ordinal()]++;
        if (r == NotIpReason.NON_IP_ETHERTYPE) {
            notIpByEthertype[etherType & 0xffff]++;
        }
    }

    void countTruncated() {
        truncated++;
    }

    void countFragment() {
        fragments++;
    }

    void countFragmentDuplicate() {
        fragmentDuplicates++;
    }

    void countReassembled() {
        reassembled++;
    }

    void countEvictedByTimeout() {
        evictedByTimeout++;
    }

    void countEvictedByLimit() {
        evictedByLimit++;
    }

    void countIncompleteAtEnd(int datagrams) {
        incompleteAtEnd += datagrams;
    }

    /** Frames given to the decoder. */
    public long packets() {
        return packets;
    }

    /** Frames (and reassembled datagrams) that ended with this result. */
    public long results(DecodeResult r) {
        return results[r.ordinal()];
    }

    public long decoded() {
        return results(DecodeResult.DECODED);
    }

    public long fragmentsPending() {
        return results(DecodeResult.FRAGMENT_PENDING);
    }

    public long malformed(MalformedReason r) {
        return malformed[r.ordinal()];
    }

    public long malformedTotal() {
        return results(DecodeResult.MALFORMED);
    }

    public long notIp(NotIpReason r) {
        return notIp[r.ordinal()];
    }

    public long notIpTotal() {
        return results(DecodeResult.NOT_IP);
    }

    public long notIpByEthertype(int etherType) {
        return notIpByEthertype[etherType & 0xffff];
    }

    /** Non-zero not-IP counts by EtherType, for a report (allocates: not for the hot path). */
    public Map<Integer, Long> notIpEthertypes() {
        Map<Integer, Long> m = new TreeMap<>();
        for (int i = 0; i < notIpByEthertype.length; i++) {
            if (notIpByEthertype[i] != 0) {
                m.put(i, notIpByEthertype[i]);
            }
        }
        return m;
    }

    /** Non-zero malformed counts by reason, for a report. */
    public Map<MalformedReason, Long> malformedByReason() {
        Map<MalformedReason, Long> m = new EnumMap<>(MalformedReason.class);
        for (MalformedReason r : MalformedReason.values()) {
            if (malformed[r.ordinal()] != 0) {
                m.put(r, malformed[r.ordinal()]);
            }
        }
        return m;
    }

    /** Packets decoded although the capture cut them short (snap length). */
    public long truncated() {
        return truncated;
    }

    /** IPv4 and IPv6 fragments seen (atomic IPv6 fragments excluded). */
    public long fragments() {
        return fragments;
    }

    /** Fragments ignored because exactly the same range was already held. */
    public long fragmentDuplicates() {
        return fragmentDuplicates;
    }

    /** Datagrams completed from fragments. */
    public long reassembled() {
        return reassembled;
    }

    /** Fragments that overlapped held data; their datagram is dropped. */
    public long fragmentOverlaps() {
        return malformed(MalformedReason.FRAGMENT_OVERLAP);
    }

    /** Incomplete datagrams dropped after the reassembly timeout. */
    public long evictedByTimeout() {
        return evictedByTimeout;
    }

    /** Incomplete datagrams dropped to make room under the reassembly limit. */
    public long evictedByLimit() {
        return evictedByLimit;
    }

    /** Datagrams still missing fragments when the capture ended. */
    public long incompleteAtEnd() {
        return incompleteAtEnd;
    }

    /**
     * Reassemblies given up with fragments missing: at the timeout, under the limit or at the end of
     * the capture. One datagram can count twice: a fragment that comes after its datagram timed out
     * starts a new reassembly, which can be given up in turn.
     */
    public long reassembliesAbandoned() {
        return evictedByTimeout + evictedByLimit + incompleteAtEnd;
    }

    /**
     * The fragment part of a status line: fragments seen, datagrams reassembled and, when some
     * reassemblies were given up, how many and why ({@code reassemblies_abandoned=2 (timeout=0 limit=0
     * at_end=2)}).
     */
    public String fragmentsStatus() {
        long abandoned = reassembliesAbandoned();
        return "fragments=" + fragments + " reassembled=" + reassembled + (abandoned == 0 ? ""
                : " reassemblies_abandoned=" + abandoned + " (timeout=" + evictedByTimeout + " limit=" + evictedByLimit
                        + " at_end=" + incompleteAtEnd + ")");
    }

    @Override
    public String toString() {
        return "packets=" + packets + " decoded=" + decoded() + " notIp=" + notIpTotal()
                + " malformed=" + malformedByReason() + " truncated=" + truncated
                + " fragments=" + fragments + " held=" + fragmentsPending() + " reassembled=" + reassembled
                + " duplicates=" + fragmentDuplicates + " evicted(timeout=" + evictedByTimeout
                + ", limit=" + evictedByLimit + ", atEnd=" + incompleteAtEnd + ")";
    }
}
