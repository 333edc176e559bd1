package org.fenghuo.collectors.pcap.app.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds DNS wire bytes for tests, field by field, so malformed messages are as easy as good ones. */
final class DnsWire {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static DnsWire header(int id, int flags, int qd, int an, int ns, int ar) {
        return new DnsWire().u16(id).u16(flags).u16(qd).u16(an).u16(ns).u16(ar);
    }

    /** A standard query (RD) for one name. */
    static byte[] query(int id, String name, int type) {
        return header(id, 0x0100, 1, 0, 0, 0).name(name).u16(type).u16(1).bytes();
    }

    /** An answer to {@link #query} with one A record per address, owner name compressed to the question. */
    static byte[] answerA(int id, String name, String... addresses) {
        DnsWire w = header(id, 0x8180, 1, addresses.length, 0, 0).name(name).u16(1).u16(1);
        for (String a : addresses) {
            w.u16(0xc00c).u16(1).u16(1).u32(300).u16(4);
            for (String part : a.split("\\.")) {
                w.u8(Integer.parseInt(part));
            }
        }
        return w.bytes();
    }

    /** With the 2-byte length prefix of DNS over TCP. */
    static byte[] tcp(byte[] message) {
        return new DnsWire().u16(message.length).raw(message).bytes();
    }

    DnsWire u8(int v) {
        out.write(v);
        return this;
    }

    DnsWire u16(int v) {
        out.write(v >> 8);
        out.write(v);
        return this;
    }

    DnsWire u32(long v) {
        return u16((int) (v >> 16)).u16((int) v);
    }

    DnsWire raw(byte... b) {
        out.writeBytes(b);
        return this;
    }

    /** Uncompressed labels then the root label; "" is the root. */
    DnsWire name(String dotted) {
        if (!dotted.isEmpty()) {
            for (String label : dotted.split("\\.")) {
                byte[] b = label.getBytes(StandardCharsets.ISO_8859_1);
                u8(b.length).raw(b);
            }
        }
        return u8(0);
    }

    /** A record header (owner name already written); {@code rdata} follows with its length. */
    DnsWire rr(int type, int dnsClass, long ttl, byte[] rdata) {
        return u16(type).u16(dnsClass).u32(ttl).u16(rdata.length).raw(rdata);
    }

    int size() {
        return out.size();
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
