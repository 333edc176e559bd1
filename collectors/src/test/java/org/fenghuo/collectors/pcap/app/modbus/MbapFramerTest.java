package org.fenghuo.collectors.pcap.app.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MbapFramerTest {
    private final List<Integer> adus = new ArrayList<>();
    private int bad;
    private final MbapFramer.Sink sink = new MbapFramer.Sink() {
        @Override
        public void adu(byte[] adu, int len, long ts) {
            adus.add(len);
        }

        @Override
        public void badHeader(byte[] header, int len, long ts) {
            bad++;
        }
    };

    @Test
    void byteByByteGivesTheSameAdus() {
        byte[] two = {0, 1, 0, 0, 0, 6, 1, 3, 0, 0, 0, 1, 0, 2, 0, 0, 0, 2, 1, 7};
        MbapFramer f = new MbapFramer();
        for (int i = 0; i < two.length; i++) {
            f.data(two, i, 1, 0, sink);
        }
        assertThat(adus).containsExactly(12, 8);
        assertThat(f.holdsPartial()).isFalse();
    }

    @Test
    void aGapDropsThePartialAduQuietly() {
        MbapFramer f = new MbapFramer();
        byte[] b = {0, 1, 0, 0, 0, 6, 1, 3};
        f.data(b, 0, b.length, 0, sink);
        f.gap();
        byte[] next = {0, 2, 0, 0, 0, 2, 1, 7};
        f.data(next, 0, next.length, 0, sink);
        assertThat(adus).containsExactly(8);
        assertThat(bad).isZero();
    }

    @Test
    void randomBytesNeverThrowAndEndWithBoundedHolding() {
        Random r = new Random(42);
        MbapFramer f = new MbapFramer();
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            f.data(b, 0, b.length, 0, sink);
            byte[] adu = new byte[8 + r.nextInt(20)];
            r.nextBytes(adu);
            ModbusParser.parse(adu, adu.length, r.nextBoolean(), 0);
        }
        assertThat(bad).isPositive();
    }
}
