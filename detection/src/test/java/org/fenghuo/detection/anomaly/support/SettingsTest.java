package org.fenghuo.detection.anomaly.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.fenghuo.detection.anomaly.auth.BruteForceConfig;
import org.fenghuo.detection.anomaly.scan.PortScanConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void portScanYamlOverridesDefaultsAndNamesEveryBadKey() {
        var ok = PortScanConfig.fromYaml("scan.yml", """
                window: 2m
                horizontal: {min_hosts: 50}
                vertical: {min_ports: 30}
                ignore_sources: [10.0.5.0/24, "2001:db8::7"]
                """);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.value().window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ok.value().minHosts()).isEqualTo(50);
        assertThat(ok.value().minPorts()).isEqualTo(30);
        assertThat(ok.value().ignoredSources().contains("10.0.5.77")).isTrue();
        assertThat(ok.value().ignoredSources().contains("2001:db8::7")).isTrue();
        assertThat(ok.value().ignoredSources().contains("10.0.6.1")).isFalse();

        var bad = PortScanConfig.fromYaml("scan.yml", """
                window: -5s
                horizontal: {min_hosts: 1, max: 3}
                vertical: 20
                max_targets: 10
                count_completed: "yes"
                """);
        assertThat(bad.problems()).containsExactlyInAnyOrder(
                "scan.yml: key 'window': got '-5s' (text), expected a duration from PT1S to PT24H (e.g. 60s, 5m, 1h or PT1M)",
                "scan.yml: key 'horizontal.max': unknown setting, expected one of [min_hosts]",
                "scan.yml: key 'horizontal.min_hosts': got '1' (number), expected an integer from 2 to 65536",
                "scan.yml: key 'vertical': got '20' (number), expected a mapping",
                "scan.yml: key 'max_targets': got '10', expected at least horizontal.min_hosts and vertical.min_ports (20)",
                "scan.yml: key 'count_completed': got 'yes' (text), expected true or false");
        assertThat(bad.value()).isEqualTo(PortScanConfig.defaults());
    }

    @Test
    void bruteForceYamlAndUnreadableOrBrokenFilesNeverThrow() throws Exception {
        var ok = BruteForceConfig.fromYaml("auth.yml", "key_by: SOURCE_USER\nmin_failures: 5\nsuccess_within: PT30M\n");
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.value().keyBy()).isEqualTo(BruteForceConfig.KeyBy.SOURCE_USER);
        assertThat(ok.value().successWithin()).isEqualTo(Duration.ofMinutes(30));

        var bad = BruteForceConfig.fromYaml("auth.yml", "key_by: host\nmin_failures: 2.5\n");
        assertThat(bad.problems()).containsExactly(
                "auth.yml: key 'key_by': got 'host' (text), expected one of [source, user, source_user]",
                "auth.yml: key 'min_failures': got '2.5' (number), expected an integer from 2 to 1000000");
        assertThat(bad.value()).isEqualTo(BruteForceConfig.defaults());

        assertThat(BruteForceConfig.fromYaml("x.yml", "[1, 2").problems()).singleElement().asString()
                .startsWith("x.yml: not valid YAML");
        assertThat(BruteForceConfig.fromYaml("x.yml", "- a\n- b\n").problems())
                .containsExactly("x.yml: expected a mapping of settings, got list");
        Path missing = dir.resolve("absent.yml");
        var none = BruteForceConfig.read(SettingsReader.ofFile(missing));
        assertThat(none.problems()).singleElement().asString().startsWith(missing + ": cannot read");
        assertThat(none.value()).isEqualTo(BruteForceConfig.defaults());
        assertThat(BruteForceConfig.fromYaml("empty.yml", "").ok()).isTrue();
    }

    @Test
    void addressSetMatchesCidrsAndNeverResolvesNames() {
        AddressSet set = AddressSet.of(java.util.List.of("192.168.1.0/25", "10.0.0.1", "fd00::/8", "0.0.0.0/0"));
        assertThat(set.contains("192.168.1.127")).isTrue();
        assertThat(AddressSet.of(java.util.List.of("192.168.1.0/25")).contains("192.168.1.128")).isFalse();
        assertThat(set.contains("fd12::1")).isTrue();
        assertThat(AddressSet.of(java.util.List.of("fd00::/8")).contains("fe80::1")).isFalse();
        assertThat(AddressSet.of(java.util.List.of("10.0.0.1")).contains("10.0.0.2")).isFalse();
        assertThat(set.contains("localhost")).isFalse();
        for (String bad : new String[] {"localhost", "10.0.0.256", "10.0.0", "10.0.0.0/33", "::/129", "1.2.3.4/",
                "a::b::c", "10.0.0.1/x"}) {
            assertThat(AddressSet.isValid(bad)).as(bad).isFalse();
        }
    }
}
