package org.fenghuo.correlation.incident;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fenghuo.events.Asset;

/**
 * The incident settings and asset inventory as they travel in the job graph: the files' text, read
 * on the client, so task managers on other machines need no copy of them; parsed again in the
 * operator's {@code open()}. {@link #of} parses once on the client too, so a bad file fails before
 * the job starts, with every problem and its line.
 *
 * @param settings     the incident settings file (text and name), or null for the defaults
 * @param inventories  asset inventory files, YAML or CSV (by the name's extension)
 */
public record IncidentConfig(Text settings, List<Text> inventories) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A file's name (for messages and its format) and content. */
    public record Text(String source, String content) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public IncidentConfig {
        inventories = List.copyOf(inventories);
    }

    /** Default settings and no inventory: every asset's criticality is the scoring default. */
    public static IncidentConfig defaults() {
        return new IncidentConfig(null, List.of());
    }

    /**
     * Reads and checks the files.
     *
     * @param settingsFile incident settings YAML, or null for the defaults
     * @throws ConfigException listing every problem of every file; UncheckedIOException when one cannot be read
     */
    public static IncidentConfig of(Path settingsFile, List<Path> inventoryFiles) {
        IncidentConfig config = new IncidentConfig(settingsFile == null ? null : read(settingsFile),
                inventoryFiles.stream().map(IncidentConfig::read).toList());
        config.settingsParsed();
        config.inventory();
        return config;
    }

    private static Text read(Path file) {
        try {
            return new Text(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public IncidentSettings settingsParsed() {
        return settings == null ? IncidentSettings.defaults() : IncidentSettings.parse(settings.content(), settings.source());
    }

    /** Every inventory file's assets in one inventory. */
    public AssetInventory inventory() {
        List<Asset> assets = new ArrayList<>();
        for (Text t : inventories) {
            String name = t.source().toLowerCase(Locale.ROOT);
            AssetInventory one;
            if (name.endsWith(".csv")) {
                one = AssetInventory.parseCsv(t.content(), t.source());
            } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                one = AssetInventory.parseYaml(t.content(), t.source());
            } else {
                throw new ConfigException("asset inventory", List.of(t.source()
                        + ": expected a .yml, .yaml or .csv file name"));
            }
            assets.addAll(one.assets());
        }
        return assets.isEmpty() ? AssetInventory.empty() : AssetInventory.of(assets);
    }
}
