package org.fenghuo.collectors.netflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterfaceTreesTest {
    private final InterfaceTrees trees = new InterfaceTrees();

    @Test
    void aPairIsBuiltOnceAndShared() {
        Map<String, Object> first = trees.of(5, 6);
        assertThat(first).isEqualTo(Map.of("ingress", Map.of("interface", Map.of("id", "5")),
                "egress", Map.of("interface", Map.of("id", "6"))));
        assertThat(trees.of(5, 6)).isSameAs(first);
        assertThat(trees.of(6, 5)).isNotEqualTo(first);
    }

    @Test
    void anAbsentSideIsLeftOutAndNotConfusedWithTheLargestIndex() {
        assertThat(trees.of(-1, 7)).isEqualTo(Map.of("egress", Map.of("interface", Map.of("id", "7"))));
        assertThat(trees.of(3, -1)).isEqualTo(Map.of("ingress", Map.of("interface", Map.of("id", "3"))));
        assertThat(trees.of(0xFFFF_FFFFL, 7)).isEqualTo(Map.of(
                "ingress", Map.of("interface", Map.of("id", "4294967295")),
                "egress", Map.of("interface", Map.of("id", "7"))));
        assertThat(trees.of(-1, 7)).doesNotContainKey("ingress");
    }

    @Test
    void aWiderIndexThanTheStandardsIsStillReportedExactly() {
        assertThat(trees.of(1L << 40, 1)).isEqualTo(Map.of(
                "ingress", Map.of("interface", Map.of("id", Long.toString(1L << 40))),
                "egress", Map.of("interface", Map.of("id", "1"))));
        assertThat(trees.of(0, 1)).isEqualTo(Map.of("ingress", Map.of("interface", Map.of("id", "0")),
                "egress", Map.of("interface", Map.of("id", "1"))));
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < InterfaceTrees.MAX_PAIRS * 3; i++) {
            trees.of(i, i + 1);
            assertThat(trees.size()).isLessThanOrEqualTo(InterfaceTrees.MAX_PAIRS);
        }
        assertThat(trees.of(10, 11).get("egress")).isEqualTo(Map.of("interface", Map.of("id", "11")));
    }
}
