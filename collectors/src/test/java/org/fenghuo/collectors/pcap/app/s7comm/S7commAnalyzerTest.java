package org.fenghuo.collectors.pcap.app.s7comm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.app.TestBytes.bytes;
import static org.fenghuo.collectors.pcap.app.TestBytes.concat;
import static org.fenghuo.collectors.pcap.app.s7comm.S7Frames.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.ExtraFields;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class S7commAnalyzerTest {
    static Object field(SecurityEvent e, String name) {
        return ExtraFields.get(e, "fenghuo.ics.s7comm." + name);
    }

    static TestCapture.Decoded decode(TestCapture cap) {
        return cap.decode(AppProtocols.of(new S7commProtocol()));
    }

    static List<String> actions(TestCapture.Decoded d) {
        return d.protocol("s7comm").stream().map(e -> e.event().action()).toList();
    }

    @Test
    void connectSetupAndReadArePairedEvents() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102)
                .client(connect(0xE0, 0x0100, 0x0102)).server(connect(0xD0, 0x0102, 0x0100))
                .client(setupJob(0)).server(setupAck(0))
                .client(readVar(1, 0x84, 7, 12)).server(readVarAck(1, 0xFF))
                .close();
        List<SecurityEvent> events = decode(cap).protocol("s7comm");
        assertThat(events).extracting(e -> e.event().action()).containsExactly("s7comm-cotp-connect",
                "s7comm-setup-communication", "s7comm-read-var");
        SecurityEvent connect = events.get(0);
        assertThat(field(connect, "src_tsap")).isEqualTo("0100");
        assertThat(field(connect, "dst_tsap")).isEqualTo("0102");
        assertThat(field(connect, "tpdu_size")).isEqualTo(1024);
        assertThat(connect.event().outcome()).isEqualTo("success");
        assertThat(field(events.get(1), "pdu_length")).isEqualTo(240);

        SecurityEvent read = events.get(2);
        assertThat(read.fenghuo().ics()).isEqualTo(new SecurityEvent.Ics("s7comm", "0/2", 4, "read-var", false, null,
                12L, 1L));
        assertThat(read.event().outcome()).isEqualTo("success");
        assertThat(field(read, "rosctr")).isEqualTo("job");
        assertThat(field(read, "response_rosctr")).isEqualTo("ack_data");
        assertThat(field(read, "area")).isEqualTo("DB");
        assertThat(field(read, "db_number")).isEqualTo(7);
        assertThat(field(read, "error_class")).isEqualTo(0);
        assertThat(read.destination().port()).isEqualTo(102);
    }

    @Test
    void pdusSplitAcrossSegmentsAndPackedTogetherAreAllFound() {
        byte[] requests = concat(setupJob(0), readVar(1, 0x81, 0, 3), readVar(2, 0x83, 0, 100), writeVar(3, 0x82, 0, 4));
        byte[] responses = concat(setupAck(0), readVarAck(1, 0xFF), readVarAck(2, 0xFF), writeVarAck(3, 0xFF));
        for (int piece : new int[] {1, 3, 7, requests.length}) {
            TestCapture cap = new TestCapture();
            cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102).clientInPieces(requests, piece).serverInPieces(responses, piece)
                    .close();
            TestCapture.Decoded d = decode(cap);
            assertThat(actions(d)).as("pieces of %d", piece).containsExactly("s7comm-setup-communication",
                    "s7comm-read-var", "s7comm-read-var", "s7comm-write-var");
            assertThat(d.deadLetters()).isEmpty();
            assertThat(d.protocol("s7comm")).extracting(e -> field(e, "area")).containsExactly(null, "inputs", "flags",
                    "outputs");
            assertThat(d.protocol("s7comm")).extracting(e -> e.fenghuo().ics().write()).containsExactly(false, false,
                    false, true);
        }
    }

    @Test
    void cotpFragmentsAreReassembledUpToEot() {
        byte[] pdu = s7(1, 9, concat(bytes(0x04, 1), item(0x84, 3, 0, 4)), new byte[0], 0, 0);
        TestCapture cap = new TestCapture();
        cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102)
                .client(setupJob(0))
                .client(concat(dt(Arrays.copyOfRange(pdu, 0, 5), false), dt(Arrays.copyOfRange(pdu, 5, 11), false)))
                .client(dt(Arrays.copyOfRange(pdu, 11, pdu.length), true))
                .server(readVarAck(9, 0xFF))
                .close();
        TestCapture.Decoded d = decode(cap);
        assertThat(actions(d)).containsExactly("s7comm-read-var", "s7comm-setup-communication");
        assertThat(field(d.protocol("s7comm").get(0), "db_number")).isEqualTo(3);
    }

    @Test
    void errorsAndReturnCodesAreExceptions() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102)
                .client(writeVar(1, 0x84, 1, 0)).server(writeVarAck(1, 0x05))
                .client(readVar(2, 0x84, 99, 0)).server(readVarAck(2, 0x0A))
                .client(plcStop(3)).server(ackData(3, bytes(0x29), new byte[0], 0x85, 0x00))
                .close();
        List<SecurityEvent> events = decode(cap).protocol("s7comm");
        assertThat(events).extracting(e -> e.fenghuo().ics().exception()).containsExactly("invalid address (0x05)",
                "object does not exist (0x0a)", "error on supplies (0x8500)");
        assertThat(events).extracting(e -> e.event().outcome()).containsOnly("failure");
        assertThat(field(events.get(0), "return_code")).isEqualTo(5);
        assertThat(field(events.get(2), "error_class")).isEqualTo(0x85);
        assertThat(events).extracting(e -> e.fenghuo().ics().write()).containsExactly(true, false, true);
    }

    @Test
    void plcControlIsAWriteAndNamesItsService() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102)
                .client(plcStop(1)).server(ackData(1, bytes(0x29), new byte[0], 0, 0))
                .client(piService(2, "P_PROGRAM")).server(ackData(2, bytes(0x28), new byte[0], 0, 0))
                .close();
        List<SecurityEvent> events = decode(cap).protocol("s7comm");
        assertThat(events).extracting(e -> e.event().action()).containsExactly("s7comm-plc-stop", "s7comm-pi-service");
        assertThat(events).extracting(e -> field(e, "pi_service")).containsOnly("P_PROGRAM");
        assertThat(events).extracting(e -> e.fenghuo().ics().functionCode()).containsExactly(0x29, 0x28);
        assertThat(events).extracting(e -> e.fenghuo().ics().write()).containsOnly(true);
    }

    @Test
    void userdataIsPairedAndNamedByGroupAndSubfunction() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102).client(szlRequest(0x100, 0x0011)).server(szlResponse(0x100, 0x0011))
                .close();
        SecurityEvent e = decode(cap).protocol("s7comm").get(0);
        assertThat(e.event().action()).isEqualTo("s7comm-read-szl");
        assertThat(field(e, "rosctr")).isEqualTo("userdata");
        assertThat(field(e, "userdata_group")).isEqualTo("cpu");
        assertThat(field(e, "userdata_subfunction")).isEqualTo("read-szl");
        assertThat(field(e, "szl")).isEqualTo("szl 0x0011 index 0x0000");
        assertThat(e.fenghuo().ics().functionCode()).isEqualTo(1);
        assertThat(e.event().outcome()).isEqualTo("success");
    }

    @Test
    void aUserdataNoDataReturnCodeIsNotAFailureButItsErrorCodeIs() {
        byte[] setClock = dt(s7(7, 0x200, bytes(0x00, 0x01, 0x12, 0x04, 0x11, 0x47, 0x02, 0x00),
                bytes(0xFF, 0x09, 0x00, 0x02, 0x00, 0x19), 0, 0));
        byte[] acknowledged = dt(s7(7, 0x200, bytes(0x00, 0x01, 0x12, 0x08, 0x12, 0x87, 0x02, 0x01, 0, 0, 0, 0),
                bytes(0x0A, 0x00, 0x00, 0x00), 0, 0));
        byte[] refused = dt(s7(7, 0x300, bytes(0x00, 0x01, 0x12, 0x08, 0x12, 0x87, 0x02, 0x01, 0, 0, 0xD6, 0x02),
                bytes(0x0A, 0x00, 0x00, 0x00), 0, 0));
        TestCapture cap = new TestCapture();
        cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102).client(setClock).server(acknowledged)
                .client(Arrays.copyOf(setClock, setClock.length)).server(refused).close();
        List<SecurityEvent> events = decode(cap).protocol("s7comm");
        assertThat(events).extracting(e -> e.event().action()).containsOnly("s7comm-set-clock");
        assertThat(events).extracting(e -> e.fenghuo().ics().write()).containsOnly(true);
        assertThat(events.get(0).event().outcome()).isEqualTo("success");
        assertThat(field(events.get(0), "return_code")).isEqualTo(0x0A);
        SecurityEvent failed = events.stream().filter(e -> "failure".equals(e.event().outcome())).findFirst().orElseThrow();
        assertThat(failed.fenghuo().ics().exception()).isEqualTo("userdata error (0xd602)");
    }

    @Test
    void unansweredRequestsAreFlushedAndLoneResponsesReported() {
        TestCapture cap = new TestCapture();
        cap.tcpMidstream("10.2.0.1", 40000, "10.2.0.2", 102).server(readVarAck(5, 0xFF)).client(writeVar(6, 0x84, 1, 2));
        List<SecurityEvent> events = decode(cap).protocol("s7comm");
        assertThat(events).extracting(e -> e.event().action()).containsExactly("s7comm-read-var", "s7comm-write-var");
        assertThat(field(events.get(0), "rosctr")).isEqualTo("ack_data");
        assertThat(events.get(1).event().outcome()).isNull();
    }

    @Test
    void s7commPlusIsReportedAsSuch() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102)
                .client(connect(0xE0, 0x0100, 0x0102)).server(connect(0xD0, 0x0102, 0x0100))
                .client(dt(bytes(0x72, 0x01, 0x00, 0x10, 0x31, 0, 0, 0x04, 0xCA, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x72,
                        0x01, 0, 0)))
                .close();
        TestCapture.Decoded d = decode(cap);
        assertThat(actions(d)).containsExactly("s7comm-cotp-connect", "s7commplus-pdu");
        assertThat(field(d.protocol("s7comm").get(1), "plus_version")).isEqualTo(1);
        assertThat(field(d.protocol("s7comm").get(1), "plus_opcode")).isEqualTo(0x31);
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void otherIsoOnTcpTrafficIsLeftAlone() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102).client(connect(0xE0, 0x0001, 0x0001))
                .client(dt(bytes(0x0D, 0x9E, 0x05, 0x06, 0x13, 0x01))).client(dt(bytes(0x01, 0x00, 0x01, 0x00)))
                .close();
        TestCapture.Decoded d = decode(cap);
        assertThat(actions(d)).containsExactly("s7comm-cotp-connect");
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void garbageIsReportedOnceThenTheNextTpktIsFound() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.2.0.1", 40000, "10.2.0.2", 102).client(setupJob(0))
                .client(bytes(0x11, 0x03, 0x05, 0x22, 0x03, 0x00, 0x00, 0x02))
                .client(readVar(1, 0x84, 1, 0))
                .client(dt(bytes(0x32, 0x09, 0, 0, 0, 1, 0, 0, 0, 0))) // unknown ROSCTR
                .client(dt(bytes(0x32, 0x01, 0, 0, 0, 2, 0, 50, 0, 0))) // lengths beyond the PDU
                .client(writeVar(3, 0x84, 1, 0))
                .close();
        TestCapture.Decoded d = decode(cap);
        assertThat(actions(d)).containsExactly("s7comm-setup-communication", "s7comm-read-var", "s7comm-write-var");
        assertThat(d.result().app().malformedByReason()).containsOnlyKeys("s7comm: bad tpkt version",
                "s7comm: unknown rosctr", "s7comm: s7 length mismatch");
    }

    @Test
    void randomBytesNeverBreakTheAnalyzer() {
        Random random = new Random(102);
        TestCapture cap = new TestCapture();
        for (int flow = 0; flow < 40; flow++) {
            TestCapture.Tcp c = cap.tcp("10.2.0.1", 41000 + flow, "10.2.0.2", 102).client(setupJob(0));
            for (int i = 0; i < 20; i++) {
                byte[] junk = new byte[1 + random.nextInt(300)];
                random.nextBytes(junk);
                byte[] framed = random.nextBoolean() ? dt(junk) : junk;
                if (random.nextBoolean() && framed.length > 8) {
                    framed[7] = 0x32;
                }
                c.client(framed).server(setupAck(i));
            }
            c.close();
        }
        TestCapture.Decoded d = decode(cap);
        assertThat(d.result().app().malformedByReason()).doesNotContainKey("s7comm: analyzer failure");
        assertThat(d.protocol("s7comm")).isNotEmpty();
    }
}
