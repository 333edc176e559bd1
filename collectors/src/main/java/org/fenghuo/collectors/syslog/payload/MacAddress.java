package org.fenghuo.collectors.syslog.payload;

/** MAC addresses as ECS writes them: upper-case, dash separated; null when the text is not one. */
final class MacAddress {

    private MacAddress() {
    }

    static String normalise(String s) {
        StringBuilder hex = new StringBuilder(12);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                hex.append(Character.toUpperCase(c));
            } else if (c != ':' && c != '-' && c != '.') {
                return null;
            }
        }
        if (hex.length() != 12) {
            return null;
        }
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append('-');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }
}
