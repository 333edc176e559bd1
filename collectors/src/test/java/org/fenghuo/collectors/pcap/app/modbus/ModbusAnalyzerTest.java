package org.fenghuo.collectors.pcap.app.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.app.TestBytes.concat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** Golden-style tests through the whole chain (pcap, decoder, flows, app layer). */
class ModbusAnalyzerTest {
    private static byte[] adu(int tid, int unit, int... pdu) {
        ByteBuffer b = ByteBuffer.allocate(7 + pdu.length).putShort((short) tid).putShort((short) 0)
                .putShort((short) (pdu.length + 1)).put((byte) unit);
        for (int x : pdu) {
            b.put((byte) x);
        }
        return b.array();
    }

    private static TestCapture.Decoded decode(TestCapture cap) {
        return cap.decode(AppProtocols.of(new ModbusProtocol()));
    }

    static Object field(SecurityEvent e, String name) {
        Map<?, ?> fenghuo = (Map<?, ?>) e.extra().get("fenghuo");
        Map<?, ?> modbus = (Map<?, ?>) ((Map<?, ?>) fenghuo.get("ics")).get("modbus");
        return modbus.get(name);
    }

    @Test
    void aReadSplitAcrossSegmentsIsOneTransaction() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 502)
                .clientInPieces(adu(1, 17, 3, 0x00, 0x6b, 0x00, 0x03), 3)
                .serverInPieces(adu(1, 17, 3, 6, 0x02, 0x2b, 0x00, 0x00, 0x00, 0x64), 4).close();
        TestCapture.Decoded d = decode(cap);

        SecurityEvent e = d.protocol("modbus").get(0);
        assertThat(d.protocol("modbus")).hasSize(1);
        assertThat(e.event().action()).isEqualTo("modbus-read-holding-registers");
        assertThat(e.event().outcome()).isEqualTo("success");
        assertThat(e.fenghuo().ics()).isEqualTo(new SecurityEvent.Ics("modbus", "17", 3, "read_holding_registers",
                false, null, 107L, 3L));
        assertThat(field(e, "transaction_id")).isEqualTo(1);
        assertThat(e.destination().port()).isEqualTo(502);
        assertThat(d.deadLetters()).isEmpty();
        assertThat(d.protocol("flow").get(0).network().protocol()).isEqualTo("modbus");
    }

    @Test
    void severalAdusPerSegmentAndWritesWithTheirValues() {
        TestCapture cap = new TestCapture();
        byte[] requests = concat(
                adu(2, 1, 16, 0x00, 0x01, 0x00, 0x02, 4, 0x00, 0x0a, 0x01, 0x02),
                adu(3, 1, 5, 0x00, 0xac, 0xff, 0x00),
                adu(4, 1, 15, 0x00, 0x13, 0x00, 0x0a, 2, 0xcd, 0x01));
        byte[] responses = concat(
                adu(3, 1, 5, 0x00, 0xac, 0xff, 0x00),
                adu(2, 1, 16, 0x00, 0x01, 0x00, 0x02),
                adu(4, 1, 15, 0x00, 0x13, 0x00, 0x0a));
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 502).client(requests).server(responses).close();
        List<SecurityEvent> events = decode(cap).protocol("modbus");

        assertThat(events).extracting(e -> e.fenghuo().ics().function())
                .containsExactly("write_single_coil", "write_multiple_registers", "write_multiple_coils");
        assertThat(events).allSatisfy(e -> assertThat(e.fenghuo().ics().write()).isTrue());
        assertThat(field(events.get(0), "coils")).isEqualTo(List.of(true));
        assertThat(field(events.get(1), "registers")).isEqualTo(List.of(10, 258));
        assertThat(events.get(1).fenghuo().ics().address()).isEqualTo(1L);
        assertThat(field(events.get(2), "coils")).isEqualTo(
                List.of(true, false, true, true, false, false, true, true, true, false));
    }

    @Test
    void exceptionResponsesAreFailuresWithTheExceptionsName() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 502).client(adu(9, 1, 1, 0x27, 0x10, 0x00, 0x08))
                .server(adu(9, 1, 0x81, 2)).close();
        SecurityEvent e = decode(cap).protocol("modbus").get(0);
        assertThat(e.event().outcome()).isEqualTo("failure");
        assertThat(e.fenghuo().ics().exception()).isEqualTo("illegal_data_address");
        assertThat(e.fenghuo().ics().address()).isEqualTo(10000L);
        assertThat(field(e, "exception_code")).isEqualTo(2);
    }

    @Test
    void badHeaderIsReportedAndGoodAdusAfterItAreStillDecoded() {
        TestCapture cap = new TestCapture();
        byte[] garbage = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66};
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 502).client(adu(5, 1, 4, 0, 0, 0, 1))
                .client(concat(garbage, adu(7, 1, 4, 0, 8, 0, 2))).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("modbus")).extracting(e -> e.fenghuo().ics().address()).containsExactly(0L, 8L);
        assertThat(d.protocol("modbus")).allSatisfy(e -> assertThat(e.event().outcome()).isEqualTo("unknown"));
        assertThat(d.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).startsWith("modbus bad mbap header: protocol id 13124"));
        assertThat(d.result().app().malformedByReason()).containsEntry("modbus: bad mbap header", 1L);
    }

    @Test
    void aLengthThatDoesNotFitTheFunctionIsMalformedAndTheStreamStaysInStep() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 502)
                .client(concat(adu(1, 1, 3, 0, 1, 0, 1, 0xff), adu(2, 1, 6, 0, 4, 0x12, 0x34)))
                .server(adu(2, 1, 6, 0, 4, 0x12, 0x34)).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("modbus")).singleElement().satisfies(e -> {
            assertThat(e.fenghuo().ics().function()).isEqualTo("write_single_register");
            assertThat(field(e, "registers")).isEqualTo(List.of(0x1234));
        });
        assertThat(d.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).contains("length mismatch: function 3 request pdu length 6"));
    }

    @Test
    void unansweredRequestsAtTheEndAndResponsesWithoutRequests() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 502).client(adu(1, 1, 2, 0, 0, 0, 16))
                .server(adu(77, 1, 6, 0, 9, 0, 1));
        List<SecurityEvent> events = decode(cap).protocol("modbus");
        assertThat(events).extracting(e -> e.fenghuo().ics().function(), e -> e.event().outcome())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("write_single_register", "success"),
                        org.assertj.core.groups.Tuple.tuple("read_discrete_inputs", "unknown"));
        assertThat(field(events.get(0), "request_seen")).isEqualTo(false);
        assertThat(events.get(0).fenghuo().ics().address()).isEqualTo(9L);
    }

    @Test
    void readWriteMultipleRegistersKeepsBothParts() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 502)
                .client(adu(1, 1, 23, 0, 3, 0, 6, 0, 14, 0, 3, 6, 0, 0xff, 0, 0xff, 0, 0xff))
                .server(adu(1, 1, 23, 12, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6)).close();
        SecurityEvent e = decode(cap).protocol("modbus").get(0);
        assertThat(e.fenghuo().ics()).isEqualTo(new SecurityEvent.Ics("modbus", "1", 23,
                "read_write_multiple_registers", true, null, 14L, 3L));
        assertThat(field(e, "read_address")).isEqualTo(3L);
        assertThat(field(e, "read_quantity")).isEqualTo(6L);
        assertThat(field(e, "registers")).isEqualTo(List.of(255, 255, 255));
    }

    @Test
    void aCaptureStartingWithTheServersPacketStillKnowsTheRequests() {
        TestCapture cap = new TestCapture();
        cap.tcpMidstream("10.0.0.2", 502, "10.0.0.1", 40000).client(adu(1, 1, 3, 2, 0, 0))
                .server(adu(2, 1, 3, 0, 0, 0, 1)).client(adu(2, 1, 3, 2, 0, 0));
        List<SecurityEvent> events = decode(cap).protocol("modbus");
        assertThat(events).extracting(e -> e.event().outcome()).containsExactly("success", "success");
        assertThat(events.get(1).fenghuo().ics().quantity()).isEqualTo(1L);
    }

    @Test
    void diagnosticsAndMei() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 502).client(adu(1, 1, 8, 0, 4, 0, 0))
                .client(adu(2, 1, 43, 14, 1, 0)).close();
        List<SecurityEvent> events = decode(cap).protocol("modbus");
        assertThat(events.get(0).fenghuo().ics().write()).isTrue();
        assertThat(field(events.get(0), "diagnostic_code")).isEqualTo(4);
        assertThat(events.get(1).event().action()).isEqualTo("modbus-encapsulated-interface-transport");
        assertThat(field(events.get(1), "mei_type")).isEqualTo(14);
    }

    @Test
    void outstandingRequestsAreBounded() {
        List<org.fenghuo.collectors.pcap.app.AppEvent> events = new java.util.ArrayList<>();
        org.fenghuo.collectors.pcap.app.AppOutput out = new org.fenghuo.collectors.pcap.app.AppOutput() {
            @Override
            public void event(org.fenghuo.collectors.pcap.app.AppEvent event) {
                events.add(event);
            }

            @Override
            public void malformed(String protocol, String reason, String detail, long ts, byte[] d, int off, int len) {
                throw new AssertionError(reason);
            }
        };
        ModbusAnalyzer a = new ModbusAnalyzer(Direction.TO_RESPONDER);
        for (int tid = 0; tid < ModbusAnalyzer.MAX_OUTSTANDING + 10; tid++) {
            byte[] req = adu(tid, 1, 3, 0, 0, 0, 1);
            a.data(Direction.TO_RESPONDER, req, 0, req.length, tid, out);
        }
        assertThat(events).hasSize(10).allSatisfy(e -> assertThat(e.outcome()).isEqualTo("unknown"));
        assertThat(events.get(0).extra()).containsEntry("fenghuo.ics.modbus.transaction_id", 0);
        byte[] resp = adu(ModbusAnalyzer.MAX_OUTSTANDING + 9, 1, 3, 2, 0, 5);
        a.data(Direction.TO_INITIATOR, resp, 0, resp.length, 0, out);
        assertThat(events.get(10).outcome()).isEqualTo("success");
        a.end(0, out);
        assertThat(events).hasSize(10 + ModbusAnalyzer.MAX_OUTSTANDING);
    }

    @Test
    void recognitionNeedsPort502AndAnMbapHeader() {
        ModbusProtocol p = new ModbusProtocol();
        byte[] good = adu(1, 1, 3, 0, 0, 0, 1);
        assertThat(p.matches(6, 40000, 502, Direction.TO_RESPONDER, good, 0, good.length)).isTrue();
        assertThat(p.matches(6, 40000, 503, Direction.TO_RESPONDER, good, 0, good.length)).isFalse();
        assertThat(p.matches(17, 40000, 502, Direction.TO_RESPONDER, good, 0, good.length)).isFalse();
        byte[] http = "GET / HTTP/1.1\r\n".getBytes();
        assertThat(p.matches(6, 40000, 502, Direction.TO_RESPONDER, http, 0, http.length)).isFalse();
        assertThat(p.matches(6, 40000, 502, Direction.TO_RESPONDER, good, 0, 3)).isFalse();
    }
}
