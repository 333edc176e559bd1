package org.fenghuo.collectors.spool;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@link FsyncPolicy#ALWAYS}: an append waits until a force covers it. The first waiter becomes
 * the leader and forces on its own thread (no hand-off, so a lone connection pays one fsync per
 * event and nothing more); the others wait on a monitor while the force runs, so they can write
 * their next records meanwhile, and the next leader's force covers all of them at once.
 */
final class GroupCommit implements AutoCloseable {

    /** The active segment and the logical offset written to it, read together. */
    record Snapshot(FileChannel channel, long written) {
    }

    private final Supplier<Snapshot> source;
    private final AtomicLong fsyncs;
    private final Object monitor = new Object();
    private volatile long synced;
    private boolean forcing;
    private volatile boolean closed;

    /** @param source the channel and offset, read under the spool's write lock */
    GroupCommit(long synced, Supplier<Snapshot> source, AtomicLong fsyncs) {
        this.synced = synced;
        this.source = source;
        this.fsyncs = fsyncs;
    }

    /** Returns once everything up to {@code offset} is forced. */
    void await(long offset) throws IOException {
        while (synced < offset) {
            synchronized (monitor) {
                if (synced >= offset) {
                    return;
                }
                if (closed) {
                    throw new ClosedChannelException();
                }
                if (forcing) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while waiting for the spool's fsync", e);
                    }
                    continue;
                }
                forcing = true;
            }
            lead();
        }
    }

    private void lead() throws IOException {
        Snapshot snapshot = source.get();
        boolean forced = false;
        try {
            snapshot.channel().force(false);
            fsyncs.incrementAndGet();
            forced = true;
        } catch (ClosedChannelException e) {
            if (closed) {
                throw e;
            }
            // the segment rolled meanwhile, and rolling forced it: the snapshot is durable
            forced = true;
        } finally {
            synchronized (monitor) {
                if (forced) {
                    synced = Math.max(synced, snapshot.written());
                }
                forcing = false;
                monitor.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        synchronized (monitor) {
            closed = true;
            monitor.notifyAll();
        }
    }
}
