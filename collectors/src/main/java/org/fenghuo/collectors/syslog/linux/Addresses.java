package org.fenghuo.collectors.syslog.linux;

import org.fenghuo.collectors.syslog.payload.EcsFields;

/**
 * Tells IP literals from host names without any DNS lookup ({@code InetAddress.getByName} would
 * resolve names), so a log line naming a host fills {@code *.domain} and an address fills
 * {@code *.ip}.
 */
public final class Addresses {

    private Addresses() {
    }

    /** True for a dotted-quad IPv4 address or an IPv6 literal (optionally with a {@code %zone}). */
    public static boolean isIp(String text) {
        return text != null && (isIpv4(text) || isIpv6(text));
    }

    static boolean isIpv4(String text) {
        int parts = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255) {
                    return false;
                }
                parts++;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                digits++;
            } else {
                return false;
            }
        }
        return parts == 4;
    }

    static boolean isIpv6(String text) {
        int zone = text.indexOf('%');
        String address = zone < 0 ? text : text.substring(0, zone);
        if (address.length() < 2 || address.length() > 45 || address.indexOf(':') < 0) {
            return false;
        }
        int lastColon = address.lastIndexOf(':');
        String tail = address.substring(lastColon + 1);
        boolean embeddedV4 = tail.indexOf('.') >= 0;
        if (embeddedV4 && !isIpv4(tail)) {
            return false;
        }
        String hex = embeddedV4 ? address.substring(0, lastColon + 1) + "0:0" : address;
        int doubleColon = hex.indexOf("::");
        if (doubleColon >= 0 && hex.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = hex.split(":", -1);
        int filled = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                boolean partOfDoubleColon = doubleColon >= 0;
                if (!partOfDoubleColon) {
                    return false;
                }
                continue;
            }
            if (g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            filled++;
        }
        return doubleColon >= 0 ? filled < 8 : filled == 8;
    }

    /**
     * Puts {@code host} as {@code <prefix>.ip} when it is an address, else {@code <prefix>.domain};
     * {@code <prefix>.address} always (ECS: "the address as the log gave it").
     */
    public static void putHost(EcsFields fields, String prefix, String host) {
        if (host == null || host.isBlank()) {
            return;
        }
        fields.put(prefix + ".address", host);
        fields.put(prefix + (isIp(host) ? ".ip" : ".domain"), host);
    }

    /** Puts {@code <prefix>.port} when {@code digits} is a port number; false when it is not one. */
    public static boolean putPort(EcsFields fields, String prefix, String digits) {
        if (digits == null) {
            return true;
        }
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        long port = Long.parseLong(digits);
        if (port > 65535) {
            return false;
        }
        fields.put(prefix + ".port", port);
        return true;
    }
}
