package org.fenghuo.collectors.syslog.payload;

/** Whether text is an IPv4 or IPv6 address literal, without a DNS lookup (unlike InetAddress). */
final class IpLiteral {

    private IpLiteral() {
    }

    static boolean isValid(String s) {
        return s.indexOf(':') >= 0 ? isIpv6(s) : isIpv4(s, 0, s.length());
    }

    static boolean isIpv4(String s, int from, int to) {
        int parts = 0;
        int i = from;
        while (i < to) {
            int value = 0;
            int digits = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && digits < 4) {
                value = value * 10 + s.charAt(i) - '0';
                digits++;
                i++;
            }
            if (digits == 0 || digits > 3 || value > 255) {
                return false;
            }
            parts++;
            if (i < to) {
                if (s.charAt(i) != '.' || parts == 4) {
                    return false;
                }
                i++;
                if (i == to) {
                    return false;
                }
            }
        }
        return parts == 4;
    }

    private static boolean isIpv6(String s) {
        int end = s.indexOf('%');
        if (end == 0 || end == s.length() - 1) {
            return false;
        }
        if (end < 0) {
            end = s.length();
        }
        if (end > 45) {
            return false;
        }
        int groups = 0;
        int doubleColons = 0;
        int i = 0;
        while (i < end) {
            if (s.charAt(i) == ':') {
                if (i + 1 < end && s.charAt(i + 1) == ':') {
                    doubleColons++;
                    i += 2;
                } else if (i == 0 || i + 1 == end) {
                    return false;
                } else {
                    i++;
                }
                continue;
            }
            int start = i;
            while (i < end && Character.digit(s.charAt(i), 16) >= 0) {
                i++;
            }
            if (i < end && s.charAt(i) == '.') {
                // embedded IPv4 as the last two groups
                if (!isIpv4(s, start, end)) {
                    return false;
                }
                groups += 2;
                i = end;
                break;
            }
            if (i == start || i - start > 4) {
                return false;
            }
            groups++;
        }
        return doubleColons == 0 ? groups == 8 : doubleColons == 1 && groups < 8;
    }
}
