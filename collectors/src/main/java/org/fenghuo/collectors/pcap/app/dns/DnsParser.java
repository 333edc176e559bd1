package org.fenghuo.collectors.pcap.app.dns;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.collectors.pcap.flow.HexText;
import org.fenghuo.collectors.pcap.flow.IpText;

/**
 * Parses one DNS message (RFC 1035 4.1) from a byte range, without dependencies.
 *
 * <p>Names follow compression pointers only strictly backwards, to before the start of the
 * labels that led to them, so every jump makes progress and no pointer loop can spin; a name
 * longer than 255 wire octets is refused. RDATA is rendered as dig prints it, names without the
 * trailing dot (as ECS wants {@code dns.question.name}): A, AAAA, CNAME, NS, PTR, DNAME as the
 * address or name; MX "pref exchange"; SRV "priority weight port target"; SOA "mname rname serial
 * refresh retry expire minimum"; TXT and SPF as quoted strings; HINFO as two quoted strings.
 * Other types get RFC 3597's {@code \# len hex}; OPT has no data here, its extended rcode and DO
 * bit go into the message. Bytes after the last section are ignored.
 */
public final class DnsParser {
    /** RFC 1035 2.3.4: 255 octets of wire form, length bytes and the root label included. */
    static final int MAX_NAME_OCTETS = 255;
    static final int HEADER_LENGTH = 12;

    private final byte[] b;
    private final int base;
    private final int len;

    private DnsParser(byte[] b, int off, int len) {
        this.b = b;
        this.base = off;
        this.len = len;
    }

    /** The message in {@code data[off, off+len)}; positions in errors are relative to {@code off}. */
    public static DnsMessage parse(byte[] data, int off, int len) throws DnsParseException {
        if (off < 0 || len < 0 || off + len > data.length) {
            throw new DnsParseException("truncated header", "range outside the buffer");
        }
        return new DnsParser(data, off, len).message();
    }

    /**
     * The cheap sanity check of a header at {@code data[off]} for a message of {@code length}
     * bytes: a known opcode and section counts that could fit (a question takes at least 5
     * bytes, a record 11), so random payload on port 53 is rarely taken for DNS. All counts zero
     * is allowed: some servers answer junk with a bare FORMERR header.
     */
    public static boolean plausibleHeader(byte[] data, int off, int available, int length) {
        if (available < HEADER_LENGTH || length < HEADER_LENGTH) {
            return false;
        }
        int opCode = (data[off + 2] >> 3) & 0xf;
        if (opCode == 3 || opCode > 6) {
            return false;
        }
        long qd = u16(data, off + 4);
        long records = u16(data, off + 6) + u16(data, off + 8) + u16(data, off + 10);
        return HEADER_LENGTH + 5 * qd + 11 * records <= length;
    }

    private DnsMessage message() throws DnsParseException {
        if (len < HEADER_LENGTH) {
            throw new DnsParseException("truncated header", len + " bytes");
        }
        int id = u16(0);
        int flags = u16(2);
        int qd = u16(4);
        int an = u16(6);
        int ns = u16(8);
        int ar = u16(10);
        int p = HEADER_LENGTH;
        // each count is bounded by the bytes left: a question needs >= 5, a record >= 11
        List<DnsQuestion> questions = new ArrayList<>(Math.min(qd, 16));
        for (int i = 0; i < qd; i++) {
            StringBuilder name = new StringBuilder();
            p = name(p, name);
            if (p + 4 > len) {
                throw new DnsParseException("truncated question", "question " + i + " ends at " + (p + 4) + " of " + len);
            }
            questions.add(new DnsQuestion(name.toString(), u16(p), u16(p + 2)));
            p += 4;
        }
        List<DnsRecord> answers = new ArrayList<>(Math.min(an, 16));
        List<DnsRecord> authorities = new ArrayList<>(Math.min(ns, 16));
        List<DnsRecord> additionals = new ArrayList<>(Math.min(ar, 16));
        p = records(p, an, answers);
        p = records(p, ns, authorities);
        records(p, ar, additionals);
        int rcode = flags & 0xf;
        boolean dnssecOk = false;
        for (DnsRecord r : additionals) {
            if (r.type() == DnsCodes.OPT) {
                rcode |= (int) (r.ttl() >>> 24) << 4;
                dnssecOk = (r.ttl() & 0x8000) != 0;
                break;
            }
        }
        return new DnsMessage(id, (flags & 0x8000) != 0, (flags >> 11) & 0xf, flags, rcode, dnssecOk, questions,
                answers, authorities, additionals);
    }

    private int records(int p, int count, List<DnsRecord> into) throws DnsParseException {
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            p = name(p, name);
            if (p + 10 > len) {
                throw new DnsParseException("truncated record", "record header ends at " + (p + 10) + " of " + len);
            }
            int type = u16(p);
            int dnsClass = u16(p + 2);
            long ttl = u16(p + 4) * 65536L + u16(p + 6);
            int rdLength = u16(p + 8);
            int start = p + 10;
            int end = start + rdLength;
            if (end > len) {
                throw new DnsParseException("bad record length", "RDATA of " + rdLength + " bytes at " + start
                        + " runs past " + len);
            }
            into.add(new DnsRecord(name.toString(), type, dnsClass, ttl, rdata(type, start, end)));
            p = end;
        }
        return p;
    }

    private String rdata(int type, int start, int end) throws DnsParseException {
        int n = end - start;
        StringBuilder out = new StringBuilder();
        switch (type) {
            case DnsCodes.A -> {
                expect(n == 4, type, n);
                return IpText.format(b, base + start, 4);
            }
            case DnsCodes.AAAA -> {
                expect(n == 16, type, n);
                return IpText.format(b, base + start, 16);
            }
            case DnsCodes.CNAME, DnsCodes.NS, DnsCodes.PTR, DnsCodes.DNAME -> within(name(start, out), end, type);
            case DnsCodes.MX -> {
                expect(n >= 3, type, n);
                out.append(u16(start)).append(' ');
                within(name(start + 2, out), end, type);
            }
            case DnsCodes.SRV -> {
                expect(n >= 7, type, n);
                out.append(u16(start)).append(' ').append(u16(start + 2)).append(' ').append(u16(start + 4)).append(' ');
                within(name(start + 6, out), end, type);
            }
            case DnsCodes.SOA -> {
                int p = name(start, out);
                out.append(' ');
                p = name(p, out);
                expect(p + 20 <= end, type, n);
                for (int i = 0; i < 5; i++) {
                    out.append(' ').append(u16(p + 4 * i) * 65536L + u16(p + 4 * i + 2));
                }
                within(p + 20, end, type);
            }
            case DnsCodes.TXT, DnsCodes.SPF, DnsCodes.HINFO -> {
                int strings = 0;
                for (int p = start; p < end; strings++) {
                    int l = b[base + p] & 0xff;
                    expect(p + 1 + l <= end, type, n);
                    if (strings > 0) {
                        out.append(' ');
                    }
                    DnsText.quoted(b, base + p + 1, l, out);
                    p += 1 + l;
                }
                expect(type != DnsCodes.HINFO || strings == 2, type, n);
            }
            case DnsCodes.OPT -> {
                return null; // EDNS options (cookies, padding, client subnet) are not reported
            }
            default -> {
                return DnsText.generic(b, base + start, n);
            }
        }
        return out.toString();
    }

    private static void expect(boolean ok, int type, int n) throws DnsParseException {
        if (!ok) {
            throw new DnsParseException("bad record data", DnsCodes.type(type) + " RDATA of " + n + " bytes");
        }
    }

    private static void within(int p, int end, int type) throws DnsParseException {
        if (p != end) {
            throw new DnsParseException("bad record data", DnsCodes.type(type) + " RDATA ends at " + p
                    + " but its length says " + end);
        }
    }

    /**
     * Appends the name at {@code p} in presentation form (no trailing dot, "" for the root) and
     * returns where the name ends in place: after its root label or its first pointer.
     */
    private int name(int p, StringBuilder out) throws DnsParseException {
        int resume = -1;
        int segment = p; // where the labels being read began; a pointer must go before it
        int octets = 1; // the root label
        boolean first = true;
        while (true) {
            if (p >= len) {
                throw new DnsParseException("truncated name", "name runs past " + len);
            }
            int c = b[base + p] & 0xff;
            if (c == 0) {
                p++;
                break;
            }
            int kind = c & 0xc0;
            if (kind == 0xc0) {
                if (p + 1 >= len) {
                    throw new DnsParseException("truncated name", "pointer at " + p + " cut off");
                }
                int target = (c & 0x3f) << 8 | b[base + p + 1] & 0xff;
                if (target >= segment) {
                    throw new DnsParseException("bad name pointer", "pointer at " + p + " to " + target
                            + " does not go back before " + segment);
                }
                if (resume < 0) {
                    resume = p + 2;
                }
                p = segment = target;
                continue;
            }
            if (kind != 0) {
                throw new DnsParseException("bad label type",
                        "label type " + HexText.prefixedHex(kind, 2) + " at " + p);
            }
            octets += 1 + c;
            if (octets > MAX_NAME_OCTETS) {
                throw new DnsParseException("name too long", "more than " + MAX_NAME_OCTETS + " octets at " + p);
            }
            if (p + 1 + c > len) {
                throw new DnsParseException("truncated name", "label at " + p + " runs past " + len);
            }
            if (!first) {
                out.append('.');
            }
            first = false;
            DnsText.label(b, base + p + 1, c, out);
            p += 1 + c;
        }
        return resume >= 0 ? resume : p;
    }

    private int u16(int p) {
        return u16(b, base + p);
    }

    private static int u16(byte[] data, int at) {
        return (data[at] & 0xff) << 8 | data[at + 1] & 0xff;
    }
}
