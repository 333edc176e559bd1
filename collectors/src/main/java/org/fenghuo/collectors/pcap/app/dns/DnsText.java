package org.fenghuo.collectors.pcap.app.dns;

/** Presentation forms of wire data (RFC 1035 5.1, RFC 5952, RFC 3597), without allocation-heavy helpers. */
final class DnsText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private DnsText() {
    }

    /**
     * Appends one label's bytes as dig does: '.' and '\' escaped with a backslash (they would
     * otherwise change the name's meaning), bytes outside printable ASCII as \DDD (decimal) so a
     * hostile name cannot inject control characters or invalid UTF-8 into logs.
     */
    static void label(byte[] b, int off, int len, StringBuilder out) {
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            if (c == '.' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c <= 0x20 || c >= 0x7f) {
                decimalEscape(c, out);
            } else {
                out.append((char) c);
            }
        }
    }

    /** A <character-string> in double quotes; '"' and '\' escaped, non-printable bytes as \DDD. */
    static void quoted(byte[] b, int off, int len, StringBuilder out) {
        out.append('"');
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                decimalEscape(c, out);
            } else {
                out.append((char) c);
            }
        }
        out.append('"');
    }

    private static void decimalEscape(int c, StringBuilder out) {
        out.append('\\').append((char) ('0' + c / 100)).append((char) ('0' + c / 10 % 10)).append((char) ('0' + c % 10));
    }

    /** RFC 3597 generic RDATA: {@code \# <length> <hex>}. */
    static String generic(byte[] b, int off, int len) {
        StringBuilder out = new StringBuilder(6 + 2 * len).append("\\# ").append(len);
        if (len > 0) {
            out.append(' ');
            for (int i = off; i < off + len; i++) {
                out.append(HEX[(b[i] >> 4) & 0xf]).append(HEX[b[i] & 0xf]);
            }
        }
        return out.toString();
    }
}
