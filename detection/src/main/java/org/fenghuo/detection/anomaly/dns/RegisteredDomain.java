package org.fenghuo.detection.anomaly.dns;

import java.util.Locale;
import java.util.Set;

/**
 * The parent a DNS tunnel hides under, approximated without the Public Suffix List: the last two
 * labels, or three when the last two are a common second-level public suffix ({@code com.cn},
 * {@code gov.cn}, a Chinese province such as {@code gd.cn}, {@code co.uk}, {@code com.au} ...). A
 * tunnel needs a zone its operator controls, which is a registrable domain, so under-splitting
 * (private suffixes like {@code github.io}) only merges a few unrelated sites into one parent.
 */
final class RegisteredDomain {
    private static final Set<String> SECOND_LEVEL = Set.of(
            // China: generic and provincial (GB: 省级行政区) second levels
            "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn", "mil.cn",
            "bj.cn", "sh.cn", "tj.cn", "cq.cn", "he.cn", "sx.cn", "nm.cn", "ln.cn", "jl.cn", "hl.cn", "js.cn",
            "zj.cn", "ah.cn", "fj.cn", "jx.cn", "sd.cn", "ha.cn", "hb.cn", "hn.cn", "gd.cn", "gx.cn", "hi.cn",
            "sc.cn", "gz.cn", "yn.cn", "xz.cn", "sn.cn", "gs.cn", "qh.cn", "nx.cn", "xj.cn",
            "com.hk", "org.hk", "net.hk", "edu.hk", "gov.hk", "com.tw", "org.tw", "edu.tw", "gov.tw", "com.mo",
            "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "net.uk", "ltd.uk", "plc.uk",
            "com.au", "net.au", "org.au", "edu.au", "gov.au",
            "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "co.kr", "or.kr", "go.kr",
            "com.sg", "edu.sg", "gov.sg", "com.my", "co.in", "gov.in", "co.nz", "co.za", "com.br", "com.mx",
            "com.tr", "com.ru", "com.ua", "co.id", "co.th", "com.vn");

    private RegisteredDomain() {
    }

    /**
     * The parent of a query name, lower-case, without a trailing dot; null for a name of one label,
     * reverse lookups ({@code .arpa}) and link-local names ({@code .local}), which no tunnel can use.
     */
    static String of(String queryName) {
        String name = normalise(queryName);
        if (name == null) {
            return null;
        }
        int last = name.lastIndexOf('.');
        if (last <= 0) {
            return null;
        }
        String tld = name.substring(last + 1);
        if (tld.equals("arpa") || tld.equals("local")) {
            return null;
        }
        int second = name.lastIndexOf('.', last - 1);
        String two = name.substring(second + 1);
        if (!SECOND_LEVEL.contains(two)) {
            return two;
        }
        // a public suffix alone ("com.cn") is no one's domain
        return second <= 0 ? null : name.substring(name.lastIndexOf('.', second - 1) + 1);
    }

    /** Lower-case without the trailing dot; null when empty. */
    static String normalise(String queryName) {
        if (queryName == null) {
            return null;
        }
        String name = queryName.endsWith(".") ? queryName.substring(0, queryName.length() - 1) : queryName;
        return name.isEmpty() ? null : name.toLowerCase(Locale.ROOT);
    }

    /** The labels left of {@code parent} in {@code name} (both normalised), without the joining dot; "" for the parent. */
    static String subdomain(String name, String parent) {
        return name.length() <= parent.length() ? "" : name.substring(0, name.length() - parent.length() - 1);
    }

    /** Shannon entropy in bits per character of {@code s} without its dots; 0 for an empty string. */
    static double entropy(String s) {
        int[] counts = new int[128];
        int other = 0;
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                continue;
            }
            n++;
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double h = other == 0 ? 0 : -p(other, n) * log2(p(other, n));
        for (int count : counts) {
            if (count > 0) {
                h -= p(count, n) * log2(p(count, n));
            }
        }
        return h;
    }

    private static double p(int count, int n) {
        return (double) count / n;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
