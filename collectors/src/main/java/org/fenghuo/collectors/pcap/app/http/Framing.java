package org.fenghuo.collectors.pcap.app.http;

import java.util.Locale;

/** Where a message's body ends, from its head (RFC 9112 6.3). */
final class Framing {
    /** A framing that cannot be trusted: the stream cannot be followed past this message. */
    static final class BadFraming extends Exception {
        final String reason;

        BadFraming(String reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    private Framing() {
    }

    /** A request's body, or null when it has none. */
    static BodyReader request(Head head) throws BadFraming {
        String te = head.field("transfer-encoding");
        if (te != null) {
            if (!chunkedLast(te)) {
                // RFC 9112 6.3: a request whose length cannot be determined is unreadable
                throw new BadFraming("bad transfer encoding", te);
            }
            return BodyReader.chunked();
        }
        Long length = contentLength(head);
        return length == null ? null : BodyReader.length(length);
    }

    /** A response's body, or null when it has none; {@code requestMethod} may be null (not seen). */
    static BodyReader response(Head head, StatusLine status, String requestMethod) throws BadFraming {
        if ("HEAD".equals(requestMethod) || status.code() < 200 || status.code() == 204 || status.code() == 304) {
            return null;
        }
        String te = head.field("transfer-encoding");
        if (te != null) {
            return chunkedLast(te) ? BodyReader.chunked() : BodyReader.untilClose();
        }
        Long length = contentLength(head);
        return length == null ? BodyReader.untilClose() : BodyReader.length(length);
    }

    /** Content-Length, null when absent; repeated equal values are one value (RFC 9110 8.6). */
    static Long contentLength(Head head) throws BadFraming {
        String value = head.field("content-length");
        if (value == null) {
            return null;
        }
        Long length = null;
        for (String part : value.split(",")) {
            String digits = part.trim();
            if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new BadFraming("bad content length", value);
            }
            long n = Long.parseLong(digits);
            if (length != null && length != n) {
                throw new BadFraming("bad content length", value);
            }
            length = n;
        }
        return length;
    }

    private static boolean chunkedLast(String transferEncoding) {
        String[] codings = transferEncoding.split(",");
        return codings[codings.length - 1].trim().toLowerCase(Locale.ROOT).equals("chunked");
    }
}
