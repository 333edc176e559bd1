package org.fenghuo.correlation.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fenghuo.correlation.scenario.CollectorShapes;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Entities;
import org.junit.jupiter.api.Test;

class PackKeysTest {
    private static final PackSettings ICS = PackSettings.defaults().withIcsAssets(List.of("10.20.0.50"),
            List.of("10.20.0.101"));

    @Test
    void aSessionAndTheWritesFromItsEngineeringHostShareAKey() {
        RuleHit session = PackRun.marks(ICS, CollectorShapes.flow(new CollectorShapes.Flow("f", PackRun.at(0),
                PackRun.at(60), "tcp", "172.16.10.22", 50_000, "10.20.0.50", 3389, 9_000, 40, 90_000, 80,
                CollectorShapes.FLAGS_COMPLETE, CollectorShapes.FLAGS_COMPLETE, "closed"))).get(0);
        RuleHit write = PackRun.marks(ICS, CollectorShapes.modbus("w", PackRun.at(30), "10.20.0.50", 49_152,
                "10.20.0.101", 16, "write_multiple_registers", true, 1, 1)).get(0);
        assertThat(PackKeys.of(session)).isEqualTo("10.20.0.50").isEqualTo(PackKeys.of(write));
    }

    @Test
    void alertsAreKeyedByTheirSourceAndWithoutOneAllShareTheEmptyKey() {
        assertThat(PackKeys.of(PackRun.hit(BuiltInPack.BRUTE_FORCE, 0, Entities.of("203.0.113.66", null, "root",
                null)))).isEqualTo("203.0.113.66");
        assertThat(PackKeys.of(PackRun.hit(BuiltInPack.BEACONING, 0, Entities.NONE))).isEqualTo(PackKeys.NONE);
    }
}
