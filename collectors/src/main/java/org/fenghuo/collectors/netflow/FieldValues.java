package org.fenghuo.collectors.netflow;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.fenghuo.collectors.pcap.flow.IpText;

/**
 * JSON values for fields kept under {@code fenghuo.netflow.*}: numbers for integers, text for
 * addresses, strings and times (ISO-8601), lower-case hex for octet arrays and for any value
 * whose length does not fit its type, so no byte is ever lost.
 */
final class FieldValues {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FieldValues() {
    }

    static Object render(IeType type, byte[] b, int p, int len) {
        switch (type) {
            case UNSIGNED:
                if (len <= 8) {
                    long v = Bytes.unsigned(b, p, len);
                    return v >= 0 ? (Object) v : Long.toUnsignedString(v);
                }
                break;
            case SIGNED:
                if (len <= 8) {
                    return Bytes.unsigned(b, p, len) << (64 - 8 * len) >> (64 - 8 * len);
                }
                break;
            case FLOAT:
                if (len == 4) {
                    return (double) Float.intBitsToFloat((int) Bytes.u32(b, p));
                }
                if (len == 8) {
                    return Double.longBitsToDouble(Bytes.unsigned(b, p, 8));
                }
                break;
            case BOOLEAN:
                if (len == 1 && (b[p] == 1 || b[p] == 2)) {
                    return b[p] == 1; // RFC 7011 6.1.5: 1 true, 2 false
                }
                break;
            case MAC:
                if (len == 6) {
                    return mac(b, p);
                }
                break;
            case IPV4:
                if (len == 4) {
                    return IpText.format(b, p, 4);
                }
                break;
            case IPV6:
                if (len == 16) {
                    return IpText.format(b, p, 16);
                }
                break;
            case STRING:
                return string(b, p, len);
            case SECONDS:
                if (len == 4) {
                    return Instant.ofEpochSecond(Bytes.u32(b, p)).toString();
                }
                break;
            case MILLIS:
                if (len == 8) {
                    return Instant.ofEpochMilli(Bytes.unsigned(b, p, 8)).toString();
                }
                break;
            case MICROS:
            case NANOS:
                if (len == 8) {
                    long nanos = RecordReader.ntpNanos(b, p);
                    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                            Math.floorMod(nanos, 1_000_000_000L)).toString();
                }
                break;
            default:
                break;
        }
        return hex(b, p, len);
    }

    /** UTF-8 with the trailing NULs fixed-length exporters pad strings with removed. */
    static String string(byte[] b, int p, int len) {
        int end = p + len;
        while (end > p && b[end - 1] == 0) {
            end--;
        }
        return new String(b, p, end - p, StandardCharsets.UTF_8);
    }

    static String hex(byte[] b, int p, int len) {
        char[] out = new char[2 * len];
        for (int i = 0; i < len; i++) {
            out[2 * i] = HEX[(b[p + i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[b[p + i] & 0xf];
        }
        return new String(out);
    }

    /** ECS form: upper case, dash separated. */
    static String mac(byte[] b, int p) {
        char[] out = new char[17];
        for (int i = 0; i < 6; i++) {
            out[3 * i] = Character.toUpperCase(HEX[(b[p + i] >> 4) & 0xf]);
            out[3 * i + 1] = Character.toUpperCase(HEX[b[p + i] & 0xf]);
            if (i < 5) {
                out[3 * i + 2] = '-';
            }
        }
        return new String(out);
    }
}
