package org.fenghuo.collectors.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What recovery finds in one segment after a start position: the records waiting, and for the
 * newest segment the bytes after its last good record, which are truncated (a record torn by a
 * crash, or garbage).
 */
final class SegmentRecovery {

    /**
     * @param records     good and corrupt records waiting (reading skips the corrupt ones and
     *                    acknowledges them with the rest)
     * @param tornBytes   bytes truncated after the last good record
     */
    record Result(long records, long tornBytes) {
    }

    private SegmentRecovery() {
    }

    static Result scan(Path file, long start, boolean newest) throws IOException {
        long records = 0;
        long lastGoodEnd = start;
        long position = start;
        try (SegmentReader segment = new SegmentReader(file)) {
            long size = segment.size();
            while (true) {
                SegmentReader.Item item = segment.next(position, size);
                if (item instanceof SegmentReader.Item.Valid valid) {
                    records++;
                    position = valid.end();
                    lastGoodEnd = position;
                } else if (item instanceof SegmentReader.Item.Corrupt bad) {
                    records++;
                    position = bad.end();
                } else {
                    break;
                }
            }
            if (!newest || lastGoodEnd >= size) {
                return new Result(records, 0);
            }
            records -= countCorrupt(segment, lastGoodEnd, size);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            channel.truncate(lastGoodEnd);
            channel.force(true);
            return new Result(records, size - lastGoodEnd);
        }
    }

    /** Corrupt records between {@code from} and {@code to}: counted by the scan, removed by the truncation. */
    private static long countCorrupt(SegmentReader segment, long from, long to) throws IOException {
        long n = 0;
        long position = from;
        SegmentReader.Item item;
        while ((item = segment.next(position, to)) instanceof SegmentReader.Item.Corrupt bad) {
            n++;
            position = bad.end();
        }
        return n;
    }
}
