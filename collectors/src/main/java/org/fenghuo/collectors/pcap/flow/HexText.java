package org.fenghuo.collectors.pcap.flow;

/**
 * Zero-padded hex and two-digit decimals as protocol fields and problem reasons print them, exactly
 * as {@code String.format("%0Nx")} and {@code "%02d"} would: a {@code Formatter} parses its pattern
 * with a regular expression at each call, which C1-compiled code ({@code decode pcap}) paid per
 * TLS hello and S7 PDU (~2% of a cold decode with protocols, bench/README.md). Beside
 * {@link IpText}: the flow mapper's TCP flags and the protocol analyzers both print with it.
 */
public final class HexText {
    private HexText() {
    }

    /** {@code value} in lowercase hex, left-padded with zeros to {@code digits} (never cut), as {@code %0Nx}. */
    public static String hex(int value, int digits) {
        return pad(Integer.toHexString(value), digits);
    }

    /** {@link #hex} in upper case, as {@code %0NX}. */
    public static String upperHex(int value, int digits) {
        return pad(Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT), digits);
    }

    /** {@code 0x} then {@link #hex}, as {@code 0x%0Nx}. */
    public static String prefixedHex(int value, int digits) {
        return "0x" + hex(value, digits);
    }

    /** {@code n} (0 or more) in decimal, left-padded with a zero to two digits, as {@code %02d}. */
    public static String twoDigits(int n) {
        return n >= 0 && n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String pad(String digits, int width) {
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder b = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }
}
