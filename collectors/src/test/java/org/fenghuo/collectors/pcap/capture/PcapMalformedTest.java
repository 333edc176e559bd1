package org.fenghuo.collectors.pcap.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.capture.CaptureWriter.payload;

import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each broken pcap is counted with its kind and offset; what came before it is still delivered. */
class PcapMalformedTest {

    private static CaptureWriter twoGoodRecords() {
        return CaptureWriter.pcap(ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MICROS, 1500, 1)
                .record(1, 0, payload(60, 1))   // 24..100
                .record(2, 0, payload(40, 2));  // 100..156
    }

    private static void assertOnlyProblem(Recorder r, ProblemKind kind, long offset) {
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(kind);
            assertThat(p.offset()).isEqualTo(offset);
            assertThat(p.reason()).isNotBlank();
        });
        assertThat(r.stats.problems()).containsOnlyKeys(kind);
        assertThat(r.stats.problems(kind)).isEqualTo(1);
    }

    @Test
    void emptyInput() {
        Recorder r = Recorder.read(new byte[0]);

        assertOnlyProblem(r, ProblemKind.TRUNCATED, 0);
        assertThat(r.stats.format()).isEqualTo(CaptureFormat.UNKNOWN);
        assertThat(r.stats.complete()).isFalse();
    }

    @Test
    void unknownMagic() {
        Recorder r = Recorder.read("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertOnlyProblem(r, ProblemKind.UNKNOWN_FORMAT, 0);
        assertThat(r.problems.get(0).reason()).contains("0x47455420");
        assertThat(r.stats.format()).isEqualTo(CaptureFormat.UNKNOWN);
    }

    @Test
    void truncatedFileHeader() {
        byte[] file = Arrays.copyOf(twoGoodRecords().toBytes(), 13);

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.TRUNCATED, 0);
        assertThat(r.stats.format()).isEqualTo(CaptureFormat.PCAP);
        assertThat(r.stats.bytesRead()).isEqualTo(13);
    }

    @Test
    void unsupportedVersion() {
        byte[] file = twoGoodRecords().toBytes();
        file[4] = 1; // major version 1, little-endian

        assertOnlyProblem(Recorder.read(file), ProblemKind.UNKNOWN_FORMAT, 4);
    }

    @Test
    void inclLenAboveTheHardMaximumStopsTheFile() {
        byte[] file = twoGoodRecords().record(3, 0, 300_000, 300_000, new byte[100])
                .record(4, 0, payload(10, 4)).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_LENGTH, 156);
        assertThat(r.packets).hasSize(2);
        assertThat(r.stats.complete()).isFalse();
    }

    @Test
    void negativeInclLenStopsTheFile() {
        byte[] file = twoGoodRecords().record(3, 0, -16, 60, new byte[60]).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_LENGTH, 156);
        assertThat(r.packets).hasSize(2);
    }

    @Test
    void inclLenAboveSnaplenIsCutToTheSnaplenAndReadingGoesOn() {
        byte[] file = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_MICROS, 32, 1)
                .record(1, 0, payload(48, 1))
                .record(2, 0, payload(20, 2))
                .toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_LENGTH, 24);
        assertThat(r.packets).hasSize(2);
        assertThat(r.packets.get(0).data()).isEqualTo(Arrays.copyOf(payload(48, 1), 32));
        assertThat(r.packets.get(0).wireLength()).isEqualTo(48);
        assertThat(r.packets.get(1).data()).isEqualTo(payload(20, 2));
        assertThat(r.stats.complete()).isTrue();
    }

    @Test
    void captureCutInsideARecord() {
        byte[] whole = twoGoodRecords().toBytes();
        Recorder r = Recorder.read(Arrays.copyOf(whole, whole.length - 5));

        assertOnlyProblem(r, ProblemKind.TRUNCATED, 100);
        assertThat(r.packets).hasSize(1);
        assertThat(r.stats.bytesRead()).isEqualTo(whole.length - 5);
    }

    @Test
    void captureCutInsideARecordHeader() {
        byte[] whole = twoGoodRecords().toBytes();
        Recorder r = Recorder.read(Arrays.copyOf(whole, 107));

        assertOnlyProblem(r, ProblemKind.TRUNCATED, 100);
        assertThat(r.packets).hasSize(1);
    }

    @Test
    void headerOnlyIsAnEmptyButCompleteCapture() {
        Recorder r = Recorder.read(CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_NANOS, 0, 1).toBytes());

        assertThat(r.problems).isEmpty();
        assertThat(r.stats.packets()).isZero();
        assertThat(r.stats.complete()).isTrue();
    }

    @Test
    void zeroSnaplenMeansNoLimitAsInLibpcap() {
        byte[] file = CaptureWriter.pcap(ByteOrder.BIG_ENDIAN, PcapReader.MAGIC_MICROS, 0, 1)
                .record(1, 0, payload(1500, 0)).toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.problems).isEmpty();
        assertThat(r.packets.get(0).data()).hasSize(1500);
    }
}
