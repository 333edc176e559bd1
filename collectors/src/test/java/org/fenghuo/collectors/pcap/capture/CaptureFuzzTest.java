package org.fenghuo.collectors.pcap.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.capture.CaptureWriter.payload;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cuts and corrupts valid captures at every byte: the reader must end, throw nothing, stay within
 * the input and count at least one problem whenever it did not reach a clean end. The timeout
 * catches a hang, it does not measure speed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CaptureFuzzTest {

    static byte[] sample(String format) {
        if (format.equals("pcap")) {
            CaptureWriter w = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_NANOS, 200, 1);
            for (int i = 0; i < 6; i++) {
                w.record(i, i * 1000, payload(17 + i * 13, i));
            }
            return w.toBytes();
        }
        return CaptureWriter.pcapng(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(1, 0, 9, 10)
                .interfaceDescription(113, 64, 0x80 | 20, -1)
                .enhancedPacket(0, 1, payload(21, 1), 21)
                .enhancedPacket(1, 2, payload(40, 2), 80)
                .block(5, ByteBuffer.wrap(new byte[16]).position(16))
                .simplePacket(payload(9, 3), 9)
                .obsoletePacket(1, 3, payload(13, 4))
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(101, 0, -1, -1)
                .enhancedPacket(0, 4, payload(30, 5), 30)
                .toBytes();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcap", "pcapng"})
    void everyTruncation(String format) {
        byte[] whole = sample(format);
        long fullPackets = Recorder.read(whole).stats.packets();
        long previous = 0;
        for (int cut = 0; cut <= whole.length; cut++) {
            CaptureStats stats = readQuietly(Arrays.copyOf(whole, cut));
            assertThat(stats.packets()).as("cut at %d", cut).isBetween(previous, fullPackets);
            assertThat(stats.bytesRead()).as("cut at %d", cut).isEqualTo(cut);
            if (!stats.complete()) {
                assertThat(stats.problemCount()).as("cut at %d", cut).isPositive();
            }
            previous = stats.packets();
        }
        assertThat(previous).isEqualTo(fullPackets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcap", "pcapng"})
    void everyByteOverwritten(String format) {
        byte[] whole = sample(format);
        int[] values = {0x00, 0xFF, 0x80, 0x7F, 0x01};
        for (int at = 0; at < whole.length; at++) {
            for (int value : values) {
                byte[] bad = whole.clone();
                bad[at] = (byte) value;
                CaptureStats stats = readQuietly(bad);
                assertThat(stats.bytesRead()).as("byte %d = %d", at, value).isBetween(0L, (long) bad.length);
                assertThat(stats.capturedBytes()).isLessThanOrEqualTo(bad.length);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pcap", "pcapng"})
    void randomDamage(String format) {
        byte[] whole = sample(format);
        SplittableRandom random = new SplittableRandom(20261123L);
        for (int round = 0; round < 5_000; round++) {
            byte[] bad = Arrays.copyOf(whole, random.nextInt(whole.length + 1));
            int hits = 1 + random.nextInt(8);
            for (int i = 0; i < hits && bad.length > 0; i++) {
                bad[random.nextInt(bad.length)] = (byte) random.nextInt(256);
            }
            CaptureStats stats = readQuietly(bad);
            assertThat(stats.bytesRead()).isBetween(0L, (long) bad.length);
        }
    }

    private static CaptureStats readQuietly(byte[] capture) {
        return CaptureReader.read(new ByteArrayInputStream(capture), (l, t, w, d, o, c) -> {
            // Touch the bytes handed out: an index beyond the window would throw here.
            if (c > 0) {
                assertThat(d[o] | d[o + c - 1]).isNotNull();
            }
        }, ProblemHandler.IGNORE, 0);
    }
}
