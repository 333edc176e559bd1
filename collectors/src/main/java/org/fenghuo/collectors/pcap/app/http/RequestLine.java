package org.fenghuo.collectors.pcap.app.http;

/**
 * {@code method SP request-target SP HTTP/1.x} (RFC 9112 3).
 *
 * @param version "1.0", "1.1"
 */
record RequestLine(String method, String target, String version) {
    /** The line parsed, or null when it is not an HTTP/1.x request line. */
    static RequestLine parse(String line) {
        int first = line.indexOf(' ');
        int last = line.lastIndexOf(' ');
        if (first <= 0 || last <= first) {
            return null;
        }
        String method = line.substring(0, first);
        String target = line.substring(first + 1, last).trim();
        String version = version(line.substring(last + 1));
        if (!isToken(method) || target.isEmpty() || version == null) {
            return null;
        }
        return new RequestLine(method, target, version);
    }

    /** "1.1" for "HTTP/1.1"; null unless it is HTTP/1.digit. */
    static String version(String text) {
        if (text.length() == 8 && text.startsWith("HTTP/1.") && Character.isDigit(text.charAt(7))) {
            return text.substring(5);
        }
        return null;
    }

    /** RFC 9110 5.6.2 token characters. */
    static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static boolean isToken(String s) {
        return !s.isEmpty() && s.chars().allMatch(RequestLine::isTokenChar);
    }
}
