package org.fenghuo.collectors.pcap.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class HttpUrlsTest {
    private static SecurityEvent.Url url(String requestLine, String host) {
        return Urls.of(RequestLine.parse(requestLine), host);
    }

    @Test
    void ipv6HostLosesItsBracketsInDomainOnly() {
        assertThat(url("GET /a?b=c#frag HTTP/1.1", "[::1]:8000")).isEqualTo(new SecurityEvent.Url("/a?b=c#frag",
                "http://[::1]:8000/a?b=c#frag", "http", "::1", 8000, "/a", "b=c"));
    }

    @Test
    void connectNamesTheTunnelsDestination() {
        assertThat(url("CONNECT example.com:443 HTTP/1.1", "example.com")).isEqualTo(new SecurityEvent.Url(
                "example.com:443", null, null, "example.com", 443, null, null));
    }

    @Test
    void asteriskHasNoPath() {
        assertThat(url("OPTIONS * HTTP/1.1", "h:81")).isEqualTo(new SecurityEvent.Url("*", null, "http", "h", 81, null,
                null));
    }

    @Test
    void badPortIsDroppedAndAnEmptyQueryIsNone() {
        assertThat(url("GET /x? HTTP/1.0", "h:99999")).isEqualTo(new SecurityEvent.Url("/x?", "http://h:99999/x?",
                "http", "h", null, "/x", null));
    }

    @Test
    void requestAndStatusLinesAreStrict() {
        assertThat(RequestLine.parse("GET / HTTP/1.1")).isEqualTo(new RequestLine("GET", "/", "1.1"));
        assertThat(RequestLine.parse("GET /a b HTTP/1.0")).isEqualTo(new RequestLine("GET", "/a b", "1.0"));
        assertThat(RequestLine.parse("GET /")).isNull();
        assertThat(RequestLine.parse("GET / HTTP/2.0")).isNull();
        assertThat(RequestLine.parse("G(T / HTTP/1.1")).isNull();
        assertThat(StatusLine.parse("HTTP/1.1 200 OK")).isEqualTo(new StatusLine("1.1", 200));
        assertThat(StatusLine.parse("HTTP/1.0 404")).isEqualTo(new StatusLine("1.0", 404));
        assertThat(StatusLine.parse("HTTP/1.1 2000 OK")).isNull();
        assertThat(StatusLine.parse("HTTP/1.1 OK")).isNull();
    }
}
