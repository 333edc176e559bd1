package org.fenghuo.correlation.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.streaming.api.operators.StreamFlatMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class AssetObservationsTest {
    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

    private static List<AssetObservation> sent(List<SecurityEvent> events) throws Exception {
        try (var h = new OneInputStreamOperatorTestHarness<>(new StreamFlatMap<>(new IncidentOperators.Observations(true)))) {
            h.open();
            for (SecurityEvent e : events) {
                h.processElement(e, e.timestamp().toEpochMilli());
            }
            return h.extractOutputValues();
        }
    }

    @Test
    void aRepeatWithinAMinuteIsNotSentAgainButAnEarlierOneIs() throws Exception {
        List<AssetObservation> out = sent(List.of(
                LearnedAssetsTest.flow(T0.plusSeconds(10), "10.1.0.1", "10.1.0.9", 443, 500),
                LearnedAssetsTest.flow(T0.plusSeconds(20), "10.1.0.1", "10.1.0.9", 443, 500), // repeat
                LearnedAssetsTest.flow(T0.plusSeconds(5), "10.1.0.1", "10.1.0.9", 443, 500), // earlier: sent
                LearnedAssetsTest.flow(T0.plusSeconds(65), "10.1.0.1", "10.1.0.9", 443, 500), // a minute on: sent
                LearnedAssetsTest.flow(T0.plusSeconds(20), "10.1.0.2", "10.1.0.9", 443, 500), // another client
                LearnedAssetsTest.flow(T0.plusSeconds(21), "10.1.0.2", "10.1.0.9", 443, 0))); // unanswered

        assertThat(out).extracting(o -> o.client() + "@" + (o.timestamp().getEpochSecond() - T0.getEpochSecond()))
                .containsExactly("10.1.0.1@10", "10.1.0.1@5", "10.1.0.1@65", "10.1.0.2@20");
    }

    @Test
    void whatIsNotSentChangesNothingTheLearnerKnows() throws Exception {
        List<SecurityEvent> traffic = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            Instant t = T0.plusMillis(random.nextInt(600_000));
            int port = List.of(22, 443, 502).get(random.nextInt(3));
            traffic.add(LearnedAssetsTest.flow(t, "10.1.0." + random.nextInt(30), "10.2.0." + random.nextInt(4), port, 100));
        }
        Collections.shuffle(traffic, random);
        LearnedAssets everything = new LearnedAssets(LearnedAssetSettings.defaults(), null);
        traffic.forEach(everything::observe);
        LearnedAssets filtered = new LearnedAssets(LearnedAssetSettings.defaults(), null);
        List<AssetObservation> out = sent(traffic);
        out.forEach(filtered::observe);

        assertThat(out.size()).isLessThan(traffic.size());
        for (LearnedHost h : everything.snapshot().hosts()) {
            assertThat(filtered.learned(h.learned().ip())).isEqualTo(h.learned());
        }
        assertThat(filtered.size()).isEqualTo(everything.size());
    }
}
