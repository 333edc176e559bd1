package org.fenghuo.collectors.pcap.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class AppLayerTest {
    /** A line protocol for tests: each LF-terminated line is an event; "boom" throws, "bad" is malformed. */
    private static final class Lines implements AppProtocol {
        @Override
        public String name() {
            return "lines";
        }

        @Override
        public boolean matches(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data,
                               int off, int len) {
            return len >= 4 && new String(data, off, 4, StandardCharsets.US_ASCII).equals("LINE");
        }

        @Override
        public AppAnalyzer newAnalyzer(org.fenghuo.collectors.pcap.flow.FlowContext flow) {
            return new AppAnalyzer() {
                private final StringBuilder[] partial = {new StringBuilder(), new StringBuilder()};

                @Override
                public void data(Direction d, byte[] data, int off, int len, long ts, AppOutput out) {
                    for (int i = off; i < off + len; i++) {
                        char c = (char) data[i];
                        StringBuilder b = partial[d.ordinal()];
                        if (c != '\n') {
                            b.append(c);
                            continue;
                        }
                        String line = b.toString();
                        b.setLength(0);
                        if (line.equals("boom")) {
                            throw new IllegalStateException("analyzer bug");
                        }
                        if (line.equals("bad")) {
                            out.malformed("lines", "bad line", null, ts, data, off, len);
                        } else {
                            out.event(AppEvent.of(ts, "lines", d == Direction.TO_RESPONDER ? "client-line" : "server-line")
                                    .withField("fenghuo.lines.text", line));
                        }
                    }
                }

                @Override
                public void end(long ts, AppOutput out) {
                    if (!partial[0].isEmpty()) {
                        out.event(AppEvent.of(ts, "lines", "unterminated").withField("fenghuo.lines.text", partial[0].toString()));
                    }
                }

                @Override
                public boolean wantsMore() {
                    return true;
                }
            };
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static Object text(SecurityEvent e) {
        return ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) e.extra().get("fenghuo")).get("lines")).get("text");
    }

    @Test
    void protocolEventsAreLinkedToTheirFlowAndNameTheProtocolOnIt() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 7000).clientInPieces(ascii("LINE one\nLINE two\n"), 3)
                .server(ascii("LINE back\n")).close();
        TestCapture.Decoded d = cap.decode(AppProtocols.of(new Lines()));

        List<SecurityEvent> lines = d.protocol("lines");
        assertThat(lines).extracting(AppLayerTest::text).containsExactly("LINE one", "LINE two", "LINE back");
        assertThat(lines).extracting(e -> e.event().action()).containsExactly("client-line", "client-line", "server-line");
        SecurityEvent flow = d.protocol("flow").get(0);
        assertThat(flow.network().protocol()).isEqualTo("lines");
        for (SecurityEvent e : lines) {
            assertThat(e.fenghuo().flowId()).isEqualTo(flow.fenghuo().flowId());
            assertThat(e.network().communityId()).isEqualTo(flow.network().communityId());
            assertThat(e.source().ip()).isEqualTo("10.0.0.1");
            assertThat(e.destination().port()).isEqualTo(7000);
            assertThat(e.event().dataset()).isEqualTo("pcap.lines");
        }
        assertThat(lines).extracting(e -> e.event().id()).doesNotHaveDuplicates()
                .containsExactly(flow.fenghuo().flowId() + ".0", flow.fenghuo().flowId() + ".1",
                        flow.fenghuo().flowId() + ".2");
        assertThat(d.result().app().eventsByProtocol()).containsEntry("lines", 3L);
    }

    @Test
    void reReadingGivesTheSameIds() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 7000).client(ascii("LINE a\nLINE b\n")).close();
        assertThat(cap.decode(AppProtocols.of(new Lines())).events()).extracting(e -> e.event().id())
                .isEqualTo(cap.decode(AppProtocols.of(new Lines())).events().stream().map(e -> e.event().id()).toList());
    }

    @Test
    void malformedDataIsCountedAndDeadLetteredAndAnalysisGoesOn() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 7000).client(ascii("LINE a\nbad\nLINE c\n")).close();
        TestCapture.Decoded d = cap.decode(AppProtocols.of(new Lines()));
        assertThat(d.protocol("lines")).extracting(AppLayerTest::text).containsExactly("LINE a", "LINE c");
        assertThat(d.deadLetters()).singleElement().satisfies(l -> assertThat(l.reason()).startsWith("lines bad line (flow "));
        assertThat(d.result().app().malformedByReason()).containsEntry("lines: bad line", 1L);
    }

    @Test
    void anAnalyzerThatThrowsStopsOnlyItsFlow() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 7000).client(ascii("LINE a\nboom\nLINE lost\n")).close();
        cap.tcp("10.0.0.1", 40001, "10.0.0.2", 7000).client(ascii("LINE other flow\n")).close();
        TestCapture.Decoded d = cap.decode(AppProtocols.of(new Lines()));
        assertThat(d.protocol("lines")).extracting(AppLayerTest::text).containsExactly("LINE a", "LINE other flow");
        assertThat(d.deadLetters()).singleElement()
                .satisfies(l -> assertThat(l.reason()).contains("analyzer failure").contains("analyzer bug"));
        assertThat(d.protocol("flow")).hasSize(2);
    }

    @Test
    void whatIsHeldIsFlushedWhenTheFlowEnds() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 7000).client(ascii("LINE no newline"));
        cap.tcp("10.0.0.1", 40001, "10.0.0.3", 7001).client(ascii("later traffic")).close();
        TestCapture.Decoded d = cap.decode(AppProtocols.of(new Lines()));
        assertThat(d.protocol("lines")).extracting(e -> e.event().action()).containsExactly("unterminated");
        SecurityEvent flow = d.protocol("flow").stream().filter(f -> f.destination().port() == 7000).findFirst().orElseThrow();
        assertThat(d.protocol("lines").get(0).timestamp()).as("the flow's last packet, not the capture's")
                .isEqualTo(flow.event().end());
    }

    @Test
    void unrecognisedFlowsMakeNoProtocolEvents() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 7000).client(ascii("x")).client(ascii("y")).client(ascii("z"))
                .client(ascii("w")).client(ascii("LINE too late\n")).close();
        cap.udp("10.0.0.1", 5000, "10.0.0.2", 5001, ascii("LINE over udp\n"));
        TestCapture.Decoded d = cap.decode(AppProtocols.of(new Lines()));
        assertThat(d.protocol("lines")).extracting(AppLayerTest::text).containsExactly("LINE over udp");
        assertThat(d.protocol("flow")).extracting(e -> e.network().protocol()).containsExactlyInAnyOrder(null, "lines");
    }

    /**
     * At the flow's end the client's segments held behind a hole are delivered, which makes the
     * layer give the unrecognised flow up (and let its streams go) before the server's direction is
     * finished. That second direction was then read from the released streams: a NullPointerException,
     * dead-lettered as "app layer failure" (two flows of the real test captures did this).
     */
    @Test
    void aFlowGivenUpWhileItsFirstDirectionIsFlushedEndsCleanly() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 7000).client(ascii("x")).client(ascii("y")).client(ascii("z"))
                .client(ascii("w")).client(ascii("v")).clientLost(10).client(ascii("a payload after the hole, long enough"))
                .server(ascii("s")).close();
        TestCapture.Decoded d = cap.decode(AppProtocols.of(new Lines()));
        assertThat(d.deadLetters()).extracting(org.fenghuo.events.DeadLetter::reason).noneMatch(r -> r.contains("layer failure"));
        assertThat(d.result().app().malformedTotal()).isZero();
        assertThat(d.protocol("flow")).hasSize(1);
    }

    @Test
    void aFailingEventSinkIsNotMistakenForAnAnalyzerFailure() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 7000).client(ascii("LINE a\n")).close();
        java.util.List<org.fenghuo.events.DeadLetter> letters = new java.util.ArrayList<>();
        org.fenghuo.collectors.pcap.PcapFileDecoder decoder = new org.fenghuo.collectors.pcap.PcapFileDecoder(
                org.fenghuo.collectors.pcap.flow.FlowTableConfig.defaults(), AppProtocols.of(new Lines()), e -> {
                    if ("pcap.lines".equals(e.event().dataset())) {
                        throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
                    }
                }, letters::add);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decoder.decode(java.nio.file.Path.of("t.pcap"),
                        new java.io.ByteArrayInputStream(cap.toPcap())))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("disk full");
        assertThat(letters).noneMatch(l -> l.reason().contains("analyzer failure"));
    }
}
