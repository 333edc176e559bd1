package org.fenghuo.collectors.pcap.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.TestCapture;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** Golden-style tests: small captures written by {@link TestCapture}, decoded through the whole chain. */
class HttpAnalyzerTest {
    private static final String GET = "GET /search?q=fenghuo&lang=zh HTTP/1.1\r\nHost: www.example.com\r\n"
            + "User-Agent: curl/8.5.0\r\nReferer: http://www.example.com/\r\nAccept: */*\r\n\r\n";
    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n"
            + "Content-Length: 11\r\n\r\nhello world";

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static TestCapture.Decoded decode(TestCapture cap) {
        return cap.decode(AppProtocols.of(new HttpProtocol()));
    }

    private static List<SecurityEvent> http(TestCapture.Decoded d) {
        return d.protocol("http");
    }

    @Test
    void oneRequestAndResponseGiveOneEventWithEcsFields() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 8080).client(ascii(GET)).server(ascii(OK)).close();
        TestCapture.Decoded d = decode(cap);

        SecurityEvent e = http(d).get(0);
        assertThat(http(d)).hasSize(1);
        assertThat(e.event().action()).isEqualTo("http-request");
        assertThat(e.event().category()).containsExactly("network", "web");
        assertThat(e.event().type()).containsExactly("protocol", "access");
        assertThat(e.event().outcome()).isEqualTo("success");
        assertThat(e.http()).isEqualTo(new SecurityEvent.Http("1.1", "GET", "http://www.example.com/", null, 200, 11L,
                "text/html"));
        assertThat(e.url()).isEqualTo(new SecurityEvent.Url("/search?q=fenghuo&lang=zh",
                "http://www.example.com/search?q=fenghuo&lang=zh", "http", "www.example.com", null, "/search",
                "q=fenghuo&lang=zh"));
        assertThat(e.userAgent()).isEqualTo("curl/8.5.0");
        assertThat(e.destination().port()).isEqualTo(8080);
        assertThat(d.protocol("flow").get(0).network().protocol()).isEqualTo("http");
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void bytesSplitOneByOneGiveTheSameEvent() {
        TestCapture whole = new TestCapture();
        whole.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii(GET)).server(ascii(OK)).close();
        TestCapture split = new TestCapture();
        split.tcp("10.0.0.1", 40000, "10.0.0.2", 80).clientInPieces(ascii(GET), 1).serverInPieces(ascii(OK), 1).close();

        SecurityEvent a = http(decode(whole)).get(0);
        SecurityEvent b = http(decode(split)).get(0);
        assertThat(http(decode(split))).hasSize(1);
        assertThat(b.http()).isEqualTo(a.http());
        assertThat(b.url()).isEqualTo(a.url());
        assertThat(b.userAgent()).isEqualTo(a.userAgent());
        assertThat(decode(split).deadLetters()).isEmpty();
    }

    @Test
    void keepAliveRequestsWithBodiesArePairedInOrder() {
        String post = "POST /api/login HTTP/1.1\r\nHost: 10.0.0.2:8080\r\nContent-Type: application/json\r\n"
                + "Content-Length: 17\r\n\r\n{\"user\":\"admin\"}\n";
        String denied = "HTTP/1.1 403 Forbidden\r\nContent-Length: 9\r\n\r\nforbidden";
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 8080).client(ascii(post)).server(ascii(denied)).client(ascii(GET))
                .server(ascii(OK)).close();
        List<SecurityEvent> events = http(decode(cap));

        assertThat(events).extracting(e -> e.http().requestMethod()).containsExactly("POST", "GET");
        assertThat(events).extracting(e -> e.http().responseStatusCode()).containsExactly(403, 200);
        assertThat(events).extracting(e -> e.event().outcome()).containsExactly("failure", "success");
        SecurityEvent login = events.get(0);
        assertThat(login.http().requestBytes()).isEqualTo(17L);
        assertThat(login.url().full()).isEqualTo("http://10.0.0.2:8080/api/login");
        assertThat(login.url().domain()).isEqualTo("10.0.0.2");
        assertThat(login.url().port()).isEqualTo(8080);
        assertThat(login.url().query()).isNull();
    }

    @Test
    void pipelinedRequestsPairWithResponsesInOrder() {
        String requests = "GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n"
                + "HEAD /c HTTP/1.1\r\nHost: h\r\n\r\n";
        String responses = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 404 Not Found\r\n"
                + "Content-Length: 0\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n";
        for (int piece : new int[] {1000, 7, 1}) {
            TestCapture cap = new TestCapture();
            cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).clientInPieces(ascii(requests), piece)
                    .serverInPieces(ascii(responses), piece).close();
            TestCapture.Decoded d = decode(cap);
            assertThat(http(d)).extracting(e -> e.url().path() + " " + e.http().responseStatusCode())
                    .as("pieces of %d bytes", piece).containsExactly("/a 200", "/b 404", "/c 200");
            assertThat(d.deadLetters()).isEmpty();
        }
    }

    @Test
    void chunkedResponseWithTrailersIsSkippedToTheNextResponse() {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Type: text/plain\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Checksum: 1\r\n\r\n";
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii(GET)).serverInPieces(ascii(chunked), 4)
                .client(ascii(GET.replace("/search", "/next"))).server(ascii(OK)).close();
        TestCapture.Decoded d = decode(cap);

        assertThat(http(d)).extracting(e -> e.url().path()).containsExactly("/search", "/next");
        assertThat(http(d).get(0).http().responseBytes()).isNull(); // the length is not known from the head
        assertThat(http(d).get(0).http().responseMimeType()).isEqualTo("text/plain");
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void chunkedRequestBodyIsCounted() {
        String put = "PUT /f HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii(put)).server(ascii("HTTP/1.1 201 Created\r\n"
                + "Content-Length: 0\r\n\r\n")).close();
        assertThat(http(decode(cap)).get(0).http().requestBytes()).isEqualTo(5L);
    }

    @Test
    void headAnd304ResponsesHaveNoBodyDespiteTheirContentLength() {
        String head = "HEAD /big HTTP/1.1\r\nHost: h\r\n\r\n";
        String cond = "GET /cached HTTP/1.1\r\nHost: h\r\nIf-None-Match: \"x\"\r\n\r\n";
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii(head + cond + GET))
                .server(ascii("HTTP/1.1 200 OK\r\nContent-Length: 123456\r\n\r\n"))
                .server(ascii("HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n")).server(ascii(OK)).close();
        TestCapture.Decoded d = decode(cap);

        assertThat(http(d)).extracting(e -> e.http().requestMethod() + " " + e.http().responseStatusCode())
                .containsExactly("HEAD 200", "GET 304", "GET 200");
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void continueDoesNotAnswerTheRequest() {
        String post = "POST /upload HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n";
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii(post)).server(ascii("HTTP/1.1 100 Continue\r\n\r\n"))
                .client(ascii("data")).server(ascii("HTTP/1.1 204 No Content\r\n\r\n")).client(ascii(GET))
                .server(ascii(OK)).close();
        TestCapture.Decoded d = decode(cap);

        assertThat(http(d)).extracting(e -> e.http().requestMethod() + " " + e.http().responseStatusCode())
                .containsExactly("POST 204", "GET 200");
        assertThat(http(d).get(0).http().requestBytes()).isEqualTo(4L);
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void aRequestWithoutResponseIsEmittedAtTheEnd() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii(GET)).close();
        SecurityEvent e = http(decode(cap)).get(0);
        assertThat(e.event().outcome()).isEqualTo("unknown");
        assertThat(e.http().requestMethod()).isEqualTo("GET");
        assertThat(e.http().responseStatusCode()).isNull();
        assertThat(e.url().domain()).isEqualTo("www.example.com");
    }

    @Test
    void aResponseWithoutLengthLastsUntilClose() {
        String http10 = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html>HTTP/1.1 200 OK\r\n</html>";
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii("GET / HTTP/1.0\r\n\r\n")).server(ascii(http10))
                .server(ascii("more body")).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(http(d)).singleElement().satisfies(e -> {
            assertThat(e.http().version()).isEqualTo("1.0");
            assertThat(e.url().full()).isNull(); // no Host: the server's name is unknown
            assertThat(e.url().path()).isEqualTo("/");
        });
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void aResponseWhoseRequestWasNotSeenIsStillReported() {
        TestCapture cap = new TestCapture();
        cap.tcpMidstream("10.0.0.1", 40000, "10.0.0.2", 80).server(ascii(OK)).close();
        assertThat(http(decode(cap))).singleElement().satisfies(e -> {
            assertThat(e.event().action()).isEqualTo("http-response");
            assertThat(e.http().responseStatusCode()).isEqualTo(200);
            assertThat(e.url()).isNull();
        });
    }

    @Test
    void proxyRequestsKeepTheirAbsoluteUrl() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 3128)
                .client(ascii("GET http://evil.example:8000/x.exe?id=1 HTTP/1.1\r\nHost: evil.example:8000\r\n\r\n"))
                .server(ascii(OK)).close();
        assertThat(http(decode(cap)).get(0).url()).isEqualTo(new SecurityEvent.Url(
                "http://evil.example:8000/x.exe?id=1", "http://evil.example:8000/x.exe?id=1", "http", "evil.example",
                8000, "/x.exe", "id=1"));
    }

    @Test
    void aProtocolSwitchEndsAnalysis() {
        String upgrade = "GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii(upgrade))
                .server(ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"))
                .client(new byte[] {(byte) 0x81, 0x05, 1, 2, 3, 4, 5}).server(new byte[] {(byte) 0x81, 0}).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(http(d)).extracting(e -> e.http().responseStatusCode()).containsExactly(101);
        assertThat(d.deadLetters()).isEmpty();
    }

    @Test
    void badRequestLineIsMalformed() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii("GET /index.html\r\nHost: h\r\n\r\n")).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(http(d)).isEmpty();
        assertThat(d.result().app().malformedByReason()).containsEntry("http: bad request line", 1L);
        assertThat(d.deadLetters()).singleElement().satisfies(l -> assertThat(l.reason()).startsWith("http bad request line"));
    }

    @Test
    void garbageAfterAGoodExchangeIsMalformedAndStopsAnalysis() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii(GET)).server(ascii(OK))
                .client(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5}).client(ascii(GET)).server(ascii(OK))
                .close();
        TestCapture.Decoded d = decode(cap);
        assertThat(http(d)).hasSize(1);
        assertThat(d.result().app().malformedByReason()).containsOnlyKeys("http: bad request line");
    }

    @Test
    void aHugeHeaderIsRefused() {
        String big = "GET / HTTP/1.1\r\nHost: h\r\nCookie: " + "a".repeat(20_000) + "\r\n\r\n";
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).clientInPieces(ascii(big), 1400).server(ascii(OK)).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(http(d)).isEmpty();
        assertThat(d.result().app().malformedByReason()).containsEntry("http: header too large", 1L);
    }

    @Test
    void badFramingIsMalformedButTheRequestIsKept() {
        String post = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\nhello";
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii(post)).close();
        TestCapture.Decoded d = decode(cap);
        assertThat(http(d)).extracting(e -> e.http().requestMethod()).containsExactly("POST");
        assertThat(d.result().app().malformedByReason()).containsEntry("http: bad content length", 1L);
    }

    @Test
    void nonHttpIsNotRecognised() {
        TestCapture cap = new TestCapture();
        cap.tcp("10.0.0.1", 40000, "10.0.0.2", 80).client(ascii("GETX / HTTP/1.1\r\n\r\n"))
                .server(ascii("SSH-2.0-OpenSSH\r\n")).close();
        cap.udp("10.0.0.1", 1900, "239.255.255.250", 1900, ascii("M-SEARCH * HTTP/1.1\r\n\r\n"));
        TestCapture.Decoded d = decode(cap);
        assertThat(http(d)).isEmpty();
        assertThat(d.protocol("flow")).allSatisfy(f -> assertThat(f.network().protocol()).isNotEqualTo("http"));
    }
}
