package org.fenghuo.collectors.spool;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link DurableSpool}.
 *
 * @param dir           directory of the segment files and the acknowledged position; created
 * @param maxBytes      bound of the segment files on disk (unsent records plus the acknowledged
 *                      head of the oldest segment)
 * @param segmentBytes  a segment is closed and a new one started past this size; whole segments
 *                      are deleted once every record in them is acknowledged
 * @param fsync         when appends are forced to the disk
 * @param fsyncInterval period of the background fsync for {@link FsyncPolicy#INTERVAL}
 * @param whenFull      what a full spool does to a new record
 */
public record SpoolConfig(Path dir, long maxBytes, long segmentBytes, FsyncPolicy fsync, Duration fsyncInterval,
        WhenFull whenFull) {

    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofSeconds(1);
    /** Below this a segment holds too few records to be worth a file. */
    public static final long MIN_SEGMENT_BYTES = 4096;
    /** Above this a single segment would hold records long after Kafka has them (and 2x overflows sooner). */
    public static final long MAX_SEGMENT_BYTES = 1L << 30;

    public SpoolConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(fsyncInterval, "fsyncInterval");
        Objects.requireNonNull(whenFull, "whenFull");
        List<String> problems = new ArrayList<>();
        if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
            problems.add("segmentBytes: " + segmentBytes + " must be in " + MIN_SEGMENT_BYTES + ".." + MAX_SEGMENT_BYTES);
        }
        // space is freed a whole segment at a time: with fewer than two segments a full spool
        // could only be emptied completely
        if (maxBytes < 2 * segmentBytes) {
            problems.add("maxBytes: " + maxBytes + " must be at least twice segmentBytes (" + segmentBytes + ")");
        }
        if (fsyncInterval.toMillis() < 1) {
            problems.add("fsyncInterval: " + fsyncInterval + " must be at least 1 ms");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid spool settings: " + String.join("; ", problems));
        }
    }

    /** 1 GiB in 64 MiB segments, fsync always, refuse when full. */
    public static SpoolConfig defaults(Path dir) {
        return new SpoolConfig(dir, DEFAULT_MAX_BYTES, DEFAULT_SEGMENT_BYTES, FsyncPolicy.ALWAYS,
                DEFAULT_FSYNC_INTERVAL, WhenFull.REFUSE);
    }

    public SpoolConfig withSizes(long newMaxBytes, long newSegmentBytes) {
        return new SpoolConfig(dir, newMaxBytes, newSegmentBytes, fsync, fsyncInterval, whenFull);
    }

    public SpoolConfig withFsync(FsyncPolicy policy, Duration interval) {
        return new SpoolConfig(dir, maxBytes, segmentBytes, policy, interval, whenFull);
    }

    public SpoolConfig withWhenFull(WhenFull policy) {
        return new SpoolConfig(dir, maxBytes, segmentBytes, fsync, fsyncInterval, policy);
    }
}
