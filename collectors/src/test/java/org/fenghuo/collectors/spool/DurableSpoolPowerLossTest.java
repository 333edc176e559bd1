package org.fenghuo.collectors.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power loss can leave the acknowledged position beyond the segment's forced end (the drainer
 * may send records before their fsync). Found by review: the clamped position lived only in
 * memory, so after new appends and a second crash the stale one cut into the new records.
 */
class DurableSpoolPowerLossTest {

    @TempDir
    Path dir;

    private SpoolConfig config() {
        return SpoolConfig.defaults(dir).withSizes(1 << 20, 1 << 16);
    }

    private static SpoolRecord record(String name) {
        return new SpoolRecord(SpoolRecord.Kind.EVENT, "test", null,
                (name + "-" + "x".repeat(100)).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> drain(DurableSpool spool) throws IOException {
        List<String> names = new ArrayList<>();
        DurableSpool.Batch batch;
        while ((batch = spool.read(100, Long.MAX_VALUE)).count() > 0) {
            batch.records().forEach(r -> names.add(new String(r.value(), StandardCharsets.UTF_8).split("-x")[0]));
            spool.ack(batch);
        }
        return names;
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
    }

    @Test
    void recordsAppendedAfterAPowerLossSurviveTheNextCrash() throws IOException {
        long recordSize;
        try (DurableSpool spool = DurableSpool.open(config())) {
            spool.append(record("A"));
            recordSize = spool.depthBytes();
            spool.append(record("B"));
            spool.append(record("C"));
            assertThat(drain(spool)).containsExactly("A", "B", "C");
        }
        // the power loss: the acknowledged tail of the segment never reached the disk
        try (FileChannel channel = FileChannel.open(onlySegment(), StandardOpenOption.WRITE)) {
            channel.truncate(recordSize + recordSize / 2);
        }
        DurableSpool second = DurableSpool.open(config());
        assertThat(second.append(record("D"))).isTrue();
        assertThat(second.append(record("E"))).isTrue();
        assertThat(second.append(record("F"))).isTrue();
        // killed before the drainer acknowledged them: no close()
        try (DurableSpool third = DurableSpool.open(config())) {
            assertThat(drain(third)).containsExactly("D", "E", "F");
        }
    }

    @Test
    void aRecordTooLargeToReadBackIsRefusedAndTheRecordsAroundItSurvive() throws IOException {
        // segments big enough to take it: the reader's record limit, not the segment, must refuse it
        SpoolConfig big = SpoolConfig.defaults(dir).withSizes(1L << 30, 256L << 20);
        try (DurableSpool spool = DurableSpool.open(big)) {
            spool.append(record("A"));
            SpoolRecord huge = new SpoolRecord(SpoolRecord.Kind.EVENT, "test", null, new byte[DurableSpool.MAX_RECORD_BYTES + 1]);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> spool.append(huge))
                    .isInstanceOf(DurableSpool.RecordTooLargeException.class);
            spool.append(record("C"));
            spool.append(record("D"));
            assertThat(drain(spool)).containsExactly("A", "C", "D");
        }
    }
}
