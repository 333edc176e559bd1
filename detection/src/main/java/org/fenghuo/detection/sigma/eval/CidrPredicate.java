package org.fenghuo.detection.sigma.eval;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** {@code |cidr}: the value is an IPv4 or IPv6 address inside the network. */
final class CidrPredicate implements ValuePredicate {
    private final byte[] network;
    private final int prefix;

    private CidrPredicate(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** @return null when {@code cidr} is not {@code address/prefix} (or a bare address) */
    static CidrPredicate parse(String cidr) {
        String s = cidr.trim();
        int slash = s.indexOf('/');
        byte[] addr = address(slash < 0 ? s : s.substring(0, slash));
        if (addr == null) {
            return null;
        }
        int prefix = addr.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > addr.length * 8) {
                return null;
            }
        }
        return new CidrPredicate(addr, prefix);
    }

    @Override
    public boolean test(Object value) {
        byte[] a = address(ValuePredicate.asText(value));
        if (a == null || a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[full] & mask) == (network[full] & mask);
    }

    /** An IP literal's bytes, never a name lookup; null when the text is not an IP literal. */
    static byte[] address(String text) {
        if (text.indexOf(':') < 0) {
            return ipv4(text);
        }
        String t = text;
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                return null; // only literals reach InetAddress, so no DNS lookup ever happens
            }
        }
        try {
            byte[] b = InetAddress.getByName(t).getAddress();
            return b.length == 16 ? b : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }
}
