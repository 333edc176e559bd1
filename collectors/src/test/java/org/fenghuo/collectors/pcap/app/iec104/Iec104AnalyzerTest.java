package org.fenghuo.collectors.pcap.app.iec104;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.app.TestBytes.bytes;
import static org.fenghuo.collectors.pcap.app.TestBytes.concat;

import java.util.List;
import java.util.Random;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.ExtraFields;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class Iec104AnalyzerTest {
    static final byte[] STARTDT_ACT = bytes(0x68, 0x04, 0x07, 0x00, 0x00, 0x00);
    static final byte[] STARTDT_CON = bytes(0x68, 0x04, 0x0B, 0x00, 0x00, 0x00);
    static final byte[] TESTFR_ACT = bytes(0x68, 0x04, 0x43, 0x00, 0x00, 0x00);
    static final byte[] STOPDT_ACT = bytes(0x68, 0x04, 0x13, 0x00, 0x00, 0x00);

    /** An I-format APDU: one ASDU with {@code objects} objects; the first IOA given, then object bytes. */
    static byte[] iFrame(int send, int recv, int type, int vsq, int cot, int commonAddress, int ioa, int... element) {
        byte[] asdu = concat(bytes(type, vsq, cot, 0, commonAddress & 0xFF, commonAddress >> 8, ioa & 0xFF,
                (ioa >> 8) & 0xFF, ioa >> 16), bytes(element));
        return concat(bytes(0x68, 4 + asdu.length, (send << 1) & 0xFF, send >> 7, (recv << 1) & 0xFF, recv >> 7), asdu);
    }

    static byte[] sFrame(int recv) {
        return bytes(0x68, 0x04, 0x01, 0x00, (recv << 1) & 0xFF, recv >> 7);
    }

    static Object field(SecurityEvent e, String dotted) {
        return ExtraFields.get(e, dotted);
    }

    static TestCapture.Decoded decode(TestCapture cap) {
        return cap.decode(AppProtocols.of(new Iec104Protocol()));
    }

    @Test
    void sessionInterrogationAndMeasurementsAreOneEventPerApdu() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.1.0.1", 40000, "10.1.0.2", 2404)
                .client(STARTDT_ACT).server(STARTDT_CON)
                .client(iFrame(0, 0, 100, 0x01, 6, 1, 0, 20))
                .server(iFrame(0, 1, 100, 0x01, 7, 1, 0, 20))
                .server(iFrame(1, 1, 13, 0x82, 20, 1, 4001, 0, 0, 0x80, 0x3F, 0, 0, 0, 0x40, 0x40, 0))
                .client(sFrame(2))
                .close();
        List<SecurityEvent> events = decode(cap).protocol("iec104");
        assertThat(events).extracting(e -> e.event().action()).containsExactly("iec104-startdt-act",
                "iec104-startdt-con", "iec104-c_ic_na_1", "iec104-c_ic_na_1", "iec104-m_me_nc_1",
                "iec104-supervisory");
        assertThat(field(events.get(0), "fenghuo.ics.iec104.apci")).isEqualTo("U");
        assertThat(field(events.get(0), "fenghuo.ics.iec104.u_function")).isEqualTo("STARTDT_ACT");

        SecurityEvent.Ics interrogation = events.get(2).fenghuo().ics();
        assertThat(interrogation).isEqualTo(new SecurityEvent.Ics("iec104", "1", 100, "C_IC_NA_1", true, null, 0L, 1L));
        assertThat(field(events.get(2), "fenghuo.ics.iec104.cot")).isEqualTo("act");
        assertThat(field(events.get(2), "fenghuo.ics.iec104.cot_code")).isEqualTo(6);
        assertThat(field(events.get(3), "fenghuo.ics.iec104.cot")).isEqualTo("actcon");
        assertThat(field(events.get(3), "fenghuo.ics.iec104.recv_seq")).isEqualTo(1);

        SecurityEvent measured = events.get(4);
        assertThat(measured.fenghuo().ics()).isEqualTo(new SecurityEvent.Ics("iec104", "1", 13, "M_ME_NC_1", false,
                null, 4001L, 2L));
        assertThat(field(measured, "fenghuo.ics.iec104.cot")).isEqualTo("inrogen");
        assertThat(field(measured, "fenghuo.ics.iec104.send_seq")).isEqualTo(1);
        assertThat(field(measured, "fenghuo.ics.iec104.sq")).isEqualTo(true);
        assertThat(field(events.get(5), "fenghuo.ics.iec104.apci")).isEqualTo("S");
        assertThat(field(events.get(5), "fenghuo.ics.iec104.recv_seq")).isEqualTo(2);
        assertThat(events).allSatisfy(e -> assertThat(e.destination().port()).isEqualTo(2404));
    }

    @Test
    void apdusSplitAcrossSegmentsAndPackedInOneAreAllFound() {
        byte[] stream = concat(STARTDT_ACT, iFrame(0, 0, 45, 0x01, 6, 7, 5000, 0x01), TESTFR_ACT,
                iFrame(1, 0, 46, 0x01, 8, 7, 5001, 0x02), STOPDT_ACT);
        TestCapture one = new TestCapture();
        one.tcp("10.1.0.1", 40000, "10.1.0.2", 2404).client(stream).close();
        TestCapture split = new TestCapture();
        split.tcp("10.1.0.1", 40000, "10.1.0.2", 2404).clientInPieces(stream, 1).close();
        TestCapture odd = new TestCapture();
        odd.tcp("10.1.0.1", 40000, "10.1.0.2", 2404).clientInPieces(stream, 7).close();
        List<String> expected = List.of("iec104-startdt-act", "iec104-c_sc_na_1", "iec104-testfr-act",
                "iec104-c_dc_na_1", "iec104-stopdt-act");
        for (TestCapture cap : List.of(one, split, odd)) {
            TestCapture.Decoded d = decode(cap);
            assertThat(d.protocol("iec104")).extracting(e -> e.event().action()).isEqualTo(expected);
            assertThat(d.deadLetters()).isEmpty();
        }
        List<SecurityEvent> events = decode(split).protocol("iec104");
        assertThat(events.get(1).fenghuo().ics()).isEqualTo(new SecurityEvent.Ics("iec104", "7", 45, "C_SC_NA_1",
                true, null, 5000L, 1L));
        assertThat(field(events.get(3), "fenghuo.ics.iec104.cot")).isEqualTo("deact");
    }

    @Test
    void negativeConfirmAndRejectionsAreExceptions() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.1.0.1", 40000, "10.1.0.2", 2404)
                .client(iFrame(0, 0, 45, 0x01, 6, 3, 17, 0x81))
                .server(iFrame(0, 1, 45, 0x01, 0x40 | 7, 3, 17, 0x81))
                .server(iFrame(1, 1, 45, 0x01, 0x40 | 47, 3, 17, 0x81))
                .close();
        List<SecurityEvent> events = decode(cap).protocol("iec104");
        assertThat(events).extracting(e -> e.fenghuo().ics().exception()).containsExactly(null, "negative confirm",
                "negative confirm: unknown-ioa");
        assertThat(events).extracting(e -> e.fenghuo().ics().write()).containsOnly(true);
        assertThat(field(events.get(1), "fenghuo.ics.iec104.negative")).isEqualTo(true);
    }

    @Test
    void garbageIsReportedOnceThenTheNextApduIsFound() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.1.0.1", 40000, "10.1.0.2", 2404)
                .client(STARTDT_ACT)
                .client(bytes(0x00, 0x11, 0x22, 0x68, 0x01, 0x68, 0xFF, 0x33))
                .client(bytes(0x68, 0x04, 0x01, 0x07, 0x00, 0x00)) // S-format with a bad second octet
                .client(TESTFR_ACT)
                .close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("iec104")).extracting(e -> e.event().action())
                .containsExactly("iec104-startdt-act", "iec104-testfr-act");
        assertThat(d.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).startsWith("iec104 bad start octet"));
        assertThat(d.result().app().malformedByReason()).containsOnlyKeys("iec104: bad start octet");
    }

    @Test
    void aBadControlFieldAfterGoodApdusIsReported() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.1.0.1", 40000, "10.1.0.2", 2404)
                .client(concat(STARTDT_ACT, bytes(0x68, 0x04, 0x03, 0x00, 0x00, 0x00), TESTFR_ACT)).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("iec104")).hasSize(2);
        assertThat(d.result().app().malformedByReason()).containsEntry("iec104: bad control field", 1L);
    }

    @Test
    void otherPortsAreRecognisedFromTwoSoundApdus() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.1.0.1", 40000, "10.1.0.2", 12404).client(concat(STARTDT_ACT, TESTFR_ACT)).close();
        cap.tcp("10.1.0.1", 40001, "10.1.0.2", 12404).client(bytes(0x68, 0x04, 0x07, 0x00, 0x00, 0x00, 0x17, 0x03))
                .close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("iec104")).hasSize(2);
        assertThat(d.protocol("flow")).extracting(e -> e.network().protocol()).containsExactlyInAnyOrder("iec104",
                null);
    }

    @Test
    void randomBytesNeverBreakTheAnalyzer() {
        Random random = new Random(104);
        TestCapture cap = new TestCapture();
        for (int flow = 0; flow < 40; flow++) {
            TestCapture.Tcp c = cap.tcp("10.1.0.1", 41000 + flow, "10.1.0.2", 2404).client(STARTDT_ACT);
            for (int i = 0; i < 20; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                if (random.nextBoolean()) {
                    junk[0] = 0x68;
                }
                c.client(junk).server(TESTFR_ACT);
            }
            c.close();
        }
        TestCapture.Decoded d = decode(cap);
        assertThat(d.result().app().malformedByReason()).doesNotContainKey("iec104: analyzer failure");
        assertThat(d.protocol("iec104")).hasSizeGreaterThanOrEqualTo(40 * 21);
    }
}
