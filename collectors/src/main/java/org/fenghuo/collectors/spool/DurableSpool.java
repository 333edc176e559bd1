package org.fenghuo.collectors.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only on-disk queue of {@link SpoolRecord}s: segment files named by the logical offset
 * of their first byte ({@code 00000000000000001234.seg}) and a file {@code ack} holding the offset
 * of the first record not yet acknowledged. Appends come from any thread; {@link #read} and
 * {@link #ack} from one drainer thread. Bounded by {@link SpoolConfig#maxBytes()}: a record that
 * does not fit is refused ({@link #append} returns false), never silently dropped.
 *
 * <p>Recovery on {@link #open}: the acknowledged position is read back, fully acknowledged
 * segments are deleted, and the records after it are counted. Whatever follows the last good
 * record of the newest segment (a record torn by a crash, garbage) is truncated and counted
 * ({@link #tornBytesTruncated()}). A record with a bad checksum elsewhere is skipped when read and
 * counted ({@link #corruptRecords()}); a bad length loses the rest of its segment
 * ({@link #unreadableRegions()}), since no later record boundary can be trusted.
 */
public final class DurableSpool implements AutoCloseable {

    /** The largest encoded record the spool takes: what {@link SegmentReader} reads back. */
    public static final int MAX_RECORD_BYTES = SegmentReader.MAX_PAYLOAD_BYTES;

    /** A record larger than {@link #MAX_RECORD_BYTES}: refused, nothing written. */
    public static final class RecordTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLargeException(int size) {
            super("a record of " + size + " bytes is larger than the spool's record limit of " + MAX_RECORD_BYTES);
        }
    }


    private static final Logger LOG = LoggerFactory.getLogger(DurableSpool.class);
    private static final String SEGMENT_SUFFIX = ".seg";

    private final SpoolConfig config;
    private final ConcurrentSkipListMap<Long, Path> segments = new ConcurrentSkipListMap<>();
    private final Object writeLock = new Object();
    private final Object ackLock = new Object();
    private final Object syncLock = new Object();
    private final Object space = new Object();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong corrupt = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong tornBytes = new AtomicLong();
    private final AtomicLong fsyncs = new AtomicLong();
    private final ScheduledExecutorService syncer;
    private GroupCommit groupCommit;
    private final AckFile ackFile;

    private FileChannel writer;
    private long writerBase;
    private volatile long writeOffset;
    private volatile long syncedOffset;
    private volatile long ackOffset;
    private volatile boolean closed;

    private SegmentReader reader;
    private long readerBase = -1;

    private DurableSpool(SpoolConfig config) {
        this.config = config;
        this.ackFile = new AckFile(config.dir(), config.fsync() == FsyncPolicy.ALWAYS);
        this.syncer = config.fsync() == FsyncPolicy.INTERVAL
                ? Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "spool-fsync");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
    }

    /** Opens (creating the directory if needed) and recovers the spool. */
    public static DurableSpool open(SpoolConfig config) throws IOException {
        DurableSpool spool = new DurableSpool(config);
        spool.recover();
        if (config.fsync() == FsyncPolicy.ALWAYS) {
            spool.groupCommit = new GroupCommit(spool.writeOffset, spool::commitSnapshot, spool.fsyncs);
        }
        if (spool.syncer != null) {
            long period = config.fsyncInterval().toMillis();
            spool.syncer.scheduleWithFixedDelay(spool::backgroundSync, period, period, TimeUnit.MILLISECONDS);
        }
        return spool;
    }

    public SpoolConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- recovery

    private void recover() throws IOException {
        Path dir = config.dir();
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(SEGMENT_SUFFIX))
                    .forEach(f -> segments.put(baseOf(f), f));
        }
        long stored = ackFile.read();
        long ack = stored;
        if (segments.isEmpty()) {
            segments.put(ack, Files.createFile(segmentPath(ack)));
            forceDirectory();
        }
        ack = Math.max(ack, segments.firstKey());
        long lastBase = segments.lastKey();
        long lastEnd = lastBase + Files.size(segments.get(lastBase));
        ack = Math.min(ack, lastEnd);
        if (ack != stored) {
            // A power loss can leave the ack beyond the forced end of the segment (the drainer may send
            // records before their fsync). Persist the clamped value now: new appends reuse those
            // offsets, and a stale ack read at the next start would cut into them.
            ackFile.write(ack);
        }
        ackOffset = ack;
        deleteAcknowledgedSegments(ack);
        for (Map.Entry<Long, Path> segment : segments.entrySet()) {
            long base = segment.getKey();
            SegmentRecovery.Result found = SegmentRecovery.scan(segment.getValue(), Math.max(ack, base) - base,
                    base == lastBase);
            records.addAndGet(found.records());
            if (found.tornBytes() > 0) {
                tornBytes.addAndGet(found.tornBytes());
                LOG.warn("spool {}: truncated {} bytes after the last good record of {} (a record torn by a crash)",
                        config.dir(), found.tornBytes(), segment.getValue().getFileName());
            }
        }
        writerBase = lastBase;
        writer = FileChannel.open(segments.get(lastBase), StandardOpenOption.WRITE);
        writeOffset = lastBase + writer.size();
        writer.position(writer.size());
        syncedOffset = writeOffset;
        LOG.info("spool {}: {} records ({} bytes) waiting since offset {}", config.dir(), records.get(),
                writeOffset - ackOffset, ackOffset);
    }

    // ---------------------------------------------------------------- appending

    /**
     * Appends one record and, with {@link FsyncPolicy#ALWAYS}, returns only once it is forced to
     * the disk (together with whatever other threads appended meanwhile: {@link GroupCommit}).
     *
     * @return false when it does not fit in {@link SpoolConfig#maxBytes()}: nothing was written
     * @throws IOException when writing failed; nothing of the record stays in the spool
     */
    public boolean append(SpoolRecord record) throws IOException {
        byte[] encoded = record.encode();
        if (encoded.length > MAX_RECORD_BYTES) {
            // the reader refuses longer payloads as unreadable, which would lose the records after it too
            throw new RecordTooLargeException(encoded.length);
        }
        ByteBuffer frame = SegmentReader.frame(encoded);
        int size = frame.remaining();
        long end;
        synchronized (writeLock) {
            if (closed) {
                throw new ClosedChannelException();
            }
            if (usedBytes() + size > config.maxBytes()) {
                refused.incrementAndGet();
                return false;
            }
            long writerSize = writeOffset - writerBase;
            if (writerSize > 0 && writerSize + size > config.segmentBytes()) {
                roll();
            }
            try {
                while (frame.hasRemaining()) {
                    writer.write(frame);
                }
            } catch (IOException e) {
                writer.truncate(writeOffset - writerBase);
                writer.position(writeOffset - writerBase);
                throw e;
            }
            writeOffset += size;
            end = writeOffset;
            records.incrementAndGet();
            appended.incrementAndGet();
        }
        if (groupCommit != null) {
            groupCommit.await(end);
        }
        return true;
    }

    /** Called with writeLock held. Everything before the new segment is forced, whatever the policy. */
    private void roll() throws IOException {
        writer.force(false);
        writer.close();
        writerBase = writeOffset;
        Path next = segmentPath(writerBase);
        writer = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segments.put(writerBase, next);
        // the new file's directory entry must survive too, or recovery would not find its records
        forceDirectory();
    }

    private GroupCommit.Snapshot commitSnapshot() {
        synchronized (writeLock) {
            return new GroupCommit.Snapshot(writer, writeOffset);
        }
    }

    /** {@link FsyncPolicy#INTERVAL}: one force covers every append made before it started. */
    private void syncUpTo(long offset) throws IOException {
        synchronized (syncLock) {
            while (syncedOffset < offset) {
                FileChannel channel;
                long target;
                synchronized (writeLock) {
                    channel = writer;
                    target = writeOffset;
                }
                try {
                    channel.force(false);
                    fsyncs.incrementAndGet();
                    syncedOffset = Math.max(syncedOffset, target);
                } catch (ClosedChannelException e) {
                    if (closed) {
                        throw e;
                    }
                    // rolled meanwhile: roll() forced that segment; force the new one
                }
            }
        }
    }

    private void backgroundSync() {
        try {
            syncUpTo(writeOffset);
        } catch (IOException e) {
            if (!closed) {
                LOG.error("spool {}: fsync failed: {}", config.dir(), e.toString());
            }
        }
    }

    /** Waits until an acknowledgement may have freed space, or the timeout; false if closed. */
    public boolean awaitSpace(long timeoutMillis) throws InterruptedException {
        synchronized (space) {
            if (!closed) {
                space.wait(timeoutMillis);
            }
        }
        return !closed;
    }

    // ---------------------------------------------------------------- reading (drainer thread)

    /** Records read from the spool, and the offset after them to {@link #ack} once they are delivered. */
    public record Batch(List<SpoolRecord> records, long skipped, long nextOffset) {
        /** Records to acknowledge: the good ones and the corrupt ones skipped. */
        public long count() {
            return records.size() + skipped;
        }
    }

    /** Up to {@code maxRecords} records (and about {@code maxBytes}) from the acknowledged position on. */
    public Batch read(int maxRecords, long maxBytes) throws IOException {
        List<SpoolRecord> batch = new ArrayList<>();
        long skipped = 0;
        long bytes = 0;
        long position = ackOffset;
        while (batch.size() < maxRecords && bytes < maxBytes) {
            Map.Entry<Long, Path> segment = segments.floorEntry(position);
            if (segment == null) {
                break;
            }
            long base = segment.getKey();
            boolean active;
            long limit;
            synchronized (writeLock) {
                active = base == writerBase;
                limit = active ? writeOffset - base : -1;
            }
            SegmentReader current = readerFor(base, segment.getValue());
            if (!active) {
                limit = current.size();
            }
            SegmentReader.Item item = current.next(position - base, limit);
            if (item instanceof SegmentReader.Item.Valid valid) {
                batch.add(valid.record());
                bytes += valid.end() - (position - base);
                position = base + valid.end();
            } else if (item instanceof SegmentReader.Item.Corrupt bad) {
                corrupt.incrementAndGet();
                skipped++;
                LOG.error("spool {}: skipped a record at offset {}: {}", config.dir(), position, bad.reason());
                position = base + bad.end();
            } else if (item instanceof SegmentReader.Item.Unreadable bad) {
                unreadable.incrementAndGet();
                Long next = segments.higherKey(base);
                long resume = next != null ? next : base + limit;
                LOG.error("spool {}: skipped {} unreadable bytes at offset {}: {}", config.dir(), resume - position,
                        position, bad.reason());
                position = resume;
            } else {
                Long next = segments.higherKey(base);
                if (active || next == null) {
                    break;
                }
                position = next;
            }
        }
        return new Batch(batch, skipped, position);
    }

    private SegmentReader readerFor(long base, Path file) throws IOException {
        if (readerBase != base) {
            if (reader != null) {
                reader.close();
            }
            reader = new SegmentReader(file);
            readerBase = base;
        }
        return reader;
    }

    /**
     * Marks everything before {@code offset} ({@link Batch#nextOffset()}) as delivered: persists the
     * position and deletes segments that hold nothing else. Drainer thread only.
     */
    public void ack(Batch batch) throws IOException {
        long offset = batch.nextOffset();
        // one writer of the ack file at a time: a drainer still finishing a send while the spool is
        // being closed must not interleave its ack with close()'s (both write ack.tmp, then rename)
        synchronized (ackLock) {
            if (closed) {
                throw new ClosedChannelException();
            }
            if (offset <= ackOffset) {
                return;
            }
            ackOffset = offset;
            records.addAndGet(-batch.count());
            acknowledged.addAndGet(batch.count());
            ackFile.write(offset);
            deleteAcknowledgedSegments(offset);
        }
        synchronized (space) {
            space.notifyAll();
        }
    }

    private void deleteAcknowledgedSegments(long offset) throws IOException {
        for (Long base : List.copyOf(segments.headMap(offset, false).keySet())) {
            Long next = segments.higherKey(base);
            if (next == null || next > offset) {
                break;
            }
            if (base == readerBase && reader != null) {
                reader.close();
                reader = null;
                readerBase = -1;
            }
            Files.deleteIfExists(segments.remove(base));
        }
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(config.dir(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory; the segment's own force still happened
            LOG.debug("spool {}: cannot force the directory: {}", config.dir(), e.toString());
        }
    }

    private Path segmentPath(long base) {
        return config.dir().resolve(String.format("%020d%s", base, SEGMENT_SUFFIX));
    }

    private static long baseOf(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SEGMENT_SUFFIX.length()));
    }

    // ---------------------------------------------------------------- state

    /** Records waiting for delivery. */
    public long depthRecords() {
        return records.get();
    }

    /** Bytes of the records waiting for delivery. */
    public long depthBytes() {
        return writeOffset - ackOffset;
    }

    /** Bytes of the segment files, what {@link SpoolConfig#maxBytes()} bounds. */
    public long usedBytes() {
        Map.Entry<Long, Path> first = segments.firstEntry();
        return first == null ? 0 : writeOffset - first.getKey();
    }

    public long appended() {
        return appended.get();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    /** Appends refused because the spool was full. */
    public long refused() {
        return refused.get();
    }

    /** Records skipped by reading because their checksum or payload was bad. */
    public long corruptRecords() {
        return corrupt.get();
    }

    /** Regions skipped by reading because a record length could not be trusted. */
    public long unreadableRegions() {
        return unreadable.get();
    }

    /** Bytes cut off the newest segment at recovery. */
    public long tornBytesTruncated() {
        return tornBytes.get();
    }

    public long fsyncs() {
        return fsyncs.get();
    }

    /** Forces what was appended, persists the position and closes the files. */
    @Override
    public void close() throws IOException {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (syncer != null) {
            // not shutdownNow(): an interrupt inside FileChannel.force closes the shared channel
            syncer.shutdown();
            try {
                syncer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (groupCommit != null) {
            groupCommit.close();
        }
        synchronized (space) {
            space.notifyAll();
        }
        synchronized (syncLock) {
            synchronized (writeLock) {
                writer.force(false);
                writer.close();
            }
        }
        synchronized (ackLock) {
            if (reader != null) {
                reader.close();
            }
            ackFile.write(ackOffset);
        }
    }
}
