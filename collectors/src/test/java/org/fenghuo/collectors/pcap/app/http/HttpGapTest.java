package org.fenghuo.collectors.pcap.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.collectors.pcap.app.RecordingOutput;
import org.junit.jupiter.api.Test;

/** Holes in the stream, given straight to the analyzer (test captures have no loss). */
class HttpGapTest {
    private final RecordingOutput out = new RecordingOutput();
    private final List<AppEvent> events = out.events;
    private final List<String> malformed = out.malformed;
    private static final String ALPHABET = "0123456789abcdef;\r\n HTTP/1.1 200 GET:x";
    private final HttpAnalyzer http = new HttpAnalyzer();

    private void send(Direction d, String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        http.data(d, b, 0, b.length, 1, out);
    }

    @Test
    void aHoleInsideABodyIsSkipped() {
        send(Direction.TO_RESPONDER, "GET /a HTTP/1.1\r\nHost: h\r\n\r\n");
        send(Direction.TO_INITIATOR, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nabc");
        http.gap(Direction.TO_INITIATOR, 990, 2, out);
        send(Direction.TO_INITIATOR, "1234567");
        send(Direction.TO_RESPONDER, "GET /b HTTP/1.1\r\nHost: h\r\n\r\n");
        send(Direction.TO_INITIATOR, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");

        assertThat(events).extracting(e -> e.url().path() + " " + e.http().responseStatusCode())
                .containsExactly("/a 200", "/b 404");
        assertThat(http.wantsMore()).isTrue();
        assertThat(malformed).isEmpty();
    }

    @Test
    void aHoleInsideAHeadStopsAfterEmittingWhatIsPending() {
        send(Direction.TO_RESPONDER, "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HT");
        http.gap(Direction.TO_RESPONDER, 100, 2, out);
        assertThat(http.wantsMore()).isFalse();
        assertThat(events).extracting(e -> e.url().path() + " " + e.outcome()).containsExactly("/a unknown");
        send(Direction.TO_INITIATOR, "HTTP/1.1 200 OK\r\n\r\n");
        assertThat(events).hasSize(1);
    }

    @Test
    void afterAHoleOverABodysEndTheNextMessageIsFound() {
        send(Direction.TO_RESPONDER, "GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
        send(Direction.TO_INITIATOR, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345");
        http.gap(Direction.TO_INITIATOR, 7, 2, out); // the body's end and a CR LF
        send(Direction.TO_INITIATOR, "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n");
        assertThat(events).extracting(e -> e.url().path() + " " + e.http().responseStatusCode())
                .containsExactly("/a 200", "/b 500");
        assertThat(http.wantsMore()).isTrue();
    }

    @Test
    void afterAHoleOverABodysEndTheRestOfALostMessageStopsQuietly() {
        send(Direction.TO_RESPONDER, "POST /a HTTP/1.1\r\nContent-Length: 10\r\n\r\n12345");
        http.gap(Direction.TO_RESPONDER, 50, 2, out);
        send(Direction.TO_RESPONDER, "Type: text/html\r\n\r\nbody");
        assertThat(http.wantsMore()).isFalse();
        assertThat(events).hasSize(1);
        assertThat(malformed).isEmpty();
    }

    @Test
    void hostileInputNeverThrowsNorLoops() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 200; round++) {
            HttpAnalyzer a = new HttpAnalyzer();
            byte[] start = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            a.data(Direction.TO_RESPONDER, start, 0, start.length, 1, out);
            for (int i = 0; i < 20 && a.wantsMore(); i++) {
                byte[] junk = new byte[random.nextInt(64) + 1];
                for (int j = 0; j < junk.length; j++) {
                    junk[j] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                }
                a.data(random.nextBoolean() ? Direction.TO_RESPONDER : Direction.TO_INITIATOR, junk, 0, junk.length, 1,
                        out);
            }
            a.end(2, out);
            assertThat(a.wantsMore()).isFalse();
        }
    }
}
