package org.fenghuo.collectors.pcap.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fenghuo.collectors.pcap.capture.CaptureWriter.payload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcapFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"BIG_ENDIAN", "LITTLE_ENDIAN"})
    void readsMicrosecondPcapInEitherByteOrder(String orderName) {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] file = CaptureWriter.pcap(order, PcapReader.MAGIC_MICROS, 65535, 1)
                .record(1_700_000_000L, 123_456, payload(60, 1))
                .record(1_700_000_001L, 999_999, 40, 1514, payload(40, 2))
                .toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.problems).isEmpty();
        assertThat(r.packets).hasSize(2);
        assertThat(r.packets.get(0).timestampNanos()).isEqualTo(1_700_000_000_123_456_000L);
        assertThat(r.packets.get(0).data()).isEqualTo(payload(60, 1));
        assertThat(r.packets.get(1).wireLength()).isEqualTo(1514);
        assertThat(r.packets.get(1).data()).isEqualTo(payload(40, 2));
        assertThat(r.stats.format()).isEqualTo(CaptureFormat.PCAP);
        assertThat(r.stats.packets()).isEqualTo(2);
        assertThat(r.stats.capturedBytes()).isEqualTo(100);
        assertThat(r.stats.wireBytes()).isEqualTo(1574);
        assertThat(r.stats.linkTypes()).containsExactly(1);
        assertThat(r.stats.complete()).isTrue();
        assertThat(r.stats.bytesRead()).isEqualTo(file.length);
    }

    @Test
    void nanosecondMagicKeepsNanoseconds() {
        byte[] file = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_NANOS, 65535, 101)
                .record(1_700_000_000L, 123_456_789, payload(20, 0))
                .toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.packets).singleElement().satisfies(p -> {
            assertThat(p.timestampNanos()).isEqualTo(1_700_000_000_123_456_789L);
            assertThat(p.linkType()).isEqualTo(101);
        });
    }

    @Test
    void timestampSecondsAreUnsigned() {
        byte[] file = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_MICROS, 65535, 1)
                .record(0xF000_0000L, 0, payload(4, 0)).toBytes();

        assertThat(Recorder.read(file).packets.get(0).timestampNanos()).isEqualTo(0xF000_0000L * 1_000_000_000L);
    }

    @Test
    void fcsBitsAreMaskedOffTheLinkType() {
        // FCS length 4 in the top bits, "FCS present" bit set, link type Ethernet.
        byte[] file = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_MICROS, 65535, 0x4400_0001)
                .record(1, 0, payload(14, 0)).toBytes();

        assertThat(Recorder.read(file).packets.get(0).linkType()).isEqualTo(1);
    }

    @Test
    void modifiedPcapHasLongerRecordHeaders() {
        CaptureWriter w = CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MODIFIED, 65535, 1)
                .record(5, 6, 10, 10, new byte[8]); // the extra 8 header bytes, then the packet
        byte[] file = w.bytes(payload(10, 3)).toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.problems).isEmpty();
        assertThat(r.packets).singleElement().satisfies(p -> assertThat(p.data()).isEqualTo(payload(10, 3)));
    }

    @Test
    void recordsStraddlingShortReadsAreReassembled() {
        CaptureWriter w = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_MICROS, 262144, 1);
        for (int i = 0; i < 50; i++) {
            w.record(i, i, payload(100 + i * 37, i));
        }
        byte[] file = w.toBytes();
        Recorder r = new Recorder();

        CaptureStats stats = CaptureReader.read(new TrickleStream(file, 7), r, r);

        assertThat(stats.packets()).isEqualTo(50);
        assertThat(r.problems).isEmpty();
        assertThat(r.packets.get(49).data()).isEqualTo(payload(100 + 49 * 37, 49));
    }

    @Test
    void manyMaximalRecordsCrossTheWindowBoundary() {
        CaptureWriter w = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_MICROS, 262144, 1);
        for (int i = 0; i < 10; i++) {
            w.record(i, 0, payload(CaptureReader.MAX_PACKET_LENGTH, i));
        }

        Recorder r = Recorder.read(w.toBytes());

        assertThat(r.problems).isEmpty();
        assertThat(r.packets).hasSize(10);
        assertThat(r.packets.get(9).data()).isEqualTo(payload(CaptureReader.MAX_PACKET_LENGTH, 9));
    }

    @Test
    void readsFromAPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("one.pcap");
        Files.write(file, CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_MICROS, 65535, 1)
                .record(1, 0, payload(30, 0)).toBytes());

        CaptureStats stats = CaptureReader.read(file, (l, t, w, d, o, c) -> { }, ProblemHandler.IGNORE);

        assertThat(stats.packets()).isEqualTo(1);
        assertThat(stats.complete()).isTrue();
    }

    @Test
    void ioErrorIsAProblemNotAnException() {
        byte[] header = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_MICROS, 65535, 1).toBytes();
        InputStream failing = new java.io.SequenceInputStream(new ByteArrayInputStream(header), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        });
        Recorder r = new Recorder();

        CaptureStats stats = CaptureReader.read(failing, r, r);

        assertThat(stats.problems(ProblemKind.IO_ERROR)).isEqualTo(1);
        assertThat(r.problems.get(0).reason()).contains("disk gone");
        assertThat(stats.complete()).isFalse();
    }

    @Test
    void aHandlerExceptionStopsTheReadAndPropagates() {
        byte[] file = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_MICROS, 65535, 1)
                .record(1, 0, payload(30, 0)).toBytes();

        assertThatThrownBy(() -> CaptureReader.read(new ByteArrayInputStream(file),
                        (l, t, w, d, o, c) -> {
                            throw new IllegalStateException("sink full");
                        }, ProblemHandler.IGNORE))
                .isInstanceOf(IllegalStateException.class).hasMessage("sink full");
    }

    /** Hands out at most {@code step} bytes per read, as a pipe or socket may. */
    static final class TrickleStream extends InputStream {
        private final byte[] data;
        private final int step;
        private int pos;

        TrickleStream(byte[] data, int step) {
            this.data = data;
            this.step = step;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, step), data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
