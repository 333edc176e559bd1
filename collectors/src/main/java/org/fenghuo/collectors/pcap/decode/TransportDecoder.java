package org.fenghuo.collectors.pcap.decode;

import static org.fenghuo.collectors.pcap.decode.Net.u16;
import static org.fenghuo.collectors.pcap.decode.Net.u32;
import static org.fenghuo.collectors.pcap.decode.Net.u8;

/**
 * Reads the transport header at {@code view.transportOffset}. {@code segmentEnd} is where the IP
 * header says the segment ends, {@code capEnd} where the captured bytes end (never beyond it).
 */
final class TransportDecoder {
    private TransportDecoder() {
    }

    static DecodeResult decode(PacketView v, byte[] d, int segmentEnd, int capEnd) {
        int pos = v.transportOffset;
        int captured = capEnd - pos;
        return switch (v.protocol) {
            case Net.PROTO_TCP -> tcp(v, d, pos, segmentEnd, captured);
            case Net.PROTO_UDP -> udp(v, d, pos, segmentEnd, captured);
            case Net.PROTO_ICMP, Net.PROTO_ICMPV6 -> icmp(v, d, pos, capEnd, captured);
            case Net.PROTO_SCTP -> sctp(v, d, pos, capEnd, captured);
            default -> payload(v, pos, capEnd);
        };
    }

    private static DecodeResult tcp(PacketView v, byte[] d, int pos, int segmentEnd, int captured) {
        if (captured < 20) {
            return v.malformed(MalformedReason.TRUNCATED_TRANSPORT_HEADER);
        }
        int headerLength = (u8(d, pos + 12) >>> 4) * 4;
        if (headerLength < 20 || headerLength > segmentEnd - pos) {
            return v.malformed(MalformedReason.BAD_TCP_DATA_OFFSET);
        }
        v.srcPort = u16(d, pos);
        v.dstPort = u16(d, pos + 2);
        v.tcpSeq = u32(d, pos + 4);
        v.tcpAck = u32(d, pos + 8);
        v.tcpFlags = u8(d, pos + 13);
        v.tcpWindow = u16(d, pos + 14);
        v.segmentPayloadLength = segmentEnd - pos - headerLength;
        if (headerLength > captured) {
            // Options cut by the snap length: the fixed fields are good, there is no payload to give.
            v.truncated = true;
            v.payloadOffset = pos + captured;
            v.payloadLength = 0;
            return DecodeResult.DECODED;
        }
        return payload(v, pos + headerLength, pos + captured);
    }

    private static DecodeResult udp(PacketView v, byte[] d, int pos, int segmentEnd, int captured) {
        if (captured < 8) {
            return v.malformed(MalformedReason.TRUNCATED_TRANSPORT_HEADER);
        }
        int length = u16(d, pos + 4);
        if (length == 0 && segmentEnd - pos > 65535) {
            length = segmentEnd - pos; // jumbo or BIG TCP-sized datagram: the length field cannot hold it
        }
        // Longer than the IP payload is a lie; shorter leaves trailing IP bytes that are not UDP's.
        if (length < 8 || length > segmentEnd - pos) {
            return v.malformed(MalformedReason.UDP_LENGTH_MISMATCH);
        }
        v.srcPort = u16(d, pos);
        v.dstPort = u16(d, pos + 2);
        return payload(v, pos + 8, Math.min(pos + length, pos + captured));
    }

    private static DecodeResult icmp(PacketView v, byte[] d, int pos, int capEnd, int captured) {
        if (captured < 4) {
            return v.malformed(MalformedReason.TRUNCATED_TRANSPORT_HEADER);
        }
        v.icmpType = u8(d, pos);
        v.icmpCode = u8(d, pos + 1);
        // The rest of the header depends on the type; parsers read it from the payload offset.
        return payload(v, pos + 4, capEnd);
    }

    private static DecodeResult sctp(PacketView v, byte[] d, int pos, int capEnd, int captured) {
        if (captured < 12) {
            return v.malformed(MalformedReason.TRUNCATED_TRANSPORT_HEADER);
        }
        v.srcPort = u16(d, pos);
        v.dstPort = u16(d, pos + 2);
        return payload(v, pos + 12, capEnd);
    }

    private static DecodeResult payload(PacketView v, int start, int end) {
        v.payloadOffset = start;
        v.payloadLength = Math.max(0, end - start);
        return DecodeResult.DECODED;
    }

    /**
     * The snap length cut this fragment, so it cannot join a reassembly. A first fragment still
     * carries the transport header, so hand it on with its ports (moreFragments tells the caller).
     */
    static DecodeResult truncatedFragment(PacketView v, byte[] d) {
        if (v.fragmentOffset != 0) {
            return v.malformed(MalformedReason.TRUNCATED_FRAGMENT);
        }
        // The datagram's end is unknown: only the captured bytes bound the transport header.
        return TransportDecoder.decode(v, d, Integer.MAX_VALUE, v.ipEnd);
    }
}
