package org.fenghuo.detection.anomaly.thresholds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.fenghuo.detection.anomaly.beacon.BeaconConfig;
import org.fenghuo.detection.anomaly.dns.DnsTunnelConfig;
import org.fenghuo.detection.anomaly.volume.VolumeConfig;
import org.junit.jupiter.api.Test;

/** Defaults as documented, YAML overrides, and one test per kind of bad value (each error names line, key, value, expectation). */
class DetectorThresholdsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        BeaconConfig b = BeaconConfig.defaults();
        assertThat(b.minConnections()).isEqualTo(8);
        assertThat(b.window()).isEqualTo(Duration.ofHours(6));
        assertThat(b.maxIntervalMadRatio()).isEqualTo(0.10);
        assertThat(b.ignoreDestinationPorts()).containsExactly(53, 123);
        DnsTunnelConfig d = DnsTunnelConfig.defaults();
        assertThat(d.window()).isEqualTo(Duration.ofMinutes(10));
        assertThat(d.minUniqueSubdomains()).isEqualTo(40);
        assertThat(d.minScore()).isEqualTo(4);
        assertThat(d.tunnelTypes()).containsExactly("txt", "null", "cname", "mx", "private");
        VolumeConfig v = VolumeConfig.defaults();
        assertThat(v.bucket()).isEqualTo(Duration.ofMinutes(5));
        assertThat(v.minBucketBytes()).isEqualTo(10L << 20);
        assertThat(v.warmupBuckets()).isEqualTo(288);
        assertThat(v.privateOnly()).isTrue();
        assertThat(BeaconConfig.fromYaml("", "empty.yml").config()).isEqualTo(b);
    }

    @Test
    void yamlOverridesWithUnitsAndLists() {
        Loaded<VolumeConfig> v = VolumeConfig.fromYaml("""
                bucket: 1m
                min_bucket_bytes: 512KiB
                idle_expiry: PT12H
                k: 3.5
                private_only: false
                """, "volume.yml");
        assertThat(v.errors()).isEmpty();
        assertThat(v.config().bucket()).isEqualTo(Duration.ofMinutes(1));
        assertThat(v.config().minBucketBytes()).isEqualTo(512 * 1024);
        assertThat(v.config().idleExpiry()).isEqualTo(Duration.ofHours(12));
        assertThat(v.config().k()).isEqualTo(3.5);
        assertThat(v.config().privateOnly()).isFalse();
        Loaded<DnsTunnelConfig> d = DnsTunnelConfig.fromYaml("tunnel_types: [TXT, NULL]\nignore_parents: Sophosxl.NET",
                "dns.yml");
        assertThat(d.config().tunnelTypes()).containsExactly("txt", "null");
        assertThat(d.config().ignoreParents()).containsExactly("sophosxl.net");
    }

    private static ThresholdError only(Loaded<?> loaded) {
        assertThat(loaded.config()).isNull();
        assertThat(loaded.errors()).hasSize(1);
        return loaded.errors().get(0);
    }

    @Test
    void anIntegerOutOfRange() {
        ThresholdError e = only(BeaconConfig.fromYaml("window: 1h\nmin_connections: 2", "beacon.yml"));
        assertThat(e.message()).isEqualTo("beacon.yml:2: min_connections = \"2\": expected an integer from 4 to 1000");
    }

    @Test
    void notANumber() {
        ThresholdError e = only(DnsTunnelConfig.fromYaml("min_mean_entropy: high", "dns.yml"));
        assertThat(e.key()).isEqualTo("min_mean_entropy");
        assertThat(e.value()).isEqualTo("high");
        assertThat(e.expected()).isEqualTo("a number from 0.0 to 8.0");
    }

    @Test
    void aBadDurationAndABadByteSize() {
        Loaded<VolumeConfig> v = VolumeConfig.fromYaml("bucket: 5 minutes\nmin_bucket_bytes: 10MB", "volume.yml");
        assertThat(v.errors()).extracting(ThresholdError::key).containsExactly("bucket", "min_bucket_bytes");
        assertThat(v.errors().get(0).expected()).contains("90s, 5m, 6h, 7d, PT5M");
        assertThat(v.errors().get(1).expected()).contains("KiB, MiB, GiB");
    }

    @Test
    void aBooleanThatIsNot() {
        assertThat(only(VolumeConfig.fromYaml("private_only: yes please", "v.yml")).expected()).isEqualTo("true or false");
    }

    @Test
    void anUnknownKeyIsATypoNotASilentDefault() {
        ThresholdError e = only(BeaconConfig.fromYaml("min_conections: 5", "beacon.yml"));
        assertThat(e.key()).isEqualTo("min_conections");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.expected()).startsWith("one of the settings [").contains("min_connections");
    }

    @Test
    void aListWhereOneValueIsExpectedAndABadListElement() {
        assertThat(only(BeaconConfig.fromYaml("window: [1h, 2h]", "b.yml")).expected()).isEqualTo("a single value");
        ThresholdError e = only(BeaconConfig.fromYaml("ignore_destination_ports: [53, ntp]", "b.yml"));
        assertThat(e.value()).isEqualTo("ntp");
        assertThat(e.expected()).isEqualTo("a list of integers from 0 to 65535");
    }

    @Test
    void aNestedMappingAndADocumentThatIsNoMapping() {
        assertThat(only(BeaconConfig.fromYaml("window:\n  hours: 6", "b.yml")).expected())
                .isEqualTo("a plain value or a list, not a mapping");
        assertThat(only(BeaconConfig.fromYaml("- 1\n- 2", "b.yml")).key()).isEqualTo("(document)");
    }

    @Test
    void brokenYamlNamesItsLine() {
        ThresholdError e = only(BeaconConfig.fromYaml("window: 1h\nmin_connections: [8\n", "b.yml"));
        assertThat(e.key()).isEqualTo("(document)");
        assertThat(e.line()).isGreaterThanOrEqualTo(2);
        assertThat(e.expected()).startsWith("valid YAML");
    }

    @Test
    void settingsThatContradictEachOther() {
        ThresholdError e = only(BeaconConfig.fromYaml("min_connections: 40\nmax_timestamps: 32", "b.yml"));
        assertThat(e.message()).isEqualTo("b.yml:1: min_connections = \"40\": expected at most max_timestamps (32)");
        assertThat(only(VolumeConfig.fromYaml("bucket: 1h\nidle_expiry: 30m", "v.yml")).key()).isEqualTo("idle_expiry");
    }

    @Test
    void allErrorsAtOnceAndOrThrowListsThem() {
        Loaded<DnsTunnelConfig> d = DnsTunnelConfig.fromYaml("""
                window: forever
                min_score: 9
                colour: blue
                """, "dns.yml");
        assertThat(d.errors()).extracting(ThresholdError::line).containsExactly(1, 2, 3);
        assertThatThrownBy(d::orThrow).hasMessageContainingAll("dns.yml:1: window", "dns.yml:2: min_score",
                "dns.yml:3: colour");
        assertThat(List.of(d.ok(), DnsTunnelConfig.fromYaml("", "x").ok())).containsExactly(false, true);
    }

    /** The YAML blocks of the README's section, in order beaconing, DNS, volume, are the defaults: the docs cannot drift. */
    @Test
    void theReadmeShowsTheDefaults() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Anomaly detectors: beaconing, DNS tunnelling"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        List<String> blocks = new java.util.ArrayList<>();
        for (int at = section.indexOf("```yaml\n"); at >= 0; at = section.indexOf("```yaml\n", at + 1)) {
            blocks.add(section.substring(at + 8, section.indexOf("```", at + 8)));
        }
        assertThat(blocks).hasSize(3);
        assertThat(BeaconConfig.fromYaml(blocks.get(0), "README.md").orThrow()).isEqualTo(BeaconConfig.defaults());
        assertThat(DnsTunnelConfig.fromYaml(blocks.get(1), "README.md").orThrow()).isEqualTo(DnsTunnelConfig.defaults());
        assertThat(VolumeConfig.fromYaml(blocks.get(2), "README.md").orThrow()).isEqualTo(VolumeConfig.defaults());
    }
}
