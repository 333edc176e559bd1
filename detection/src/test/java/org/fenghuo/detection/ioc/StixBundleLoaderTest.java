package org.fenghuo.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

class StixBundleLoaderTest {
    private static final String ID = "indicator--00000000-0000-4000-8000-0000000000";

    @Test
    void loadsSupportedComparisonsAndKeepsTheIndicatorsMetadata() {
        LoadResult r = StixBundleLoader.load(Fixtures.path("bundle.json"), "cert");
        Map<String, Indicator> byValue = r.indicators().stream().collect(Collectors.toMap(Indicator::value, i -> i));
        assertThat(byValue.keySet()).containsExactlyInAnyOrder("203.0.113.9", "198.51.100.0/24", "evil.example",
                "http://phish.example/login?x=1", "2001:db8:bad::/48",
                "ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c",
                "0123456789abcdef0123456789abcdef", "192.0.2.77");
        Indicator c2 = byValue.get("203.0.113.9");
        assertThat(c2.type()).isEqualTo(IndicatorType.IPV4);
        assertThat(c2.id()).isEqualTo(ID + "01");
        assertThat(c2.name()).isEqualTo("C2 server");
        assertThat(c2.confidence()).isEqualTo(90);
        assertThat(c2.validFrom()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(c2.validUntil()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        assertThat(c2.producer()).isEqualTo("City CERT");
        assertThat(c2.labels()).containsExactly("malicious-activity", "c2");
        assertThat(c2.isCommandAndControl()).isTrue();
        assertThat(c2.source()).isEqualTo("cert");
        assertThat(byValue.get("2001:db8:bad::/48").type()).isEqualTo(IndicatorType.CIDR);
        assertThat(byValue.get("ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c").type())
                .isEqualTo(IndicatorType.SHA256);
        // the three comparisons of one OR pattern are three indicators with the same id
        assertThat(r.indicators().stream().filter(i -> i.id().equals(ID + "03"))).hasSize(3);
    }

    @Test
    void reportsBrokenAndUnsupportedIndicatorsByObjectIdAndLoadsTheRest() {
        LoadReport report = StixBundleLoader.load(Fixtures.path("bundle.json"), "cert").report();
        Map<String, LoadIssue> byId = report.issues().stream().collect(Collectors.toMap(LoadIssue::objectId, i -> i));
        assertThat(report.loaded()).isEqualTo(8);
        assertThat(report.unsupported()).isEqualTo(3);
        assertThat(report.broken()).isEqualTo(5);
        assertThat(byId.get(ID + "05").unsupported()).isTrue();
        assertThat(byId.get(ID + "05").reason()).contains("AND between observations");
        assertThat(byId.get(ID + "06").reason()).contains("operator MATCHES");
        assertThat(byId.get(ID + "07").unsupported()).isFalse();
        assertThat(byId.get(ID + "07").reason()).contains("domain-name:value").contains("not a domain name");
        assertThat(byId.get(ID + "08").reason()).isEqualTo("indicator without a pattern");
        assertThat(byId.get(ID + "09").reason()).contains("valid_from");
        assertThat(byId.get(ID + "10").reason()).isEqualTo("pattern_type snort");
        assertThat(byId.get(ID + "13").reason()).contains("valid_until").contains("is not after valid_from");
        assertThat(byId.get(ID + "11").reason()).startsWith("pattern syntax: expected ']'");
        assertThat(byId.get(ID + "11").toString()).contains("bundle.json (" + ID + "11): pattern syntax");
        assertThat(report.skipped()).containsEntry("STIX identity", 1).containsEntry("STIX malware", 1);
        assertThat(report.unreadable()).isFalse();
    }

    @Test
    void invalidJsonIsReportedWithItsLineNotThrown() {
        LoadResult r = StixBundleLoader.load(Fixtures.path("broken-bundle.json"), "cert");
        assertThat(r.indicators()).isEmpty();
        assertThat(r.report().unreadable()).isTrue();
        assertThat(r.report().issues()).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(3);
            assertThat(i.reason()).startsWith("invalid JSON");
        });
        LoadResult missing = StixBundleLoader.load(Path.of("/nonexistent/bundle.json"), "cert");
        assertThat(missing.report().unreadable()).isTrue();
        assertThat(missing.report().issues().get(0).reason()).startsWith("cannot read");
    }

    @Test
    void sharedStixExamples() throws Exception {
        Path dir = SharedData.require("threat-intel/stix2-examples");
        int loaded = 0;
        int unsupported = 0;
        int broken = 0;
        for (Path f : SharedData.files(dir, ".json")) {
            LoadReport report = StixBundleLoader.load(f, "stix2-examples").report();
            System.out.println("[stix2-examples] " + dir.relativize(f) + ": " + report.summary());
            report.issues().forEach(i -> System.out.println("    " + i));
            loaded += report.loaded();
            unsupported += report.unsupported();
            broken += report.broken();
        }
        System.out.printf("[stix2-examples] total %d indicators, %d unsupported, %d broken%n", loaded, unsupported, broken);
        LoadResult apt1 = StixBundleLoader.load(dir.resolve("examples/threat-reports/poisonivy.json"), "x");
        // every OR-compound of domain/IP comparisons is split into indicators
        assertThat(apt1.indicators()).anyMatch(i -> i.type() == IndicatorType.DOMAIN)
                .anyMatch(i -> i.type() == IndicatorType.IPV4);
        assertThat(apt1.report().broken()).isGreaterThanOrEqualTo(1); // 'domain autuo.xicp.net' is no domain
        assertThat(loaded).isGreaterThan(50);
        assertThat(unsupported).isGreaterThan(0);
        List<String> cidrs = StixBundleLoader.load(dir.resolve("examples/threat-reports/apt1.json"), "x").indicators()
                .stream().filter(i -> i.type() == IndicatorType.CIDR).map(Indicator::value).toList();
        assertThat(cidrs).contains("58.246.0.0/15");
    }
}
