package org.fenghuo.detection.sigma.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fenghuo.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Every log source the shared network, web, Linux and Windows rules use must select events
 * (conditions) or be rejected with a reason: a log source with neither would let its rules run on
 * every event.
 */
class SharedRulesLogSourceTest {

    @Test
    void everyLogSourceSelectsEventsOrIsUnsupported() throws IOException {
        Pipelines standard = Pipelines.standard();
        Map<String, Integer> unselected = new TreeMap<>();
        Map<String, Integer> unsupported = new TreeMap<>();
        int rules = 0;
        for (String folder : List.of("network", "web", "linux", "windows")) {
            Path dir = SharedData.require("sigma/rules/" + folder);
            for (Path f : SharedData.files(dir, ".yml")) {
                for (SigmaRuleFields r : SigmaRuleFields.read(f)) {
                    rules++;
                    LogSourceMapping m = standard.resolve(r.logSource());
                    LogSource ls = r.logSource();
                    String key = ls.category() + "/" + ls.product() + "/" + ls.service();
                    if (m.unsupported() != null) {
                        unsupported.merge(key, 1, Integer::sum);
                    } else if (m.conditions().isEmpty()) {
                        unselected.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("%d rules; log sources rejected (rules): %s; with no condition: %s%n", rules,
                unsupported, unselected);

        assertThat(rules).isGreaterThan(2000);
        assertThat(unselected).as("every log source of these folders selects events or is rejected").isEmpty();
        assertThat(unsupported).containsKeys("null/linux/auditd", "null/zeek/smb_files", "file_access/windows/null");
    }
}
