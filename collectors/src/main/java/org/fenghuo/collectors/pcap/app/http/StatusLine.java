package org.fenghuo.collectors.pcap.app.http;

/** {@code HTTP/1.x SP status-code SP [reason]} (RFC 9112 4). */
record StatusLine(String version, int code) {
    /** The line parsed, or null when it is not an HTTP/1.x status line. */
    static StatusLine parse(String line) {
        if (line.length() < 12 || line.charAt(8) != ' ' || line.length() > 12 && line.charAt(12) != ' ') {
            return null;
        }
        String version = RequestLine.version(line.substring(0, 8));
        String code = line.substring(9, 12);
        if (version == null || !code.chars().allMatch(c -> c >= '0' && c <= '9') || code.charAt(0) == '0') {
            return null;
        }
        return new StatusLine(version, Integer.parseInt(code));
    }

    /** 1xx other than 101: an interim response, the final one is still to come. */
    boolean interim() {
        return code >= 100 && code < 200 && code != 101;
    }
}
