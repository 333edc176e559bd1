package org.fenghuo.collectors.pcap.decode;

import static org.fenghuo.collectors.pcap.decode.Net.ETHERTYPE_IPV4;
import static org.fenghuo.collectors.pcap.decode.Net.ETHERTYPE_IPV6;
import static org.fenghuo.collectors.pcap.decode.Net.u16;

/**
 * Finds the IP header behind the link header and records its offset, the EtherType, the
 * outermost VLAN id and the next two ({@link L4Packet#innerVlans()}) in the view. Returns DECODED
 * when the network layer is IPv4 or IPv6 ({@code view.etherType} tells which), otherwise NOT_IP or
 * MALFORMED.
 */
final class LinkDecoder {
    static final int ETHERNET = 1;
    static final int NULL = 0;
    /** DLT_RAW as written by old libpcaps on most systems (12) and on OpenBSD (14), not remapped to 101. */
    static final int RAW_DLT_12 = 12;
    static final int RAW_DLT_14 = 14;
    static final int RAW = 101;
    static final int LOOP = 108;
    static final int LINUX_SLL = 113;
    static final int IPV4 = 228;
    static final int IPV6 = 229;
    static final int LINUX_SLL2 = 276;

    private static final int SLL_LEN = 16;
    private static final int SLL2_LEN = 20;

    private final int maxVlanTags;

    LinkDecoder(int maxVlanTags) {
        this.maxVlanTags = maxVlanTags;
    }

    DecodeResult decode(PacketView v, byte[] d, int off, int end) {
        return switch (v.linkType) {
            case ETHERNET -> ethernet(v, d, off, end);
            case LINUX_SLL -> end - off < SLL_LEN
                    ? v.malformed(MalformedReason.TRUNCATED_LINK_HEADER)
                    : etherType(v, d, u16(d, off + 14), off + SLL_LEN, end, 0);
            case LINUX_SLL2 -> end - off < SLL2_LEN
                    ? v.malformed(MalformedReason.TRUNCATED_LINK_HEADER)
                    : etherType(v, d, u16(d, off), off + SLL2_LEN, end, 0);
            case RAW, RAW_DLT_12, RAW_DLT_14 -> rawIp(v, d, off, end);
            case IPV4 -> network(v, ETHERTYPE_IPV4, off);
            case IPV6 -> network(v, ETHERTYPE_IPV6, off);
            case NULL -> loopback(v, d, off, end, false);
            case LOOP -> loopback(v, d, off, end, true);
            default -> v.notIp(NotIpReason.UNSUPPORTED_LINK_TYPE);
        };
    }

    private DecodeResult ethernet(PacketView v, byte[] d, int off, int end) {
        if (end - off < 14) {
            return v.malformed(MalformedReason.TRUNCATED_LINK_HEADER);
        }
        return etherType(v, d, u16(d, off + 12), off + 14, end, 0);
    }

    /** Follows VLAN tags (also inside Linux cooked frames that kept them) to the network EtherType. */
    private DecodeResult etherType(PacketView v, byte[] d, int type, int pos, int end, int tags) {
        while (type == Net.ETHERTYPE_VLAN || type == Net.ETHERTYPE_QINQ || type == Net.ETHERTYPE_QINQ_OLD) {
            if (++tags > maxVlanTags) {
                return v.malformed(MalformedReason.TOO_MANY_VLAN_TAGS);
            }
            if (end - pos < 4) {
                return v.malformed(MalformedReason.TRUNCATED_LINK_HEADER);
            }
            int id = u16(d, pos) & 0x0fff;
            if (v.vlanId < 0) {
                v.vlanId = id;
            } else if (v.innerVlans == 0) {
                v.innerVlans = id + 1;
            } else if (v.innerVlans <= 0x1fff) {
                v.innerVlans |= (id + 1) << 13;
            }
            type = u16(d, pos + 2);
            pos += 4;
        }
        v.etherType = type;
        if (type != ETHERTYPE_IPV4 && type != ETHERTYPE_IPV6) {
            return v.notIp(NotIpReason.NON_IP_ETHERTYPE);
        }
        return network(v, type, pos);
    }

    private static DecodeResult rawIp(PacketView v, byte[] d, int off, int end) {
        if (end - off < 1) {
            return v.malformed(MalformedReason.TRUNCATED_IP_HEADER);
        }
        int version = (d[off] & 0xff) >>> 4;
        if (version == 4) {
            return network(v, ETHERTYPE_IPV4, off);
        }
        return version == 6 ? network(v, ETHERTYPE_IPV6, off) : v.malformed(MalformedReason.BAD_IP_VERSION);
    }

    /**
     * BSD null (host byte order of the capturing machine, so either order) and OpenBSD loop
     * (network order). IPv6's AF value differs per BSD: 24 NetBSD/OpenBSD, 28 FreeBSD, 30 Darwin.
     */
    private static DecodeResult loopback(PacketView v, byte[] d, int off, int end, boolean networkOrder) {
        if (end - off < 4) {
            return v.malformed(MalformedReason.TRUNCATED_LINK_HEADER);
        }
        int be = (int) Net.u32(d, off);
        int af = networkOrder || (be & 0xffff0000) == 0 ? be : Integer.reverseBytes(be);
        if (af == 2) {
            return network(v, ETHERTYPE_IPV4, off + 4);
        }
        if (af == 24 || af == 28 || af == 30) {
            return network(v, ETHERTYPE_IPV6, off + 4);
        }
        return v.notIp(NotIpReason.NON_IP_ADDRESS_FAMILY);
    }

    private static DecodeResult network(PacketView v, int etherType, int pos) {
        v.etherType = etherType;
        v.networkOffset = pos;
        return DecodeResult.DECODED;
    }
}
