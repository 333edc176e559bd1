package org.fenghuo.correlation.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the YAML form of the inventory into {@link AssetRow}s (checks are the row's). */
final class AssetYaml {
    private AssetYaml() {
    }

    static void read(YamlNode doc, ConfigReader in, List<AssetRow> rows, List<Integer> lines) {
        if (doc == null) {
            return; // empty file: no assets (syntax errors are already recorded)
        }
        YamlNode list = doc;
        if (doc.map() != null) {
            in.onlyKeys(doc, "", Set.of("assets"));
            list = ConfigReader.child(doc, "assets");
            if (list == null) {
                return;
            }
        }
        if (list.list() == null) {
            in.problem(list.line(), "assets", list.kind(), "a list of assets");
            return;
        }
        for (int i = 0; i < list.list().size(); i++) {
            YamlNode item = list.list().get(i);
            String label = "assets[" + i + "]";
            if (item == null || item.map() == null) {
                in.problem(item == null ? list.line() : item.line(), label, item == null ? "null" : item.kind(),
                        "a mapping with id, ips, criticality ...");
                continue;
            }
            in.onlyKeys(item, label, Set.copyOf(AssetRow.FIELDS));
            AssetRow row = new AssetRow();
            for (Map.Entry<String, YamlNode> e : item.map().entrySet()) {
                YamlNode v = e.getValue();
                if (!AssetRow.FIELDS.contains(e.getKey()) || v == null || v.isNull()) {
                    continue;
                }
                String key = label + "." + e.getKey();
                if (v.map() != null) {
                    in.problem(v.line(), key, "a mapping", "a value or a list");
                } else if (v.list() != null) {
                    List<String> items = new ArrayList<>();
                    v.list().forEach(x -> items.add(x == null ? null : x.scalar()));
                    row.put(e.getKey(), new AssetRow.Value(null, items, v.line(), key));
                } else {
                    row.put(e.getKey(), new AssetRow.Value(v.scalar(), null, v.line(), key));
                }
            }
            rows.add(row);
            lines.add(item.line());
        }
    }
}
