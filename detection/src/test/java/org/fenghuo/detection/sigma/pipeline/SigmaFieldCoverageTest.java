package org.fenghuo.detection.sigma.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * How much of the field vocabulary of the shared SigmaHQ rules the shipped pipelines map. A
 * (log source, field) pair counts once however many rules use it. Pairs of log sources a pipeline
 * marks unsupported are reported apart: their rules are rejected with the reason, not misread.
 */
class SigmaFieldCoverageTest {
    private static final Pipelines STANDARD = Pipelines.standard();

    record Coverage(Set<String> mapped, Set<String> unmapped, Map<String, Set<String>> unsupported, int rules) {
        double share() {
            return mapped.size() / (double) Math.max(1, mapped.size() + unmapped.size());
        }
    }

    static Coverage coverage(Path dir) throws IOException {
        Set<String> mapped = new TreeSet<>();
        Set<String> unmapped = new TreeSet<>();
        Map<String, Set<String>> unsupported = new TreeMap<>();
        int rules = 0;
        for (Path f : SharedData.files(dir, ".yml")) {
            for (SigmaRuleFields r : SigmaRuleFields.read(f)) {
                rules++;
                LogSourceMapping m = STANDARD.resolve(r.logSource());
                String ls = r.logSource().category() + "/" + r.logSource().product() + "/" + r.logSource().service();
                for (String field : r.fields()) {
                    String pair = ls + " " + field;
                    if (m.unsupported() != null) {
                        unsupported.computeIfAbsent(m.unsupported(), k -> new TreeSet<>()).add(pair);
                    } else if (m.isMapped(field)) {
                        mapped.add(pair);
                    } else {
                        unmapped.add(pair);
                    }
                }
            }
        }
        return new Coverage(mapped, unmapped, unsupported, rules);
    }

    private static Coverage report(String folder) throws IOException {
        Coverage c = coverage(SharedData.require("sigma/rules/" + folder));
        System.out.printf("rules/%s: %d rules, %d (log source, field) pairs mapped, %d not (%.1f%%): %s%n",
                folder, c.rules(), c.mapped().size(), c.unmapped().size(), 100 * c.share(), c.unmapped());
        c.unsupported().forEach((reason, pairs) -> System.out.printf("  unsupported (%s): %s%n", reason, pairs));
        return c;
    }

    @Test
    void networkWebAndLinuxRulesFieldsAreAtLeastNinetyPercentMapped() throws IOException {
        List<Coverage> all = new ArrayList<>();
        for (String folder : List.of("network", "web", "linux")) {
            all.add(report(folder));
        }
        int mapped = all.stream().mapToInt(c -> c.mapped().size()).sum();
        int unmapped = all.stream().mapToInt(c -> c.unmapped().size()).sum();
        double share = mapped / (double) (mapped + unmapped);
        System.out.printf("network+web+linux: %d mapped, %d not: %.1f%%%n", mapped, unmapped, 100 * share);

        assertThat(all).allSatisfy(c -> assertThat(c.rules()).isPositive());
        assertThat(share).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void everyZeekLogSourceOfTheRulesIsMappedOrRejectedWithAReason() throws IOException {
        Coverage c = report("network/zeek");

        assertThat(c.unsupported().keySet()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        // Zeek rules for logs we decode (dns, http) must keep their fields.
        assertThat(c.mapped()).contains("null/zeek/dns query", "null/zeek/http c-uri", "null/zeek/dns id.resp_p");
        assertThat(c.share()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void windowsRulesFieldsAreReported() throws IOException {
        Coverage c = report("windows");
        Set<String> eventData = new TreeSet<>();
        for (String pair : c.mapped()) {
            String[] ls = pair.substring(0, pair.indexOf(' ')).split("/", -1);
            String field = pair.substring(pair.indexOf(' ') + 1);
            LogSource source = new LogSource(nullable(ls[0]), nullable(ls[1]), nullable(ls[2]));
            if (STANDARD.resolve(source).ecsNames(field).get(0).startsWith("winlog.event_data.")) {
                eventData.add(field);
            }
        }
        System.out.printf("rules/windows: %d of %d pairs to ECS or winlog names, the rest to winlog.event_data.*:"
                + " %s%n", c.mapped().size() - countPairs(c, eventData), c.mapped().size(), eventData);

        // Every Windows field is mapped: unnamed ones go to winlog.event_data.<Name>.
        assertThat(c.unmapped()).isEmpty();
        assertThat(eventData).doesNotContain("Image", "CommandLine", "ParentImage", "TargetFilename",
                "TargetObject", "QueryName", "DestinationIp", "User", "EventID");
        assertThat(eventData).contains("IntegrityLevel", "GrantedAccess");
    }

    private static int countPairs(Coverage c, Set<String> fields) {
        return (int) c.mapped().stream().filter(p -> fields.contains(p.substring(p.indexOf(' ') + 1))).count();
    }

    private static String nullable(String s) {
        return s.equals("null") ? null : s;
    }
}
