package org.fenghuo.collectors.pcap.app.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DnsParserTest {
    private static DnsMessage parse(byte[] b) throws DnsParseException {
        return DnsParser.parse(b, 0, b.length);
    }

    private static String reason(byte[] b) {
        return catchThrowableOfType(() -> parse(b), DnsParseException.class).reason();
    }

    /** One answer record of {@code type} owned by the question name (pointer to offset 12). */
    private static DnsRecord single(int type, byte[] rdata) throws DnsParseException {
        byte[] b = DnsWire.header(7, 0x8180, 1, 1, 0, 0).name("example.com").u16(type).u16(1)
                .u16(0xc00c).rr(type, 1, 3600, rdata).bytes();
        return parse(b).answers().get(0);
    }

    /** RDATA bytes that start at {@code at} in the message, for names compressed against it. */
    private static DnsWire rdata() {
        return new DnsWire();
    }

    @Test
    void parsesAQueryHeaderAndQuestion() throws Exception {
        DnsMessage m = parse(DnsWire.query(0xbeef, "www.example.com", 28));
        assertThat(m.id()).isEqualTo(0xbeef);
        assertThat(m.response()).isFalse();
        assertThat(m.opCode()).isZero();
        assertThat(m.recursionDesired()).isTrue();
        assertThat(m.questions()).containsExactly(new DnsQuestion("www.example.com", 28, 1));
        assertThat(m.answers()).isEmpty();
    }

    @Test
    void followsCompressionPointers() throws Exception {
        DnsMessage m = parse(DnsWire.answerA(1, "a.example.org", "192.0.2.1", "192.0.2.2"));
        assertThat(m.answers()).containsExactly(new DnsRecord("a.example.org", 1, 1, 300, "192.0.2.1"),
                new DnsRecord("a.example.org", 1, 1, 300, "192.0.2.2"));
        assertThat(m.rcode()).isZero();
        assertThat(m.recursionAvailable()).isTrue();
    }

    @Test
    void decodesEveryTextType() throws Exception {
        // offsets: the question name "example.com" is at 12, so "c00c" points to it and 0xc014 to "com"
        assertThat(single(1, new byte[] {10, 0, 0, 1}).data()).isEqualTo("10.0.0.1");
        assertThat(single(28, new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}).data())
                .isEqualTo("2001:db8::1");
        assertThat(single(5, rdata().u8(3).raw("www".getBytes()).u16(0xc00c).bytes()).data()).isEqualTo("www.example.com");
        assertThat(single(2, rdata().name("ns1.example.net").bytes()).data()).isEqualTo("ns1.example.net");
        assertThat(single(12, rdata().u16(0xc00c).bytes()).data()).isEqualTo("example.com");
        assertThat(single(15, rdata().u16(10).u8(4).raw("mail".getBytes()).u16(0xc00c).bytes()).data())
                .isEqualTo("10 mail.example.com");
        assertThat(single(16, rdata().u8(5).raw("v=spf".getBytes()).u8(4).raw(new byte[] {'a', '"', 1, '\\'}).bytes()).data())
                .isEqualTo("\"v=spf\" \"a\\\"\\001\\\\\"");
        assertThat(single(6, rdata().u8(2).raw("ns".getBytes()).u16(0xc00c).u8(4).raw("host".getBytes()).u16(0xc014)
                .u32(2024010101L).u32(7200).u32(3600).u32(1209600).u32(4294967295L).bytes()).data())
                .isEqualTo("ns.example.com host.com 2024010101 7200 3600 1209600 4294967295");
        assertThat(single(33, rdata().u16(0).u16(5).u16(5060).name("sip.example.com").bytes()).data())
                .isEqualTo("0 5 5060 sip.example.com");
        assertThat(single(39, rdata().name("other.example").bytes()).data()).isEqualTo("other.example");
        assertThat(single(13, rdata().u8(3).raw("x86".getBytes()).u8(5).raw("Linux".getBytes()).bytes()).data())
                .isEqualTo("\"x86\" \"Linux\"");
    }

    @Test
    void keepsOtherTypesByNumberWithGenericData() throws Exception {
        DnsRecord r = single(65280, new byte[] {1, (byte) 0xab});
        assertThat(r.type()).isEqualTo(65280);
        assertThat(DnsCodes.type(r.type())).isEqualTo("TYPE65280");
        assertThat(r.data()).isEqualTo("\\# 2 01ab");
        assertThat(single(65, new byte[0]).data()).isEqualTo("\\# 0");
        assertThat(single(257, new byte[] {0, 5, 'i', 's', 's', 'u', 'e'}).data()).isEqualTo("\\# 7 00056973737565");
    }

    @Test
    void readsEdnsOptForExtendedRcodeAndDoBitAndIgnoresItsOptions() throws Exception {
        // BADVERS = 16: upper bits 1 in the OPT TTL, lower bits 0 in the header
        byte[] b = DnsWire.header(9, 0x8180, 1, 0, 0, 1).name("example.com").u16(1).u16(1)
                .name("").rr(41, 1232, 0x0100_8000L, new byte[] {0, 10, 0, 2, 1, 2}).bytes();
        DnsMessage m = parse(b);
        assertThat(m.rcode()).isEqualTo(16);
        assertThat(DnsCodes.responseCode(m.rcode())).isEqualTo("BADVERS");
        assertThat(m.dnssecOk()).isTrue();
        assertThat(m.additionals()).singleElement().satisfies(r -> assertThat(r.data()).isNull());
    }

    @Test
    void escapesLabelBytesOutsidePrintableAscii() throws Exception {
        byte[] b = DnsWire.header(1, 0, 1, 0, 0, 0).u8(5).raw(new byte[] {'a', ' ', '.', (byte) 0xff, '\\'})
                .name("com").u16(1).u16(1).bytes();
        assertThat(parse(b).questions().get(0).name()).isEqualTo("a\\032\\.\\255\\\\.com");
    }

    @Test
    void theRootIsTheEmptyName() throws Exception {
        assertThat(parse(DnsWire.query(1, "", 2)).questions().get(0).name()).isEmpty();
    }

    @Test
    void refusesPointerLoopsAndForwardPointers() {
        // a pointer to itself
        assertThat(reason(DnsWire.header(1, 0, 1, 0, 0, 0).u16(0xc00c).u16(1).u16(1).bytes())).isEqualTo("bad name pointer");
        // a label then a pointer back to that label: a loop that never grows the name past 255 quickly
        assertThat(reason(DnsWire.header(1, 0, 1, 0, 0, 0).u8(1).u8('a').u16(0xc00c).u16(1).u16(1).bytes()))
                .isEqualTo("bad name pointer");
        // two pointers at each other
        byte[] mutual = DnsWire.header(1, 0x8000, 1, 1, 0, 0).u16(0xc01c).u16(1).u16(1)
                .u16(0xc00c).rr(1, 1, 1, new byte[] {1, 2, 3, 4}).bytes();
        assertThat(reason(mutual)).isEqualTo("bad name pointer");
        // a forward pointer, even to a valid name later on
        byte[] forward = DnsWire.header(1, 0x8000, 1, 1, 0, 0).u16(0xc012).u16(1).u16(1)
                .name("x").rr(1, 1, 1, new byte[] {1, 2, 3, 4}).bytes();
        assertThat(reason(forward)).isEqualTo("bad name pointer");
        // a pointer past the end
        assertThat(reason(DnsWire.header(1, 0, 1, 0, 0, 0).u16(0xffff).u16(1).u16(1).bytes())).isEqualTo("bad name pointer");
    }

    @Test
    void refusesTruncatedMessages() {
        byte[] good = DnsWire.answerA(3, "example.com", "192.0.2.7");
        assertThat(reason(new byte[0])).isEqualTo("truncated header");
        assertThat(reason(java.util.Arrays.copyOf(good, 11))).isEqualTo("truncated header");
        assertThat(reason(java.util.Arrays.copyOf(good, 15))).isEqualTo("truncated name");
        assertThat(reason(java.util.Arrays.copyOf(good, 27))).isEqualTo("truncated question");
        assertThat(reason(java.util.Arrays.copyOf(good, 35))).isEqualTo("truncated record");
        assertThat(reason(java.util.Arrays.copyOf(good, good.length - 1))).isEqualTo("bad record length");
        assertThat(reason(DnsWire.header(1, 0, 1, 0, 0, 0).u8(0xc0).bytes())).isEqualTo("truncated name");
        // counts that promise more than is there
        assertThat(reason(DnsWire.header(1, 0, 2, 0, 0, 0).name("a").u16(1).u16(1).bytes())).isEqualTo("truncated name");
    }

    @Test
    void refusesRecordDataThatDisagreesWithItsType() throws Exception {
        byte[] shortA = DnsWire.header(1, 0x8000, 0, 1, 0, 0).name("a").rr(1, 1, 1, new byte[] {1, 2, 3}).bytes();
        assertThat(reason(shortA)).isEqualTo("bad record data");
        byte[] cnameTooLong = DnsWire.header(1, 0x8000, 0, 1, 0, 0).name("a").rr(5, 1, 1, new byte[] {1, 'b', 0, 9}).bytes();
        assertThat(reason(cnameTooLong)).isEqualTo("bad record data");
        // the name inside RDATA would run into the next bytes: its length field is authoritative
        byte[] cnameCut = DnsWire.header(1, 0x8000, 0, 1, 0, 0).name("a").rr(5, 1, 1, new byte[] {1, 'b'}).u8(0).bytes();
        assertThat(reason(cnameCut)).isEqualTo("bad record data");
        byte[] txtOverrun = DnsWire.header(1, 0x8000, 0, 1, 0, 0).name("a").rr(16, 1, 1, new byte[] {5, 'a'}).bytes();
        assertThat(reason(txtOverrun)).isEqualTo("bad record data");
    }

    @Test
    void refusesLongNamesAndReservedLabelTypes() {
        DnsWire w = DnsWire.header(1, 0, 1, 0, 0, 0);
        for (int i = 0; i < 5; i++) {
            w.u8(63).raw(new byte[63]);
        }
        assertThat(reason(w.u8(0).u16(1).u16(1).bytes())).isEqualTo("name too long");
        assertThat(reason(DnsWire.header(1, 0, 1, 0, 0, 0).u8(0x41).u8(0).u16(1).u16(1).bytes())).isEqualTo("bad label type");
        // 253 characters is the longest name: 4 * 63-byte labels minus one byte, within 255 octets
        DnsWire longest = DnsWire.header(1, 0, 1, 0, 0, 0);
        for (int i = 0; i < 3; i++) {
            longest.u8(63).raw("a".repeat(63).getBytes());
        }
        longest.u8(61).raw("b".repeat(61).getBytes()).u8(0).u16(1).u16(1);
        assertThat(catchThrowableOfType(() -> parse(longest.bytes()), DnsParseException.class)).isNull();
    }

    @Test
    void parsesAtAnOffsetAndNeverThrowsOtherwiseOnRandomBytes() throws Exception {
        byte[] q = DnsWire.query(5, "x.example", 1);
        byte[] framed = new byte[q.length + 7];
        System.arraycopy(q, 0, framed, 3, q.length);
        assertThat(DnsParser.parse(framed, 3, q.length).questions().get(0).name()).isEqualTo("x.example");
        Random random = new Random(1035);
        byte[] a = DnsWire.answerA(1, "a.example.org", "192.0.2.1", "192.0.2.2");
        for (int i = 0; i < 20000; i++) {
            byte[] b = random.nextBoolean() ? new byte[random.nextInt(80)] : a.clone();
            if (b != a && b.length == a.length) {
                b[random.nextInt(b.length)] = (byte) random.nextInt();
            } else {
                random.nextBytes(b);
            }
            try {
                parse(b);
            } catch (DnsParseException expected) {
                assertThat(expected.reason()).isNotBlank();
            }
        }
    }

    @Test
    void plausibleHeaderRejectsOddOpcodesAndImpossibleCounts() {
        byte[] q = DnsWire.query(1, "example.com", 1);
        assertThat(DnsParser.plausibleHeader(q, 0, q.length, q.length)).isTrue();
        assertThat(DnsParser.plausibleHeader(q, 0, 11, q.length)).isFalse();
        byte[] opcode3 = DnsWire.header(1, 3 << 11, 1, 0, 0, 0).name("a").u16(1).u16(1).bytes();
        assertThat(DnsParser.plausibleHeader(opcode3, 0, opcode3.length, opcode3.length)).isFalse();
        byte[] counts = DnsWire.header(1, 0, 1, 50, 0, 0).name("a").u16(1).u16(1).bytes();
        assertThat(DnsParser.plausibleHeader(counts, 0, counts.length, counts.length)).isFalse();
    }

    @Test
    void namesCodes() {
        assertThat(DnsCodes.type(255)).isEqualTo("ANY");
        assertThat(DnsCodes.dnsClass(1)).isEqualTo("IN");
        assertThat(DnsCodes.dnsClass(0x8001)).isEqualTo("CLASS32769");
        assertThat(DnsCodes.opCode(5)).isEqualTo("UPDATE");
        assertThat(DnsCodes.opCode(9)).isEqualTo("9");
        assertThat(DnsCodes.responseCode(3)).isEqualTo("NXDOMAIN");
        assertThat(DnsCodes.responseCode(12)).isEqualTo("12");
        assertThatThrownBy(() -> DnsParser.parse(new byte[2], 1, 5)).isInstanceOf(DnsParseException.class);
    }
}
