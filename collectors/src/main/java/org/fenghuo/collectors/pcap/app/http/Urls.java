package org.fenghuo.collectors.pcap.app.http;

import org.fenghuo.events.SecurityEvent;

/** {@code url.*} from a request-target (RFC 9112 3.2) and the Host field. */
final class Urls {
    private Urls() {
    }

    /** Host and port of an authority ("example.com:8080", "[::1]:80"); port null when absent or bad. */
    record Authority(String host, Integer port) {
        static Authority parse(String authority) {
            if (authority == null || authority.isEmpty()) {
                return null;
            }
            String a = authority.substring(authority.indexOf('@') + 1); // userinfo is not a host
            int colon = a.startsWith("[") ? a.indexOf(':', Math.max(0, a.indexOf(']'))) : a.lastIndexOf(':');
            if (colon < 0) {
                return new Authority(unbracket(a), null);
            }
            String host = unbracket(a.substring(0, colon));
            String digits = a.substring(colon + 1);
            Integer port = null;
            if (!digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                int p = Integer.parseInt(digits);
                port = p <= 65535 ? p : null;
            }
            return new Authority(host, port);
        }
    }

    /** url.domain holds an IPv6 address without the brackets the authority needs. */
    private static String unbracket(String host) {
        return host.length() > 2 && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                : host;
    }

    static SecurityEvent.Url of(RequestLine request, String hostField) {
        String target = request.target();
        if (target.equals("*")) { // OPTIONS * : the server itself, no path
            Authority host = Authority.parse(hostField);
            return new SecurityEvent.Url(target, null, "http", host == null ? null : host.host(),
                    host == null ? null : host.port(), null, null);
        }
        if (request.method().equals("CONNECT") && !target.startsWith("/")) { // authority-form: the tunnel's destination
            Authority to = Authority.parse(target);
            return new SecurityEvent.Url(target, null, null, to.host(), to.port(), null, null);
        }
        int scheme = target.indexOf("://");
        if (!target.startsWith("/") && scheme > 0) { // absolute-form, as sent to a proxy
            int pathStart = firstOf(target, scheme + 3, "/?#");
            Authority host = Authority.parse(target.substring(scheme + 3, pathStart));
            String rest = target.substring(pathStart);
            return new SecurityEvent.Url(target, target, target.substring(0, scheme).toLowerCase(java.util.Locale.ROOT),
                    host == null ? null : host.host(), host == null ? null : host.port(), path(rest.isEmpty() ? "/" : rest),
                    query(rest));
        }
        Authority host = Authority.parse(hostField);
        String full = host == null ? null : "http://" + hostField.substring(hostField.indexOf('@') + 1) + target;
        return new SecurityEvent.Url(target, full, "http", host == null ? null : host.host(),
                host == null ? null : host.port(), path(target), query(target));
    }

    private static String path(String target) {
        return target.substring(0, firstOf(target, 0, "?#"));
    }

    private static String query(String target) {
        int q = target.indexOf('?');
        if (q < 0) {
            return null;
        }
        int hash = target.indexOf('#', q);
        String query = target.substring(q + 1, hash < 0 ? target.length() : hash);
        return query.isEmpty() ? null : query;
    }

    private static int firstOf(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
