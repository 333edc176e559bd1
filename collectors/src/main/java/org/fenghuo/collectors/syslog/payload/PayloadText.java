package org.fenghuo.collectors.syslog.payload;

import java.util.Locale;

/** Small text helpers the payload parsers share; no regex, no allocation on the decline path. */
public final class PayloadText {

    /** How far into MSG a signature (e.g. {@code CEF:}) is looked for: a relay may prefix its own header. */
    public static final int SIGNATURE_WINDOW = 256;

    private PayloadText() {
    }

    /**
     * The payload starting at {@code signature}, or null when it is not there. RFC 3164 parsing
     * takes {@code CEF:0|...} or {@code %ASA-6-302013: ...} as TAG + MSG, so a TAG that starts with
     * the signature is put back in front of MSG (with the colon the parser consumed).
     */
    public static String fromSignature(PayloadInput input, String signature) {
        String app = input.appName();
        if (app != null && (app.startsWith(signature) || signature.endsWith(":") && signature.length() == app.length() + 1
                && signature.startsWith(app))) {
            return app + ":" + input.message();
        }
        String msg = input.message();
        if (msg.startsWith(signature)) {
            return msg;
        }
        int at = indexWithin(msg, signature, SIGNATURE_WINDOW);
        return at < 0 ? null : msg.substring(at);
    }

    /** Index of {@code needle} starting within the first {@code window} chars, or -1. */
    public static int indexWithin(String text, String needle, int window) {
        // String.indexOf is a vectorised intrinsic: cheaper than a char loop even when it looks further
        int limit = window + needle.length();
        int at = text.length() <= limit ? text.indexOf(needle) : text.substring(0, limit).indexOf(needle);
        return at <= window ? at : -1;
    }

    /** A decimal integer (optional sign) that fits a long, or null. */
    public static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == n || n - i > 19) {
            return null;
        }
        if (n - i == 19) {
            // the one length that can overflow: nanosecond epochs are 19 digits
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long value = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /** The number as Long when it is one, else the text itself (kept, not lost). */
    public static Object number(String s) {
        Long l = parseLong(s);
        return l != null ? l : s;
    }

    /** {@code network.transport} and {@code network.iana_number} from a protocol number or name. */
    public static void putTransport(EcsFields f, String proto) {
        f.put("network.transport", transport(proto));
        f.put("network.iana_number", ianaNumber(proto));
    }

    /**
     * Puts a value at an ECS name, as a number when the field is a count or a port
     * ({@code .port}, {@code .bytes}, {@code .packets}, {@code .pid}, {@code .size}) and the text is one.
     */
    public static void putEcs(EcsFields f, String ecs, String value) {
        boolean numeric = ecs.endsWith(".port") || ecs.endsWith(".bytes") || ecs.endsWith(".packets")
                || ecs.endsWith(".pid") || ecs.endsWith(".size") || ecs.equals("event.count");
        f.put(ecs, numeric ? number(value) : value);
    }

    /** {@code network.transport} from an IANA protocol number or a name ({@code 6}, {@code TCP}). */
    public static String transport(String proto) {
        if (proto == null || proto.isEmpty()) {
            return null;
        }
        return switch (proto) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "58" -> "ipv6-icmp";
            case "47" -> "gre";
            case "50" -> "esp";
            case "51" -> "ah";
            case "132" -> "sctp";
            case "2" -> "igmp";
            default -> proto.chars().allMatch(Character::isDigit) ? null : proto.toLowerCase(Locale.ROOT);
        };
    }

    /** {@code network.iana_number} for a transport name or number. */
    public static String ianaNumber(String proto) {
        if (proto == null) {
            return null;
        }
        if (!proto.isEmpty() && proto.chars().allMatch(Character::isDigit)) {
            return proto;
        }
        return switch (proto.toLowerCase(Locale.ROOT)) {
            case "tcp" -> "6";
            case "udp" -> "17";
            case "icmp" -> "1";
            case "ipv6-icmp", "icmpv6", "icmp6" -> "58";
            case "gre" -> "47";
            case "esp" -> "50";
            case "sctp" -> "132";
            default -> null;
        };
    }

    /** ipv4 or ipv6 from an address literal, null when unknown. */
    public static String ipType(String ip) {
        if (ip == null) {
            return null;
        }
        return IpLiteral.isValid(ip) ? ip.indexOf(':') >= 0 ? "ipv6" : "ipv4" : null;
    }

    /**
     * A field name from the wire made safe as one segment of a dotted ECS name: dots, spaces and
     * other punctuation become {@code _}, at most 64 chars; never empty.
     */
    public static String fieldName(String raw) {
        int n = Math.min(raw.length(), 64);
        boolean clean = n == raw.length() && n > 0;
        for (int i = 0; clean && i < n; i++) {
            clean = isNameChar(raw.charAt(i));
        }
        if (clean) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            sb.append(isNameChar(c) ? c : '_');
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                || c > 127 && Character.isLetterOrDigit(c);
    }
}
