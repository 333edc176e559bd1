package org.fenghuo.collectors.pcap.decode;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Bounded IPv4/IPv6 fragment reassembly shared by both IP decoders. A fragment at any offset opens
 * a datagram; it completes when the first fragment's header, the last fragment and every block in
 * between are held. Exact duplicates are ignored; any other overlap drops the datagram (RFC 5722's
 * rule, applied to IPv4 too, because overlapping pieces are how IDS evasion works and we will not
 * guess which copy the target host kept). The map keeps insertion (= capture-time) order, so the
 * oldest datagram is at its head for both the timeout and the limit.
 */
final class FragmentReassembler {
    static final int PENDING = -1;
    static final int REJECTED = -2;

    private final DecoderConfig config;
    private final DecodeStats stats;
    private final LinkedHashMap<FragmentKey, PartialDatagram> datagrams = new LinkedHashMap<>();
    /** Header plus payload of the last completed datagram; the view points here after reassembly. */
    private final byte[] output;
    /** A lower bound of the first-seen time of the oldest datagram, to skip the expiry scan cheaply. */
    private long oldestNanos = Long.MAX_VALUE;

    FragmentReassembler(DecoderConfig config, DecodeStats stats) {
        this.config = config;
        this.stats = stats;
        this.output = new byte[config.maxDatagramBytes() + 60];
    }

    byte[] output() {
        return output;
    }

    int inProgress() {
        return datagrams.size();
    }

    /** Drops datagrams older than the timeout; cheap (no iteration) when none can be due. */
    void expire(long nowNanos) {
        if (datagrams.isEmpty() || nowNanos - oldestNanos <= config.reassemblyTimeoutNanos()) {
            return;
        }
        Iterator<PartialDatagram> it = datagrams.values().iterator();
        while (it.hasNext()) {
            PartialDatagram p = it.next();
            if (nowNanos - p.firstSeenNanos <= config.reassemblyTimeoutNanos()) {
                oldestNanos = p.firstSeenNanos;
                return;
            }
            it.remove();
            stats.countEvictedByTimeout();
        }
        oldestNanos = Long.MAX_VALUE;
    }

    /** The capture ended: datagrams still missing fragments are dropped and counted. */
    void abandonAll() {
        stats.countIncompleteAtEnd(datagrams.size());
        datagrams.clear();
        oldestNanos = Long.MAX_VALUE;
    }

    /**
     * Adds one fragment's payload. {@code header} bytes are kept from the fragment at offset 0.
     * {@code maxPayload} is what the version's length field can express (IPv4: 65535 minus the header).
     *
     * @return the length of the datagram (header + payload) now in {@link #output()}, or
     *     {@link #PENDING}, or {@link #REJECTED} with the reason set on the view
     */
    int add(PacketView v, FragmentKey key, byte[] d, int headerOffset, int headerLength,
            int payloadOffset, int fragOffset, int length, boolean more, int maxPayload) {
        stats.countFragment();
        if (more && (length == 0 || (length & 7) != 0)) {
            v.malformed(MalformedReason.BAD_FRAGMENT);
            return REJECTED;
        }
        int end = fragOffset + length;
        if (end > Math.min(maxPayload, config.maxDatagramBytes())) {
            datagrams.remove(key);
            v.malformed(MalformedReason.FRAGMENT_TOO_LARGE);
            return REJECTED;
        }
        PartialDatagram p = datagrams.get(key);
        if (p == null) {
            p = open(key, v.timestampNanos);
        }
        if (p.covers(fragOffset, end) && (more || p.totalLength == end)) {
            stats.countFragmentDuplicate();
            return PENDING;
        }
        if (p.touches(fragOffset, end) || inconsistentEnd(p, end, more)) {
            datagrams.remove(key);
            v.malformed(MalformedReason.FRAGMENT_OVERLAP);
            return REJECTED;
        }
        if (!more) {
            p.totalLength = end;
        }
        if (fragOffset == 0) {
            p.header = new byte[headerLength];
            System.arraycopy(d, headerOffset, p.header, 0, headerLength);
        }
        p.put(d, payloadOffset, fragOffset, length);
        p.wireBytes += v.wireLength;
        if (!p.complete()) {
            return PENDING;
        }
        datagrams.remove(key);
        stats.countReassembled();
        v.wireLength = (int) Math.min(Integer.MAX_VALUE, p.wireBytes);
        System.arraycopy(p.header, 0, output, 0, p.header.length);
        System.arraycopy(p.payload, 0, output, p.header.length, p.totalLength);
        return p.header.length + p.totalLength;
    }

    private static boolean inconsistentEnd(PartialDatagram p, int end, boolean more) {
        if (p.totalLength >= 0) {
            return more ? end > p.totalLength : end != p.totalLength;
        }
        return !more && p.holdsBeyond(end);
    }

    private PartialDatagram open(FragmentKey key, long now) {
        if (datagrams.size() >= config.maxReassemblies()) {
            Iterator<PartialDatagram> it = datagrams.values().iterator();
            it.next();
            it.remove();
            stats.countEvictedByLimit();
        }
        PartialDatagram p = new PartialDatagram(now);
        datagrams.put(key, p);
        oldestNanos = Math.min(oldestNanos, now);
        return p;
    }
}
