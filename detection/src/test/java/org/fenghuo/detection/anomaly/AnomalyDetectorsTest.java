package org.fenghuo.detection.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.events.Alert;
import org.junit.jupiter.api.Test;

class AnomalyDetectorsTest {

    @Test
    void theBuiltInSetHasEveryDetectorOnceWithItsOwnRuleId() {
        List<String> ids = AnomalyDetectors.defaults().stream().map(KeyedDetector::id).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(9).contains("fenghuo.anomaly.port_scan.horizontal",
                "fenghuo.anomaly.port_scan.vertical", "fenghuo.anomaly.brute_force",
                "fenghuo.anomaly.brute_force.success", "fenghuo.anomaly.ics.unauthorized_command");
    }

    @Test
    void allDetectorsRunSideBySideOverOneStreamAndOnlyTheConcernedOnesFire() {
        List<Alert> alerts = new ArrayList<>();
        AnomalyDetectors all = AnomalyDetectors.running(AnomalyDetectors.defaults(), 0, alerts::add);
        for (int i = 0; i < 12; i++) {
            all.accept(Events.auth("f" + i, 1_000L * i, "203.0.113.7", "root", "failure"));
        }
        all.accept(Events.auth("ok", 20_000, "203.0.113.7", "root", "success"));
        for (int port = 1; port <= 25; port++) {
            all.accept(Events.refused("p" + port, 30_000 + port, "198.51.100.9", "10.0.0.5", port));
        }
        all.finish();
        assertThat(alerts).extracting(Alert::ruleId).containsExactlyInAnyOrder("fenghuo.anomaly.brute_force",
                "fenghuo.anomaly.brute_force.success", "fenghuo.anomaly.port_scan.vertical");
    }
}
