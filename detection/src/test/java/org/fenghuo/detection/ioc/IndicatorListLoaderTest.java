package org.fenghuo.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

class IndicatorListLoaderTest {
    @Test
    void detectsEachLinesTypeAndReportsBrokenLinesWithTheirNumber() {
        LoadResult r = IndicatorListLoader.load(Fixtures.path("list-plain.txt"), "city");
        Map<String, IndicatorType> types = r.indicators().stream()
                .collect(Collectors.toMap(Indicator::value, Indicator::type));
        assertThat(types).containsOnly(Map.entry("203.0.113.77", IndicatorType.IPV4),
                Map.entry("198.51.100.0/25", IndicatorType.CIDR), Map.entry("2001:db8:dead::1", IndicatorType.IPV6),
                Map.entry("2001:db8:beef::/64", IndicatorType.CIDR), Map.entry("evil.example", IndicatorType.DOMAIN),
                Map.entry("http://phish.example/login", IndicatorType.URL),
                Map.entry("d41d8cd98f00b204e9800998ecf8427e", IndicatorType.MD5));
        assertThat(r.indicators()).allSatisfy(i -> assertThat(i.source()).isEqualTo("city"));
        assertThat(r.indicators().get(0).origin()).endsWith("list-plain.txt:2");
        assertThat(r.report().issues()).extracting(LoadIssue::line).containsExactly(10L, 11L);
        assertThat(r.report().issues().get(1).reason()).contains("999.1.1.1");
        assertThat(r.report().issues().get(0).toString()).contains("list-plain.txt:10: not an IP address");
    }

    @Test
    void ipsumHitsBecomeConfidence() {
        LoadResult r = IndicatorListLoader.load(Fixtures.path("list-ipsum.txt"), "ipsum");
        assertThat(r.indicators()).extracting(Indicator::value, Indicator::confidence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("192.0.2.1", 100),
                        org.assertj.core.groups.Tuple.tuple("192.0.2.2", 30),
                        org.assertj.core.groups.Tuple.tuple("192.0.2.3", null));
    }

    @Test
    void csvHeaderAndQuotedFields() {
        LoadResult r = IndicatorListLoader.load(Fixtures.path("list.csv"), "csv");
        assertThat(r.indicators()).extracting(Indicator::value).containsExactly("http://a.example/x,y", "b.example");
        assertThat(r.report().skipped()).containsEntry("header line", 1);
        assertThat(IndicatorListLoader.load(Path.of("/nonexistent.txt"), "x").report().unreadable()).isTrue();
    }

    @Test
    void aFileWithLinesButNoUsableOneIsUnreadable() {
        // an HTML error page saved in place of the list: every line is broken
        LoadResult html = IndicatorListLoader.load(new StringReader(
                "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n</body></html>\n"), "feed.txt", "feed");
        assertThat(html.indicators()).isEmpty();
        assertThat(html.report().unreadable()).isTrue();
        assertThat(html.report().broken()).isEqualTo(4);
        assertThat(html.report().issues()).hasSize(5);
        assertThat(html.report().issues().get(0).toString())
                .isEqualTo("feed.txt: no usable line: all 4 indicator lines are broken (not an indicator list?)");

        LoadResult oneGood = IndicatorListLoader.load(new StringReader("<html>\n192.0.2.1\n"), "feed.txt", "feed");
        assertThat(oneGood.report().unreadable()).isFalse();
        assertThat(oneGood.report().broken()).isEqualTo(1);
        // an empty feed and one with only comments and a header are empty, not unreadable
        assertThat(IndicatorListLoader.load(new StringReader(""), "e.txt", "e").report().unreadable()).isFalse();
        assertThat(IndicatorListLoader.load(new StringReader("# none today\nip\n"), "c.txt", "c").report().unreadable())
                .isFalse();
    }

    @Test
    void sharedIpsum() throws Exception {
        Path dir = SharedData.require("threat-intel/ipsum");
        LoadResult r = IndicatorListLoader.load(dir.resolve("ipsum.txt"), "ipsum");
        System.out.println("[ipsum] ipsum.txt: " + r.report().summary());
        r.report().issues().stream().limit(10).forEach(i -> System.out.println("    " + i));
        long dataLines;
        try (var lines = java.nio.file.Files.lines(dir.resolve("ipsum.txt"))) {
            dataLines = lines.filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        }
        assertThat(r.report().loaded() + r.report().broken()).isEqualTo((int) dataLines);
        assertThat(r.indicators()).allSatisfy(i -> {
            assertThat(i.type()).isIn(IndicatorType.IPV4, IndicatorType.IPV6);
            assertThat(i.confidence()).isBetween(10, 100);
        });
        for (Path level : SharedData.files(dir.resolve("levels"), ".txt")) {
            LoadReport report = IndicatorListLoader.load(level, "ipsum-" + level.getFileName()).report();
            System.out.println("[ipsum] levels/" + level.getFileName() + ": " + report.summary());
            assertThat(report.loaded()).isGreaterThan(0);
        }
    }
}
