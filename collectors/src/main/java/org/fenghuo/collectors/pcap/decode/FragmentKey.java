package org.fenghuo.collectors.pcap.decode;

/**
 * Identity of a datagram under reassembly: version, addresses, identification and protocol
 * (RFC 791; RFC 8200 drops the protocol but keeping it is harmless). IPv4 addresses use the low
 * word of {@code src1}/{@code dst1}; longs rather than arrays so that equals and hashCode work.
 *
 * <p>{@code equals} and {@code hashCode} are written out: a record's own are bootstrapped through
 * method handles at first use, which spins classes at run time (~2.5% of the CPU of a cold decode
 * of the demo capture, which holds one fragmented datagram) and stays slow under C1.
 */
record FragmentKey(int version, int protocol, long id, long src0, long src1, long dst0, long dst1) {
    @Override
    public boolean equals(Object o) {
        return o instanceof FragmentKey k && version == k.version && protocol == k.protocol && id == k.id
                && src0 == k.src0 && src1 == k.src1 && dst0 == k.dst0 && dst1 == k.dst1;
    }

    @Override
    public int hashCode() {
        long h = id;
        h = 31 * h + src0;
        h = 31 * h + src1;
        h = 31 * h + dst0;
        h = 31 * h + dst1;
        h = 31 * h + (version << 8 | protocol);
        return Long.hashCode(h);
    }
}
