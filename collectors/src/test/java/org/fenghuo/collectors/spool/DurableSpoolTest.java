package org.fenghuo.collectors.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableSpoolTest {

    @TempDir
    Path dir;

    private SpoolConfig config(long maxBytes, long segmentBytes) {
        return SpoolConfig.defaults(dir).withSizes(maxBytes, segmentBytes);
    }

    private static SpoolRecord record(int n) {
        return new SpoolRecord(SpoolRecord.Kind.EVENT, "test", ("k" + n).getBytes(StandardCharsets.UTF_8),
                ("value-" + n + "-" + "x".repeat(100)).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> values(List<SpoolRecord> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8).split("-x")[0]).toList();
    }

    private static List<String> expected(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("value-" + i);
        }
        return out;
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
        }
    }

    /** A spool of {@code n} records, closed: what the next open recovers. */
    private void writeAndClose(int n) throws IOException {
        try (DurableSpool spool = DurableSpool.open(config(1 << 20, 1 << 16))) {
            for (int i = 0; i < n; i++) {
                spool.append(record(i));
            }
        }
    }

    /** Reads and acknowledges everything, as the drainer does. */
    private static List<SpoolRecord> drain(DurableSpool spool) throws IOException {
        List<SpoolRecord> all = new ArrayList<>();
        DurableSpool.Batch batch;
        while ((batch = spool.read(7, Long.MAX_VALUE)).count() > 0) {
            all.addAll(batch.records());
            spool.ack(batch);
        }
        return all;
    }

    @Test
    void readsInAppendOrderAcrossSegmentsAndDeletesAcknowledgedOnes() throws IOException {
        try (DurableSpool spool = DurableSpool.open(config(1 << 20, 4096))) {
            for (int i = 0; i < 200; i++) {
                assertThat(spool.append(record(i))).isTrue();
            }
            assertThat(segmentFiles()).hasSizeGreaterThan(3);
            assertThat(spool.depthRecords()).isEqualTo(200);
            SpoolRecord first = spool.read(1, Long.MAX_VALUE).records().get(0);
            assertThat(first.kind()).isEqualTo(SpoolRecord.Kind.EVENT);
            assertThat(first.input()).isEqualTo("test");
            assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("k0");

            assertThat(values(drain(spool))).isEqualTo(expected(0, 200));
            assertThat(spool.depthRecords()).isZero();
            assertThat(spool.depthBytes()).isZero();
            assertThat(segmentFiles()).hasSize(1);
        }
    }

    @Test
    void refusesWhatDoesNotFitAndAcceptsAgainOnceAcknowledgedSegmentsAreDeleted() throws IOException {
        try (DurableSpool spool = DurableSpool.open(config(8192, 4096))) {
            int accepted = 0;
            while (spool.append(record(accepted))) {
                accepted++;
            }
            assertThat(accepted).isGreaterThan(10);
            assertThat(spool.refused()).isEqualTo(1);
            assertThat(spool.usedBytes()).isLessThanOrEqualTo(8192);

            DurableSpool.Batch some = spool.read(accepted / 2 + 1, Long.MAX_VALUE);
            spool.ack(some);
            assertThat(spool.append(record(accepted))).isTrue();
            assertThat(values(drain(spool))).isEqualTo(expected(some.records().size(), accepted + 1));
        }
    }

    @Test
    void restartResumesAfterTheAcknowledgedPosition() throws IOException {
        SpoolConfig config = config(1 << 20, 4096).withFsync(FsyncPolicy.NEVER, Duration.ofSeconds(1));
        try (DurableSpool spool = DurableSpool.open(config)) {
            for (int i = 0; i < 100; i++) {
                spool.append(record(i));
            }
            spool.ack(spool.read(40, Long.MAX_VALUE));
        }
        try (DurableSpool spool = DurableSpool.open(config)) {
            assertThat(spool.depthRecords()).isEqualTo(60);
            spool.append(record(100));
            assertThat(values(drain(spool))).isEqualTo(expected(40, 101));
        }
    }

    @Test
    void truncatesATornOrGarbageTailAtRecoveryAndCountsIt() throws IOException {
        writeAndClose(10);
        Path last = segmentFiles().get(segmentFiles().size() - 1);
        long goodSize = Files.size(last);
        // what a crash in the middle of a write leaves: a header promising more than is there, then garbage
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.allocate(8).putInt(500).putInt(12345).flip());
            channel.write(ByteBuffer.wrap("garbage".getBytes(StandardCharsets.US_ASCII)));
        }
        try (DurableSpool spool = DurableSpool.open(config(1 << 20, 1 << 16))) {
            assertThat(spool.tornBytesTruncated()).isEqualTo(15);
            assertThat(Files.size(last)).isEqualTo(goodSize);
            assertThat(spool.depthRecords()).isEqualTo(10);
            spool.append(record(10));
            assertThat(values(drain(spool))).isEqualTo(expected(0, 11));
        }
    }

    @Test
    void aRecordWithABadChecksumInTheMiddleIsSkippedCountedAndTheRestStillRead() throws IOException {
        writeAndClose(10);
        Path segment = segmentFiles().get(0);
        int recordBytes = (int) (Files.size(segment) / 10);
        // flip one payload byte of the 4th record (all records here have the same size)
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = 3L * recordBytes + SegmentReader.HEADER_BYTES + 20;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (one.get(0) ^ 0x55)}), at);
        }
        try (DurableSpool spool = DurableSpool.open(config(1 << 20, 1 << 16))) {
            assertThat(spool.tornBytesTruncated()).isZero();
            List<String> read = values(drain(spool));
            List<String> expected = expected(0, 10);
            expected.remove("value-3");
            assertThat(read).isEqualTo(expected);
            assertThat(spool.corruptRecords()).isEqualTo(1);
            assertThat(spool.depthRecords()).isZero();
        }
    }

    @Test
    void aBadChecksumOnTheLastRecordIsATornTail() throws IOException {
        writeAndClose(5);
        Path segment = segmentFiles().get(0);
        long size = Files.size(segment);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0}), size - 1);
        }
        try (DurableSpool spool = DurableSpool.open(config(1 << 20, 1 << 16))) {
            assertThat(spool.tornBytesTruncated()).isEqualTo(size / 5);
            assertThat(spool.depthRecords()).isEqualTo(4);
            assertThat(values(drain(spool))).isEqualTo(expected(0, 4));
        }
    }

    @Test
    void groupCommitForcesBeforeAppendReturnsWithPolicyAlways() throws Exception {
        try (DurableSpool spool = DurableSpool.open(config(1 << 24, 1 << 20))) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 1000;
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            spool.append(record(base + i));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(spool.appended()).isEqualTo(800);
            assertThat(spool.fsyncs()).isBetween(1L, 800L);
            // every thread's records come out in that thread's order
            List<String> read = values(drain(spool));
            for (int t = 0; t < 4; t++) {
                String prefix = "value-" + t;
                int base = t * 1000;
                List<String> mine = read.stream().filter(v -> Integer.parseInt(v.substring(6)) / 1000 == base / 1000)
                        .toList();
                assertThat(mine).as(prefix).isEqualTo(expected(base, base + 200));
            }
        }
    }
}
