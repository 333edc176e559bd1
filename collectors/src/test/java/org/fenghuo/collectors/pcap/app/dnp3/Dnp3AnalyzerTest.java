package org.fenghuo.collectors.pcap.app.dnp3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.app.TestBytes.bytes;
import static org.fenghuo.collectors.pcap.app.TestBytes.concat;
import static org.fenghuo.collectors.pcap.app.dnp3.Dnp3Frames.fragment;
import static org.fenghuo.collectors.pcap.app.dnp3.Dnp3Frames.frame;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** Golden-style tests through the whole chain, and unit tests of the layers. */
class Dnp3AnalyzerTest {
    private static final int MASTER = 3;
    private static final int OUTSTATION = 4;
    /** Class 0 read: g60v1, all objects. */
    private static final byte[] READ_CLASS_0 = bytes(0xc0, 0x01, 0x3c, 0x01, 0x06);

    private static TestCapture.Decoded decode(TestCapture cap) {
        return cap.decode(AppProtocols.of(new Dnp3Protocol()));
    }

    static Object field(SecurityEvent e, String name) {
        Map<?, ?> fenghuo = (Map<?, ?>) e.extra().get("fenghuo");
        return ((Map<?, ?>) ((Map<?, ?>) fenghuo.get("ics")).get("dnp3")).get(name);
    }

    @Test
    void crcIsDnp() {
        // a header from a real capture: 05 64 11 c4 04 00 03 00, CRC 4e ef
        assertThat(Dnp3Crc.crc(bytes(0x05, 0x64, 0x11, 0xc4, 0x04, 0x00, 0x03, 0x00), 0, 8)).isEqualTo(0xef4e);
    }

    @Test
    void readAndResponseSplitAcrossSegments() {
        // response: g30v2 (16-bit with flag) start 0 stop 2, then g1v2 start 5 stop 5
        byte[] response = bytes(0xc0, 0x81, 0x00, 0x00, 0x1e, 0x02, 0x00, 0x00, 0x02, 0x01, 0x10, 0x00, 0x01, 0x20,
                0x00, 0x01, 0x30, 0x00, 0x01, 0x02, 0x00, 0x05, 0x05, 0x81);
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 20000)
                .clientInPieces(fragment(true, OUTSTATION, MASTER, READ_CLASS_0), 5)
                .serverInPieces(fragment(false, MASTER, OUTSTATION, response), 7).close();
        TestCapture.Decoded d = decode(cap);

        List<SecurityEvent> events = d.protocol("dnp3");
        assertThat(events).extracting(e -> e.event().action()).containsExactly("dnp3-read", "dnp3-response");
        SecurityEvent read = events.get(0);
        assertThat(read.fenghuo().ics()).isEqualTo(new SecurityEvent.Ics("dnp3", "4", 1, "read", false, null, null,
                null));
        assertThat(field(read, "source")).isEqualTo(MASTER);
        assertThat(field(read, "objects")).isEqualTo(List.of("g60v1"));
        assertThat(field(read, "link_function")).isEqualTo("unconfirmed_user_data");
        SecurityEvent resp = events.get(1);
        assertThat(resp.fenghuo().ics()).isEqualTo(new SecurityEvent.Ics("dnp3", "3", 129, "response", false, null,
                0L, 3L));
        assertThat(resp.event().outcome()).isEqualTo("success");
        assertThat(field(resp, "objects")).isEqualTo(List.of("g30v2", "g1v2"));
        assertThat(field(resp, "iin")).as("no IIN bit set").isNull();
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void aFragmentOverSeveralLinkFramesIsReassembled() {
        // g32v3-free response: 100 analog inputs g30v1 (5 bytes each) = 500 bytes of objects
        byte[] app = new byte[4 + 5 + 500];
        System.arraycopy(bytes(0xe0, 0x81, 0x10, 0x02, 0x1e, 0x01, 0x01, 0x0a, 0x00, 0x6d, 0x00), 0, app, 0, 11);
        byte[] frames = fragment(false, MASTER, OUTSTATION, java.util.Arrays.copyOf(app, 4 + 7 + 500));
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 20000).client(fragment(true, OUTSTATION, MASTER, READ_CLASS_0))
                .serverInPieces(frames, 100).close();
        SecurityEvent resp = decode(cap).protocol("dnp3").get(1);
        assertThat(resp.fenghuo().ics().address()).isEqualTo(10L);
        assertThat(resp.fenghuo().ics().quantity()).isEqualTo(100L);
        assertThat(resp.fenghuo().ics().exception()).isEqualTo("object_unknown");
        assertThat(resp.event().outcome()).isEqualTo("failure");
        assertThat(field(resp, "iin")).isEqualTo(List.of("need_time", "object_unknown"));
        assertThat(field(resp, "objects")).isEqualTo(List.of("g30v1"));
        assertThat(field(resp, "objects_incomplete")).isNull();
    }

    @Test
    void badCrcIsReportedAndTheNextFrameIsStillDecoded() {
        byte[] broken = fragment(true, OUTSTATION, MASTER, READ_CLASS_0);
        broken[12] ^= 0x01; // a data block byte
        byte[] badHeader = fragment(true, OUTSTATION, MASTER, READ_CLASS_0);
        badHeader[3] ^= 0x01; // a header byte
        byte[] good = fragment(true, OUTSTATION, MASTER, bytes(0xc1, 0x0d));
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 20000).client(concat(fragment(true, OUTSTATION, MASTER, READ_CLASS_0),
                broken, bytes(0xaa, 0xbb), badHeader, good)).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(d.protocol("dnp3")).extracting(e -> e.fenghuo().ics().function())
                .containsExactly("read", "cold_restart");
        assertThat(d.protocol("dnp3").get(1).fenghuo().ics().write()).isTrue();
        assertThat(d.result().app().malformedByReason()).containsEntry("dnp3: bad crc", 2L)
                .containsEntry("dnp3: no start bytes", 1L);
    }

    @Test
    void directOperateIsAWriteAtItsIndex() {
        // g12v1 CROB, qualifier 0x28 (2-byte index, 2-byte count), count 1, index 7
        byte[] operate = bytes(0xc2, 0x05, 0x0c, 0x01, 0x28, 0x01, 0x00, 0x07, 0x00, 0x41, 0x01, 0xe8, 0x03, 0x00,
                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3c, 0x02, 0x06);
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 20000).client(fragment(true, OUTSTATION, MASTER, operate)).close();
        SecurityEvent e = decode(cap).protocol("dnp3").get(0);
        assertThat(e.fenghuo().ics()).isEqualTo(new SecurityEvent.Ics("dnp3", "4", 5, "direct_operate", true, null,
                7L, 1L));
        assertThat(field(e, "objects")).isEqualTo(List.of("g12v1", "g60v2"));
        assertThat(e.event().action()).isEqualTo("dnp3-direct-operate");
    }

    @Test
    void anObjectOfUnknownSizeStopsTheListing() {
        // device attributes g0v242 (unknown size) then g30v1
        byte[] response = bytes(0xc0, 0x81, 0x00, 0x00, 0x00, 0xf2, 0x00, 0x00, 0x00, 0x41, 0x42, 0x1e, 0x01, 0x00,
                0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00);
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 20000).client(fragment(true, OUTSTATION, MASTER, READ_CLASS_0))
                .server(fragment(false, MASTER, OUTSTATION, response)).close();
        SecurityEvent e = decode(cap).protocol("dnp3").get(1);
        assertThat(field(e, "objects")).isEqualTo(List.of("g0v242"));
        assertThat(field(e, "objects_incomplete")).isEqualTo("unknown object size");
    }

    @Test
    void linkOnlyFramesMakeNoEventsAndUdpWorks() {
        TestCapture cap = new TestCapture();
        cap.udp("10.0.0.1", 20000, "10.0.0.2", 20000, frame(0xc9, OUTSTATION, MASTER, new byte[0]));
        cap.udp("10.0.0.1", 20000, "10.0.0.2", 20000, fragment(true, OUTSTATION, MASTER, bytes(0xc3, 0x14, 0x3c,
                0x02, 0x06)));
        List<SecurityEvent> events = decode(cap).protocol("dnp3");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.fenghuo().ics().function()).isEqualTo("enable_unsolicited");
            assertThat(e.fenghuo().ics().write()).isTrue();
            assertThat(e.network().transport()).isEqualTo("udp");
        });
    }

    @Test
    void recognitionChecksTheHeaderCrc() {
        Dnp3Protocol p = new Dnp3Protocol();
        byte[] good = fragment(true, OUTSTATION, MASTER, READ_CLASS_0);
        assertThat(p.matches(6, 40000, 12345, Direction.TO_RESPONDER, good, 0, good.length)).isTrue();
        assertThat(p.matches(17, 40000, 20000, Direction.TO_RESPONDER, good, 0, good.length)).isTrue();
        byte[] bad = good.clone();
        bad[8] ^= 1;
        assertThat(p.matches(6, 40000, 20000, Direction.TO_RESPONDER, bad, 0, bad.length)).isFalse();
        assertThat(p.matches(6, 40000, 20000, Direction.TO_RESPONDER, good, 0, 9)).isFalse();
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(7);
        LinkFramer framer = new LinkFramer();
        TransportReassembler transport = new TransportReassembler();
        int[] frames = new int[1];
        TransportReassembler.Sink ts = new TransportReassembler.Sink() {
            @Override
            public void fragment(LinkFrame last, byte[] data, int len) {
                ApplicationParser.parse(data, len);
            }

            @Override
            public void malformed(String reason, String detail, byte[] data, int off, int len, long t) {
            }
        };
        LinkFramer.Sink sink = new LinkFramer.Sink() {
            @Override
            public void frame(LinkFrame frame) {
                frames[0]++;
                if (frame.carriesUserData()) {
                    transport.segment(frame, ts);
                }
            }

            @Override
            public void malformed(String reason, String detail, byte[] data, int off, int len, long t) {
            }
        };
        for (int i = 0; i < 3000; i++) {
            byte[] app = new byte[r.nextInt(60)];
            r.nextBytes(app);
            if (app.length > 1) {
                app[1] = (byte) (r.nextBoolean() ? 0x81 : r.nextInt(34));
            }
            byte[] b = r.nextInt(4) == 0 ? new byte[r.nextInt(50)] : fragment(r.nextBoolean(), 1, 2, app);
            if (r.nextInt(8) == 0) {
                r.nextBytes(b);
            }
            framer.data(b, 0, b.length, 0, sink);
            ApplicationParser.parse(app, app.length);
        }
        assertThat(frames[0]).isPositive();
    }
}
