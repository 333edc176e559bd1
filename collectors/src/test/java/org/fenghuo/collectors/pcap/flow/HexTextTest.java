package org.fenghuo.collectors.pcap.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link HexText} must print what {@code String.format} printed before it, for every value. */
class HexTextTest {
    @Test
    void agreesWithFormatOnEdgesAndRandomValues() {
        int[] edges = {0, 1, 9, 10, 15, 16, 99, 100, 0xff, 0x100, 0xfff, 0xffff, 0x10000, Integer.MAX_VALUE, -1,
                Integer.MIN_VALUE};
        Random random = new Random(20261125);
        for (int i = 0; i < edges.length + 10_000; i++) {
            int v = i < edges.length ? edges[i] : (i % 2 == 0 ? random.nextInt(0x20000) : random.nextInt());
            for (int digits : new int[] {2, 4}) {
                assertThat(HexText.hex(v, digits)).isEqualTo(String.format("%0" + digits + "x", v));
                assertThat(HexText.upperHex(v, digits)).isEqualTo(String.format("%0" + digits + "X", v));
                assertThat(HexText.prefixedHex(v, digits)).isEqualTo(String.format("0x%0" + digits + "x", v));
            }
            if (v >= 0) {
                assertThat(HexText.twoDigits(v)).isEqualTo(String.format("%02d", v));
            }
        }
    }
}
