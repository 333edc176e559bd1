package org.fenghuo.correlation.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fenghuo.events.Asset;

/**
 * One asset as written in a file (a YAML mapping or a CSV row), turned into an {@link Asset} with
 * every problem recorded: the same checks for both formats, so they cannot drift apart.
 */
final class AssetRow {
    static final List<String> FIELDS = List.of("id", "name", "ips", "hostname", "criticality", "zone", "owner",
            "critical_infrastructure", "tags");
    private static final Set<String> LIST_FIELDS = Set.of("ips", "tags");

    /** A value: one text or a list, the line it is on and how to name it in an error. */
    record Value(String text, List<String> list, int line, String label) {
    }

    private final Map<String, Value> values = new LinkedHashMap<>();

    void put(String field, Value value) {
        values.put(field, value);
    }

    /** The asset, or null when any field is wrong (each problem recorded through {@code in}). */
    Asset toAsset(ConfigReader in, int rowLine, java.util.function.UnaryOperator<String> label) {
        int before = in.problems().size();
        String id = text("id");
        if (id == null) {
            in.problem(rowLine, label.apply("id"), null, "a non-empty asset id");
        }
        List<String> ips = new ArrayList<>();
        for (String ip : list("ips")) {
            IpPrefix p = IpPrefix.parse(ip);
            Value v = values.get("ips");
            if (p == null) {
                in.problem(v.line, v.label, ip, "an IPv4/IPv6 address or CIDR block (e.g. 10.1.2.3, 10.1.0.0/16, fd00::/8)");
            } else if (!p.isNetwork()) {
                in.problem(v.line, v.label, ip, "a block without host bits (did you mean " + p.truncate(p.length()) + "?)");
            } else {
                ips.add(ip.trim());
            }
        }
        String hostname = text("hostname");
        if (ips.isEmpty() && hostname == null && values.get("ips") == null) {
            in.problem(rowLine, label.apply("ips"), null, "at least one address, or a hostname, so asset " + id + " can be found");
        }
        int criticality = 2;
        Value c = values.get("criticality");
        if (c == null || c.text == null) {
            in.problem(rowLine, label.apply("criticality"), null, "an integer from 1 to 5");
        } else if (!c.text.trim().matches("[1-5]")) {
            in.problem(c.line, c.label, c.text, "an integer from 1 to 5");
        } else {
            criticality = Integer.parseInt(c.text.trim());
        }
        boolean ci = false;
        Value b = values.get("critical_infrastructure");
        if (b != null && b.text != null) {
            Boolean parsed = ConfigReader.parseBoolean(b.text);
            if (parsed == null) {
                in.problem(b.line, b.label, b.text, "true or false");
            } else {
                ci = parsed;
            }
        }
        for (Map.Entry<String, Value> e : values.entrySet()) {
            boolean isList = e.getValue().list != null;
            if (isList && !LIST_FIELDS.contains(e.getKey())) {
                in.problem(e.getValue().line, e.getValue().label, "a list", "a single value");
            }
        }
        if (in.problems().size() > before) {
            return null;
        }
        return new Asset(id, text("name"), ips, hostname == null ? null : hostname.toLowerCase(Locale.ROOT),
                criticality, text("zone"), text("owner"), ci, list("tags"));
    }

    private String text(String field) {
        Value v = values.get(field);
        if (v == null || v.text == null) {
            return null;
        }
        String t = v.text.trim();
        return t.isEmpty() ? null : t;
    }

    /** A list field: a YAML list, or one text split on ';', ',' or blanks (CSV). */
    private List<String> list(String field) {
        Value v = values.get(field);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<String> raw = v.list != null ? v.list : v.text == null ? List.of() : List.of(v.text.split("[;,\\s]+"));
        for (String s : raw) {
            if (s != null && !s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
