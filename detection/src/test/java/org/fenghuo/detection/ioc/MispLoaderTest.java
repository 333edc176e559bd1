package org.fenghuo.detection.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

class MispLoaderTest {
    @Test
    void loadsMatchableIdsAttributesOfTheEventAndItsObjects() {
        LoadResult r = MispLoader.load(Fixtures.path("misp-event.json"), "prov-cert");
        Map<String, Indicator> byValue = r.indicators().stream().collect(Collectors.toMap(Indicator::value, i -> i));
        assertThat(byValue.keySet()).containsExactlyInAnyOrder("203.0.113.50", "2001:db8::66", "c2.bad-domain.example",
                "http://bad-domain.example/payload.bin",
                "6ae8b0f1c7d6f3238d1fc14038018c3b4704c8cc23dac1c2bfd2c81b5a278eef", "198.18.0.0/15", "obj.example",
                "192.0.2.200", "7637beddacbeac59d44469b2b120b9e6");
        Indicator ip = byValue.get("203.0.113.50");
        assertThat(ip.id()).isEqualTo("a-1");
        assertThat(ip.name()).isEqualTo("Smart-city campaign");
        assertThat(ip.producer()).isEqualTo("Provincial CERT");
        assertThat(ip.confidence()).isEqualTo(75); // threat_level_id 1
        assertThat(ip.created()).isEqualTo(Instant.ofEpochSecond(1767225600L));
        assertThat(ip.labels()).containsExactly("tlp:amber", "Network activity");
        Indicator c2 = byValue.get("c2.bad-domain.example");
        assertThat(c2.confidence()).isEqualTo(93); // osint:certainty tag wins
        assertThat(c2.isCommandAndControl()).isTrue();
        assertThat(byValue.get("198.18.0.0/15").type()).isEqualTo(IndicatorType.CIDR);
        assertThat(byValue.get("2001:db8::66").type()).isEqualTo(IndicatorType.IPV6);
    }

    @Test
    void skipsNonIdsDeletedAndOtherTypesAndReportsBrokenValuesWithTheirUuid() {
        LoadReport report = MispLoader.load(Fixtures.path("misp-event.json"), "prov-cert").report();
        assertThat(report.skipped()).containsEntry("to_ids=false", 1).containsEntry("deleted", 1)
                .containsEntry("MISP type text", 1);
        assertThat(report.broken()).isEqualTo(2);
        assertThat(report.issues()).extracting(LoadIssue::objectId)
                .containsExactlyInAnyOrder("5a3c2fcd-0000-4000-8000-000000000001/a-8",
                        "5a3c2fcd-0000-4000-8000-000000000001/o-4");
        assertThat(report.issues()).allSatisfy(i -> assertThat(i.file()).endsWith("misp-event.json"));
        LoadResult all = MispLoader.load(Fixtures.path("misp-event.json"), "prov-cert", false);
        assertThat(all.indicators()).extracting(Indicator::value).contains("not-for-ids.example");
    }

    @Test
    void feedManifestLoadsItsEventsAndReportsAMissingOne() {
        LoadResult r = MispLoader.load(Fixtures.path("misp-feed/manifest.json"), "feed");
        assertThat(r.indicators()).extracting(Indicator::value)
                .containsExactlyInAnyOrder("feed.example", "192.0.2.150", "023853a4331db8d67e44553004cf338ec1b7440e");
        assertThat(r.indicators()).allSatisfy(i -> assertThat(i.confidence()).isEqualTo(50));
        assertThat(r.report().broken()).isEqualTo(1);
        assertThat(r.report().issues().get(0).file()).endsWith("11111111-2222-4333-8444-666666666666.json");
        assertThat(r.report().unreadable()).isFalse();
    }

    @Test
    void listsApiAnswersAndBrokenJson() {
        String json = "{\"response\":[{\"Event\":{\"info\":\"a\",\"Attribute\":[{\"type\":\"ip-dst\",\"value\":\"192.0.2.5\","
                + "\"to_ids\":true}]}},{\"info\":\"b\",\"Attribute\":[{\"type\":\"md5\",\"value\":\"" + "ab".repeat(16)
                + "\",\"to_ids\":true}]}, 42]}";
        LoadResult r = MispLoader.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "api.json", "x", true);
        assertThat(r.indicators()).extracting(Indicator::value).containsExactly("192.0.2.5", "ab".repeat(16));
        assertThat(r.report().issues()).singleElement().satisfies(i -> assertThat(i.objectId()).isEqualTo("[2]"));
        LoadResult broken = MispLoader.load(new ByteArrayInputStream("{\n\"Event\": [}".getBytes(StandardCharsets.UTF_8)),
                "b.json", "x", true);
        assertThat(broken.report().unreadable()).isTrue();
        assertThat(broken.report().issues().get(0).line()).isEqualTo(2);
    }

    @Test
    void sharedPymispTestFiles() throws Exception {
        Path dir = SharedData.require("threat-intel/pymisp-testfiles/tests/mispevent_testfiles");
        int loaded = 0;
        for (Path f : SharedData.files(dir, ".json")) {
            LoadReport report = MispLoader.load(f, "pymisp", false).report();
            System.out.println("[pymisp] " + dir.relativize(f) + ": " + report.summary());
            report.issues().forEach(i -> System.out.println("    " + i));
            loaded += report.loaded();
        }
        System.out.println("[pymisp] total " + loaded + " indicators (to_ids ignored)");
        LoadResult existing = MispLoader.load(dir.resolve("existing_event.json"), "circl");
        assertThat(existing.indicators()).anyMatch(i -> i.value().equals("meteost.com") && i.type() == IndicatorType.DOMAIN)
                .anyMatch(i -> i.type() == IndicatorType.SHA1).anyMatch(i -> i.type() == IndicatorType.IPV4)
                .allMatch(i -> "CIRCL".equals(i.producer()));
        LoadResult malware = MispLoader.load(dir.resolve("malware_exist.json"), "circl");
        assertThat(malware.indicators()).extracting(Indicator::value).contains("7637beddacbeac59d44469b2b120b9e6",
                "6ae8b0f1c7d6f3238d1fc14038018c3b4704c8cc23dac1c2bfd2c81b5a278eef");
        assertThat(loaded).isGreaterThan(100);
    }
}
