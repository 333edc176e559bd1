package org.fenghuo.detection.anomaly.beacon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegularityTest {
    @Test
    void medianAndMadRatio() {
        assertThat(Regularity.median(new double[] {4, 1, 3, 2}, 4)).isEqualTo(2.5);
        assertThat(Regularity.median(new double[] {9, 1, 5, 100}, 3)).isEqualTo(5);
        // one outlier in five moves nothing: MAD 0
        assertThat(Regularity.of(new double[] {60, 60, 60, 120, 60}, 5).madRatio()).isZero();
        // |x - 10| = 2, 1, 0, 1, 2 -> MAD 1, ratio 0.1
        Regularity.Spread s = Regularity.of(new double[] {8, 9, 10, 11, 12}, 5);
        assertThat(s.median()).isEqualTo(10);
        assertThat(s.madRatio()).isCloseTo(0.1, within(1e-12));
        assertThat(Regularity.of(new double[] {0, 0, 0}, 3).madRatio()).isInfinite();
    }

    @Test
    void pairHistoryKeepsTheNewestStartsSorted() {
        PairHistory p = new PairHistory("192.0.2.1", 443, 4);
        for (long t : new long[] {50, 10, 30, 20, 40, 5}) {
            p.add(t, t * 10, "id" + t);
        }
        assertThat(p.size).isEqualTo(4);
        assertThat(p.starts).containsExactly(20, 30, 40, 50); // 10 went when 40 came, 5 is older than all kept
        assertThat(p.ids).containsExactly("id20", "id30", "id40", "id50");
        assertThat(p.sizes).containsExactly(200, 300, 400, 500);
        assertThat(p.firstInWindow(20)).isEqualTo(1);
    }
}
