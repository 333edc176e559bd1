package org.fenghuo.collectors.pcap.decode;

/** Why a frame was not handed on as IP: not an error, just traffic the flow table does not meter. */
public enum NotIpReason {
    /** The capture's link type is not one the decoder knows (see {@link LinkDecoder}). */
    UNSUPPORTED_LINK_TYPE,
    /** Ethernet or Linux cooked frame with a non-IP EtherType (ARP, LLDP, MPLS, 802.3 length...). */
    NON_IP_ETHERTYPE,
    /** BSD loopback/null frame with an address family other than IPv4/IPv6. */
    NON_IP_ADDRESS_FAMILY
}
