package org.fenghuo.detection.anomaly.volume;

/** Private and shared address space by text, without parsing: RFC 1918, RFC 6598 (100.64/10), RFC 4193 (fc00::/7). */
final class PrivateAddress {
    private PrivateAddress() {
    }

    static boolean is(String ip) {
        if (ip.indexOf(':') >= 0) {
            return ip.length() >= 2 && (ip.regionMatches(true, 0, "fc", 0, 2) || ip.regionMatches(true, 0, "fd", 0, 2));
        }
        if (ip.startsWith("10.") || ip.startsWith("192.168.")) {
            return true;
        }
        int second = secondOctet(ip, "172.");
        if (second >= 16 && second <= 31) {
            return true;
        }
        second = secondOctet(ip, "100.");
        return second >= 64 && second <= 127;
    }

    private static int secondOctet(String ip, String first) {
        if (!ip.startsWith(first)) {
            return -1;
        }
        int end = ip.indexOf('.', first.length());
        try {
            return end < 0 ? -1 : Integer.parseInt(ip, first.length(), end, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
