package org.fenghuo.collectors.pcap.decode;

/**
 * Zero-copy decoder from captured frames to the reusable {@link PacketView}: link layer, IPv4 or
 * IPv6 (with bounded fragment reassembly), then TCP, UDP, ICMP, ICMPv6 or SCTP. Nothing is
 * allocated per packet except while fragments are held, and no exception leaves {@link #decode}
 * whatever the bytes: bad input is a {@link DecodeResult#MALFORMED} result with a
 * {@link MalformedReason}, counted in {@link #stats()}.
 *
 * <p>Single-threaded: one decoder per capture thread; its arguments are those of
 * {@code capture.PacketHandler#packet}, so a handler can forward them unchanged.
 */
public final class PacketDecoder {
    private final PacketView view = new PacketView();
    private final DecodeStats stats = new DecodeStats();
    private final FragmentReassembler reassembler;
    private final LinkDecoder link;
    private final Ipv4Decoder ipv4;
    private final Ipv6Decoder ipv6;

    public PacketDecoder() {
        this(DecoderConfig.defaults());
    }

    public PacketDecoder(DecoderConfig config) {
        reassembler = new FragmentReassembler(config, stats);
        link = new LinkDecoder(config.maxVlanTags());
        ipv4 = new Ipv4Decoder(reassembler);
        ipv6 = new Ipv6Decoder(reassembler, config.maxExtensionHeaders());
    }

    /**
     * Decodes one frame into {@link #view()}, valid until the next call.
     *
     * @param linkType       LINKTYPE_* of tcpdump.org (1 Ethernet, 113/276 Linux cooked, 101 raw...)
     * @param timestampNanos capture time, nanoseconds since the epoch; also the reassembly clock
     * @param wireLength     frame length on the wire; a datagram rebuilt from fragments gets their sum
     * @param data           captured bytes, from {@code offset} for {@code capturedLength}; only read
     */
    public DecodeResult decode(int linkType, long timestampNanos, int wireLength, byte[] data, int offset,
                               int capturedLength) {
        stats.countPacket();
        DecodeResult result;
        try {
            result = decodeFrame(linkType, timestampNanos, wireLength, data, offset, capturedLength);
        } catch (RuntimeException e) {
            // Bounds are checked explicitly everywhere; this only keeps a decoder bug from stopping a capture.
            result = view.malformed(MalformedReason.INTERNAL_ERROR);
        }
        count(result);
        return result;
    }

    private DecodeResult decodeFrame(int linkType, long ts, int wireLength, byte[] data, int offset, int captured) {
        view.reset(linkType, ts, wireLength, data, offset, captured);
        if (data == null || offset < 0 || captured < 0 || offset > data.length - captured) {
            return view.malformed(MalformedReason.INVALID_BUFFER);
        }
        reassembler.expire(ts);
        int end = offset + captured;
        DecodeResult r = link.decode(view, data, offset, end);
        if (r != DecodeResult.DECODED) {
            return r;
        }
        int pos = view.networkOffset;
        // Only trust the wire length when it is consistent; broken files carry orig_len < caplen.
        int wireLeft = wireLength >= captured ? wireLength - (pos - offset) : -1;
        return view.etherType == Net.ETHERTYPE_IPV4
                ? ipv4.decode(view, data, pos, end, wireLeft)
                : ipv6.decode(view, data, pos, end, wireLeft);
    }

    private void count(DecodeResult r) {
        stats.countResult(r);
        switch (r) {
            case MALFORMED -> stats.countMalformed(view.malformedReason);
            case NOT_IP -> stats.countNotIp(view.notIpReason, view.etherType);
            case DECODED -> {
                if (view.truncated) {
                    stats.countTruncated();
                }
            }
            default -> { }
        }
    }

    /** The flyweight the last {@link #decode} filled. */
    public PacketView view() {
        return view;
    }

    public DecodeStats stats() {
        return stats;
    }

    /** Reason of the last result if it was MALFORMED, else null: what a dead-letter record names. */
    public MalformedReason lastMalformedReason() {
        return view.malformedReason;
    }

    /** Reason of the last result if it was NOT_IP, else null. */
    public NotIpReason lastNotIpReason() {
        return view.notIpReason;
    }

    /** Datagrams currently held for reassembly. */
    public int reassembliesInProgress() {
        return reassembler.inProgress();
    }

    /** Ages out incomplete datagrams, e.g. at the end of a capture or on an idle live link. */
    public void expireFragments(long nowNanos) {
        reassembler.expire(nowNanos);
    }

    /** End of the capture: datagrams still waiting for fragments are counted as incomplete. */
    public void finish() {
        reassembler.abandonAll();
    }
}
