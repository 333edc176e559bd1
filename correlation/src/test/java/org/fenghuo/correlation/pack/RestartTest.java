package org.fenghuo.correlation.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.correlation.pack.PackRun.at;
import static org.fenghuo.correlation.pack.PackRun.hit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.correlation.engine.PendingHits;
import org.fenghuo.correlation.engine.esper.EsperAlertCorrelator;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.junit.jupiter.api.Test;

/** The pack across a restore from {@code pendingHits()}: a match spanning it fires once, a mute survives it. */
class RestartTest {
    private static final String HOST = "172.16.10.22";
    private static final String DNS = "fenghuo.anomaly.dns_tunnel";
    private static final String EGRESS = "fenghuo.anomaly.volume.egress";
    /**
     * No window longer than the exfiltration rule's hour: hits are replayed into every rule as far back
     * as the longest replay span reaches, which would hide a rule replaying too little.
     */
    private static final PackSettings HOUR = new PackSettings(Duration.ofHours(1), Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(10), 5, null, null, null, null);

    /** Runs {@code before}, snapshots, replays into a fresh correlator, runs {@code after}; all alerts. */
    private static List<Alert> withRestart(List<RuleHit> before, List<RuleHit> after) {
        List<Alert> out = new ArrayList<>();
        PendingHits pending;
        try (EsperAlertCorrelator c = new EsperAlertCorrelator(List.of(), BuiltInPack.rules(HOUR),
                out::add)) {
            feed(c, before);
            pending = c.pendingHits();
        }
        try (EsperAlertCorrelator c = new EsperAlertCorrelator(List.of(), BuiltInPack.rules(HOUR),
                out::add)) {
            c.replay(pending);
            feed(c, after);
        }
        return out;
    }

    private static void feed(EsperAlertCorrelator c, List<RuleHit> hits) {
        for (RuleHit h : hits) {
            c.accept(h);
            c.advanceWatermark(h.timestamp());
        }
    }

    private static RuleHit dns(long s) {
        return hit(DNS, s, Entities.of(HOST, "10.10.2.53", null, null));
    }

    private static RuleHit egress(long s) {
        return hit(EGRESS, s, Entities.of(HOST, "192.0.2.200", null, null));
    }

    @Test
    void aMatchSpanningTheRestartFiresOnce() {
        assertThat(withRestart(List.of(dns(0)), List.of(egress(1200)))).extracting(Alert::timestamp)
                .containsExactly(at(1200));
    }

    @Test
    void aKeyMutedBeforeTheRestartStaysMutedForItsWindow() {
        // alert at 3000 from hits at 0 and 3000; the mute lasts to 6600; at 4000 the hit at 0 is out of the window
        List<Alert> out = withRestart(List.of(dns(0), egress(3000), dns(4000)), List.of(egress(5000), dns(6600)));
        assertThat(out).extracting(Alert::timestamp).containsExactly(at(3000));
        List<Alert> later = withRestart(List.of(dns(0), egress(3000), dns(4000)), List.of(egress(6601)));
        assertThat(later).extracting(Alert::timestamp).containsExactly(at(3000), at(6601));
    }
}
