package org.fenghuo.collectors.pcap.decode;

import static org.fenghuo.collectors.pcap.decode.Net.u16;
import static org.fenghuo.collectors.pcap.decode.Net.u32;
import static org.fenghuo.collectors.pcap.decode.Net.u64;
import static org.fenghuo.collectors.pcap.decode.Net.u8;

/**
 * IPv6 fixed header and extension-header chain (bounded), fragments handed to the reassembler,
 * then the transport header. A reassembled datagram keeps only the fixed header: extension headers
 * before the fragment header (hop-by-hop, routing) are dropped, which the flow table never reads.
 */
final class Ipv6Decoder {
    private static final int HOP_BY_HOP = 0;
    private static final int ROUTING = 43;
    private static final int FRAGMENT = 44;
    private static final int AH = 51;
    private static final int DEST_OPTIONS = 60;
    private static final int MOBILITY = 135;
    private static final int HIP = 139;
    private static final int SHIM6 = 140;

    private final FragmentReassembler reassembler;
    private final int maxExtensionHeaders;

    Ipv6Decoder(FragmentReassembler reassembler, int maxExtensionHeaders) {
        this.reassembler = reassembler;
        this.maxExtensionHeaders = maxExtensionHeaders;
    }

    /**
     * @param capEnd   end of the captured bytes
     * @param wireLeft bytes the frame had on the wire from the IP header on (negative: unknown)
     */
    DecodeResult decode(PacketView v, byte[] d, int pos, int capEnd, int wireLeft) {
        int captured = capEnd - pos;
        if (captured < 40) {
            return v.malformed(MalformedReason.TRUNCATED_IP_HEADER);
        }
        if (u8(d, pos) >>> 4 != 6) {
            return v.malformed(MalformedReason.BAD_IP_VERSION);
        }
        int totalLength = 40 + u16(d, pos + 4);
        if (totalLength == 40 && u8(d, pos + 6) == HOP_BY_HOP && !v.reassembled) {
            // A jumbogram (RFC 2675) or offload: the real length is not in the fixed header.
            totalLength = wireLeft >= 40 ? wireLeft : captured;
        }
        if (wireLeft >= 0 && totalLength > wireLeft) {
            return v.malformed(MalformedReason.IP_LENGTH_BEYOND_WIRE);
        }
        v.networkOffset = pos;
        v.ipVersion = 6;
        v.hopLimit = u8(d, pos + 7);
        v.srcAddressOffset = pos + 8;
        v.dstAddressOffset = pos + 24;
        v.addressLength = 16;
        v.ipEnd = pos + Math.min(totalLength, captured);
        if (totalLength > captured) {
            v.truncated = true;
        }
        return extensions(v, d, pos, pos + totalLength);
    }

    /** Walks the chain to the upper-layer header; {@code end} is where the IP payload length says it ends. */
    private DecodeResult extensions(PacketView v, byte[] d, int ipPos, int end) {
        int next = u8(d, ipPos + 6);
        int pos = ipPos + 40;
        for (int count = 0; isExtension(next); count++) {
            if (count == maxExtensionHeaders) {
                return v.malformed(MalformedReason.EXTENSION_CHAIN_TOO_LONG);
            }
            if (pos + 8 > v.ipEnd || pos + 8 > end) {
                return v.malformed(MalformedReason.TRUNCATED_EXTENSION_HEADER);
            }
            if (next == FRAGMENT) {
                int offsetFlags = u16(d, pos + 2);
                v.ipId = u32(d, pos + 4);
                v.fragmentOffset = offsetFlags & 0xfff8;
                v.moreFragments = (offsetFlags & 1) != 0;
                // Behind a real fragment header lies fragment data, not more headers. An atomic
                // fragment (offset 0, no more) is a whole datagram (RFC 6946): keep walking.
                if (v.fragmentOffset != 0 || v.moreFragments) {
                    v.protocol = u8(d, pos);
                    v.transportOffset = pos + 8;
                    return fragment(v, d, ipPos, pos + 8, end);
                }
            }
            int length = next == FRAGMENT ? 8
                    : next == AH ? (u8(d, pos + 1) + 2) * 4 : (u8(d, pos + 1) + 1) * 8;
            if (pos + length > v.ipEnd || pos + length > end) {
                return v.malformed(MalformedReason.TRUNCATED_EXTENSION_HEADER);
            }
            next = u8(d, pos);
            pos += length;
        }
        v.protocol = next;
        v.transportOffset = pos;
        return TransportDecoder.decode(v, d, end, v.ipEnd);
    }

    private static boolean isExtension(int next) {
        return next == HOP_BY_HOP || next == ROUTING || next == FRAGMENT || next == DEST_OPTIONS
                || next == AH || next == MOBILITY || next == HIP || next == SHIM6;
    }

    private DecodeResult fragment(PacketView v, byte[] d, int ipPos, int payloadPos, int end) {
        if (v.reassembled) {
            // A fragment inside a reassembled datagram only serves evasion, and would nest reassemblies.
            return v.malformed(MalformedReason.BAD_FRAGMENT);
        }
        if (v.truncated) {
            return TransportDecoder.truncatedFragment(v, d);
        }
        FragmentKey key = new FragmentKey(6, v.protocol, v.ipId, u64(d, ipPos + 8), u64(d, ipPos + 16),
                u64(d, ipPos + 24), u64(d, ipPos + 32));
        int n = reassembler.add(v, key, d, ipPos, 40, payloadPos, v.fragmentOffset, end - payloadPos,
                v.moreFragments, 65535);
        if (n < 0) {
            return n == FragmentReassembler.PENDING ? DecodeResult.FRAGMENT_PENDING : DecodeResult.MALFORMED;
        }
        byte[] out = reassembler.output();
        int payload = n - 40;
        out[4] = (byte) (payload >>> 8);
        out[5] = (byte) payload;
        out[6] = (byte) v.protocol;
        v.data = out;
        v.linkOffset = -1;
        v.capturedLength = n;
        v.reassembled = true;
        v.resetIp();
        return decode(v, out, 0, n, -1);
    }
}
