package org.fenghuo.collectors.pcap.app.http;

/**
 * A request waiting for its response: what its event needs from the head, and its body size once
 * the body has been skipped.
 */
final class Request {
    final long timestampNanos;
    final RequestLine line;
    final String host;
    final String userAgent;
    final String referrer;
    /** Null without a body (no Content-Length or Transfer-Encoding). */
    final BodyReader body;

    Request(long timestampNanos, RequestLine line, Head head, BodyReader body) {
        this.timestampNanos = timestampNanos;
        this.line = line;
        this.host = head.field("host");
        this.userAgent = head.field("user-agent");
        this.referrer = head.field("referer");
        this.body = body;
    }

    /** Body bytes seen so far (all of them once the body is done); null without a body. */
    Long bodyBytes() {
        return body == null ? null : body.bodyBytes();
    }
}
