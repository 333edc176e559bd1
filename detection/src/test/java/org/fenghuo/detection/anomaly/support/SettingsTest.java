package org.fenghuo.detection.anomaly.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.fenghuo.detection.anomaly.auth.BruteForceConfig;
import org.fenghuo.detection.anomaly.scan.PortScanConfig;
import org.fenghuo.detection.anomaly.thresholds.ThresholdError;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void portScanYamlOverridesDefaultsAndNamesEveryBadKey() {
        PortScanConfig ok = PortScanConfig.fromYaml("""
                window: 2m
                min_hosts: 50
                min_ports: 30
                ignore_sources: [10.0.5.0/24, "2001:DB8::7"]
                """, "scan.yml").orThrow();
        assertThat(ok.window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ok.minHosts()).isEqualTo(50);
        assertThat(ok.minPorts()).isEqualTo(30);
        assertThat(ok.ignoredSources().contains("10.0.5.77")).isTrue();
        assertThat(ok.ignoredSources().contains("2001:db8::7")).isTrue();
        assertThat(ok.ignoredSources().contains("10.0.6.1")).isFalse();

        var bad = PortScanConfig.fromYaml("""
                window: -5s
                min_hosts: 1
                max_targets: 10
                count_completed: "yes"
                """, "scan.yml");
        assertThat(bad.config()).isNull();
        assertThat(bad.errors()).extracting(ThresholdError::message).containsExactlyInAnyOrder(
                "scan.yml:1: window = \"-5s\": expected a duration from PT1S to PT24H (e.g. 90s, 5m, 6h, 7d, PT5M)",
                "scan.yml:2: min_hosts = \"1\": expected an integer from 2 to 65536",
                "scan.yml:3: max_targets = \"10\": expected at least min_hosts and min_ports (20)",
                "scan.yml:4: count_completed = \"yes\": expected true or false");
    }

    @Test
    void bruteForceYamlOverridesAndErrors() {
        BruteForceConfig ok = BruteForceConfig.fromYaml("key_by: SOURCE_USER\nmin_failures: 5\nsuccess_within: PT30M\n",
                "auth.yml").orThrow();
        assertThat(ok.keyBy()).isEqualTo(BruteForceConfig.KeyBy.SOURCE_USER);
        assertThat(ok.minFailures()).isEqualTo(5);
        assertThat(ok.successWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThat(ok.ignoredActions()).contains("pam_authentication_failure");

        var bad = BruteForceConfig.fromYaml("key_by: host\nmin_failures: 2.5\nignore_sources: [db.example.org]\n",
                "auth.yml");
        assertThat(bad.errors()).extracting(ThresholdError::message).containsExactlyInAnyOrder(
                "auth.yml:1: key_by = \"host\": expected one of [source, user, source_user]",
                "auth.yml:2: min_failures = \"2.5\": expected an integer from 2 to 1000000",
                "auth.yml:3: ignore_sources = \"db.example.org\": expected IP addresses or CIDR blocks (literals: a name"
                        + " is never resolved)");
        assertThat(BruteForceConfig.defaults().minFailures()).isEqualTo(10);
    }

    @Test
    void addressSetMatchesCidrsAndNeverResolvesNames() {
        AddressSet set = AddressSet.of(List.of("192.168.1.0/25", "10.0.0.1", "fd00::/8", "0.0.0.0/0"));
        assertThat(set.contains("192.168.1.127")).isTrue();
        assertThat(AddressSet.of(List.of("192.168.1.0/25")).contains("192.168.1.128")).isFalse();
        assertThat(set.contains("fd12::1")).isTrue();
        assertThat(AddressSet.of(List.of("fd00::/8")).contains("fe80::1")).isFalse();
        assertThat(AddressSet.of(List.of("10.0.0.1")).contains("10.0.0.2")).isFalse();
        assertThat(set.contains("localhost")).isFalse();
        for (String bad : new String[] {"localhost", "10.0.0.256", "10.0.0", "10.0.0.0/33", "::/129", "1.2.3.4/",
                "a::b::c", "10.0.0.1/x"}) {
            assertThat(AddressSet.isValid(bad)).as(bad).isFalse();
        }
    }
}
