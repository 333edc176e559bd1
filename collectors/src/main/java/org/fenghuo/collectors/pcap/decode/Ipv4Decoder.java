package org.fenghuo.collectors.pcap.decode;

import static org.fenghuo.collectors.pcap.decode.Net.u16;
import static org.fenghuo.collectors.pcap.decode.Net.u32;
import static org.fenghuo.collectors.pcap.decode.Net.u8;

/** IPv4 header checks, fragments handed to the reassembler, then the transport header. */
final class Ipv4Decoder {
    private final FragmentReassembler reassembler;

    Ipv4Decoder(FragmentReassembler reassembler) {
        this.reassembler = reassembler;
    }

    /**
     * @param capEnd   end of the captured bytes
     * @param wireLeft bytes the frame had on the wire from the IP header on (negative: unknown)
     */
    DecodeResult decode(PacketView v, byte[] d, int pos, int capEnd, int wireLeft) {
        int captured = capEnd - pos;
        if (captured < 20) {
            return v.malformed(MalformedReason.TRUNCATED_IP_HEADER);
        }
        int first = u8(d, pos);
        if (first >>> 4 != 4) {
            return v.malformed(MalformedReason.BAD_IP_VERSION);
        }
        int headerLength = (first & 0x0f) * 4;
        if (headerLength < 20) {
            return v.malformed(MalformedReason.BAD_IHL);
        }
        if (headerLength > captured) {
            return v.malformed(MalformedReason.TRUNCATED_IP_HEADER);
        }
        int totalLength = u16(d, pos + 2);
        if (totalLength == 0 && !v.reassembled) {
            // Segmentation offload and BIG TCP (> 64 KiB): the capture shows 0, the frame knows better.
            totalLength = wireLeft >= headerLength ? wireLeft : captured;
        }
        if (totalLength < headerLength) {
            return v.malformed(MalformedReason.TOTAL_LENGTH_BELOW_HEADER);
        }
        if (wireLeft >= 0 && totalLength > wireLeft) {
            return v.malformed(MalformedReason.IP_LENGTH_BEYOND_WIRE);
        }
        fillHeader(v, d, pos);
        v.ipEnd = pos + Math.min(totalLength, captured);
        if (totalLength > captured) {
            v.truncated = true;
        }
        v.transportOffset = pos + headerLength;
        if (v.moreFragments || v.fragmentOffset != 0) {
            return fragment(v, d, pos, headerLength, totalLength);
        }
        return TransportDecoder.decode(v, d, pos + totalLength, v.ipEnd);
    }

    private static void fillHeader(PacketView v, byte[] d, int pos) {
        int flagsOffset = u16(d, pos + 6);
        v.networkOffset = pos;
        v.ipVersion = 4;
        v.ipId = u16(d, pos + 4);
        v.dontFragment = (flagsOffset & 0x4000) != 0;
        v.moreFragments = (flagsOffset & 0x2000) != 0;
        v.fragmentOffset = (flagsOffset & 0x1fff) * 8;
        v.hopLimit = u8(d, pos + 8);
        v.protocol = u8(d, pos + 9);
        v.srcAddressOffset = pos + 12;
        v.dstAddressOffset = pos + 16;
        v.addressLength = 4;
    }

    private DecodeResult fragment(PacketView v, byte[] d, int pos, int headerLength, int totalLength) {
        if (v.truncated) {
            return TransportDecoder.truncatedFragment(v, d);
        }
        FragmentKey key = new FragmentKey(4, v.protocol, v.ipId, 0, u32(d, pos + 12), 0, u32(d, pos + 16));
        int n = reassembler.add(v, key, d, pos, headerLength, pos + headerLength, v.fragmentOffset,
                totalLength - headerLength, v.moreFragments, 65535 - headerLength);
        if (n < 0) {
            return n == FragmentReassembler.PENDING ? DecodeResult.FRAGMENT_PENDING : DecodeResult.MALFORMED;
        }
        byte[] out = reassembler.output();
        // Make the rebuilt header describe the whole datagram: length set, fragment fields cleared.
        out[2] = (byte) (n >>> 8);
        out[3] = (byte) n;
        out[6] &= 0x40;
        out[7] = 0;
        v.data = out;
        v.linkOffset = -1;
        v.capturedLength = n;
        v.reassembled = true;
        v.resetIp();
        return decode(v, out, 0, n, -1);
    }
}
