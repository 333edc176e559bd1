package org.fenghuo.correlation.incident;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fenghuo.events.Asset;

/**
 * The assets the city declares (YAML or CSV), looked up by address (most specific block wins:
 * a /32 asset beats the /24 segment it sits in) and by host name (case-insensitive). Immutable
 * after loading; safe to share between threads.
 *
 * <p>YAML: {@code assets:} followed by a list of mappings with the keys of {@link Asset}
 * ({@code id, name, ips, hostname, criticality, zone, owner, critical_infrastructure, tags}).
 * CSV: a header row naming those columns (any order, {@code id} and {@code criticality} required),
 * {@code ips} and {@code tags} separated by {@code ;}, RFC 4180 quotes.
 */
public final class AssetInventory implements AssetLookup {
    private static final AssetInventory EMPTY = new AssetInventory(List.of(), new PrefixTable<>(), Map.of());

    private final List<Asset> assets;
    private final PrefixTable<Asset> byIp;
    private final Map<String, Asset> byHostname;

    private AssetInventory(List<Asset> assets, PrefixTable<Asset> byIp, Map<String, Asset> byHostname) {
        this.assets = List.copyOf(assets);
        this.byIp = byIp;
        this.byHostname = byHostname;
    }

    /** No declared assets (everything unknown or learned). */
    public static AssetInventory empty() {
        return EMPTY;
    }

    /**
     * From assets built in code.
     *
     * @throws ConfigException for an unparsable address, a duplicate id, block or host name
     */
    public static AssetInventory of(List<Asset> assets) {
        List<String> problems = new ArrayList<>();
        AssetInventory inventory = index(assets, List.of(), new ConfigReader("assets", problems));
        if (!problems.isEmpty()) {
            throw new ConfigException("asset inventory", problems);
        }
        return inventory;
    }

    /**
     * Loads a {@code .yml}/{@code .yaml} or {@code .csv} file (by its extension).
     *
     * @throws ConfigException listing every problem, each with file:line
     * @throws IOException     when the file cannot be read
     */
    public static AssetInventory load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return parseCsv(text, file.toString());
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            return parseYaml(text, file.toString());
        }
        throw new ConfigException("asset inventory", List.of(file + ": file name " + file.getFileName()
                + ": expected a .yml, .yaml or .csv extension"));
    }

    /** @throws ConfigException listing every problem; {@code source} names the file in messages */
    public static AssetInventory parseYaml(String yaml, String source) {
        List<String> problems = new ArrayList<>();
        ConfigReader in = new ConfigReader(source, problems);
        List<AssetRow> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        AssetYaml.read(YamlNode.parse(yaml, source, problems), in, rows, lines);
        return build(rows, lines, (i, f) -> "assets[" + i + "]." + f, in);
    }

    /** @throws ConfigException listing every problem; {@code source} names the file in messages */
    public static AssetInventory parseCsv(String csv, String source) {
        List<String> problems = new ArrayList<>();
        ConfigReader in = new ConfigReader(source, problems);
        List<AssetRow> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        AssetCsv.read(csv, in, rows, lines);
        return build(rows, lines, (i, f) -> "column " + f, in);
    }

    private static AssetInventory build(List<AssetRow> rows, List<Integer> lines,
            java.util.function.BiFunction<Integer, String, String> label, ConfigReader in) {
        List<Asset> assets = new ArrayList<>();
        List<Integer> assetLines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int index = i;
            Asset a = rows.get(i).toAsset(in, lines.get(i), f -> label.apply(index, f));
            if (a != null) {
                assets.add(a);
                assetLines.add(lines.get(i));
            }
        }
        AssetInventory inventory = index(assets, assetLines, in);
        if (!in.problems().isEmpty()) {
            throw new ConfigException("asset inventory " + in.source(), in.sortedProblems());
        }
        return inventory;
    }

    private static AssetInventory index(List<Asset> assets, List<Integer> lines, ConfigReader in) {
        PrefixTable<Asset> byIp = new PrefixTable<>();
        Map<String, Asset> byHost = new HashMap<>();
        Map<String, Asset> byId = new HashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            Asset a = assets.get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            Asset sameId = byId.putIfAbsent(a.id(), a);
            if (sameId != null) {
                in.problem(line, "id", a.id(), "a unique asset id (already used above)");
            }
            for (String ip : a.ips()) {
                IpPrefix p = IpPrefix.parse(ip);
                if (p == null) {
                    in.problem(line, "ips", ip, "an IPv4/IPv6 address or CIDR block");
                    continue;
                }
                Asset other = byIp.putIfAbsent(p, a);
                if (other != null && other != a) {
                    in.problem(line, "ips", ip, "an address or block listed once (also in asset " + other.id() + ")");
                }
            }
            if (a.hostname() != null) {
                Asset other = byHost.putIfAbsent(a.hostname().toLowerCase(Locale.ROOT), a);
                if (other != null && other != a) {
                    in.problem(line, "hostname", a.hostname(), "a host name listed once (also in asset " + other.id() + ")");
                }
            }
        }
        return new AssetInventory(assets, byIp, Map.copyOf(byHost));
    }

    /** The asset whose most specific block contains {@code ip} (IPv4 or IPv6 literal), or null. */
    @Override
    public Asset byIp(String ip) {
        return byIp.isEmpty() ? null : byIp.longestMatch(IpPrefix.address(ip));
    }

    /** The asset with this host name, any case, or null. */
    @Override
    public Asset byHostname(String hostname) {
        return hostname == null ? null : byHostname.get(hostname.trim().toLowerCase(Locale.ROOT));
    }

    /** Every asset, in file order. */
    public List<Asset> assets() {
        return assets;
    }

    public int size() {
        return assets.size();
    }
}
