package org.fenghuo.collectors.netflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Data sets that arrived before their template, held in arrival order within four bounds (sets
 * and bytes per exporter domain, sets and bytes in all). Making room drops the oldest held set,
 * which the caller counts and dead-letters; nothing leaves silently. Single-threaded.
 */
final class PendingSets {

    /** One held data set: a copy of its bytes and the header it came with. */
    record Held(ExporterState exporter, int templateId, int setIndex, byte[] bytes, ExportHeader header) {
    }

    /** Receives the held sets the bounds or the timeout push out. */
    interface Dropped {
        void dropped(Held held, NetflowErrorKind why, String reason);
    }

    private final NetflowConfig config;
    private final ArrayDeque<Held> queue = new ArrayDeque<>();
    private long bytes;

    PendingSets(NetflowConfig config) {
        this.config = config;
    }

    int size() {
        return queue.size();
    }

    long bytes() {
        return bytes;
    }

    /** Holds a copy of {@code data[from, to)}; may first drop older sets (or this one) to stay in bounds. */
    void hold(ExporterState exporter, int templateId, int setIndex, byte[] data, int from, int to,
            ExportHeader header, Dropped dropped) {
        int length = to - from;
        byte[] copy = java.util.Arrays.copyOfRange(data, from, to);
        Held held = new Held(exporter, templateId, setIndex, copy, header);
        if (length > config.maxPendingBytesPerExporter() || length > config.maxPendingBytesTotal()) {
            dropped.dropped(held, NetflowErrorKind.PENDING_OVERFLOW, "data set for template " + templateId + " of "
                    + length + " bytes exceeds the held-bytes bound");
            return;
        }
        while (exporter.pendingSets >= config.maxPendingPerExporter()
                || exporter.pendingBytes + length > config.maxPendingBytesPerExporter()) {
            dropOldest(exporter, dropped, "per-exporter bound (" + config.maxPendingPerExporter() + " sets, "
                    + config.maxPendingBytesPerExporter() + " bytes)");
        }
        while (queue.size() >= config.maxPendingTotal() || bytes + length > config.maxPendingBytesTotal()) {
            dropOldest(null, dropped, "total bound (" + config.maxPendingTotal() + " sets, "
                    + config.maxPendingBytesTotal() + " bytes)");
        }
        queue.addLast(held);
        exporter.pendingSets++;
        exporter.pendingBytes += length;
        bytes += length;
    }

    /** Removes and returns the held sets of {@code exporter} for {@code templateId}, oldest first. */
    List<Held> release(ExporterState exporter, int templateId) {
        if (exporter.pendingSets == 0) {
            return List.of();
        }
        List<Held> out = new ArrayList<>();
        for (Iterator<Held> it = queue.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (h.exporter() == exporter && h.templateId() == templateId) {
                it.remove();
                forget(h);
                out.add(h);
            }
        }
        return out;
    }

    /** Drops sets held longer than the pending timeout at {@code nowMillis}. */
    void expire(long nowMillis, Dropped dropped) {
        long timeout = config.pendingTimeout().toMillis();
        while (!queue.isEmpty() && nowMillis - queue.peekFirst().header().receivedMillis() > timeout) {
            Held h = queue.pollFirst();
            forget(h);
            dropped.dropped(h, NetflowErrorKind.TEMPLATE_TIMEOUT, "template " + h.templateId() + " did not come within "
                    + config.pendingTimeout());
        }
    }

    /** Drops everything held (the end of a file, an evicted exporter when {@code only} is set). */
    void dropAll(ExporterState only, Dropped dropped, String reason) {
        for (Iterator<Held> it = queue.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (only == null || h.exporter() == only) {
                it.remove();
                forget(h);
                dropped.dropped(h, NetflowErrorKind.TEMPLATE_TIMEOUT, "template " + h.templateId() + " " + reason);
            }
        }
    }

    private void dropOldest(ExporterState only, Dropped dropped, String bound) {
        for (Iterator<Held> it = queue.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (only == null || h.exporter() == only) {
                it.remove();
                forget(h);
                dropped.dropped(h, NetflowErrorKind.PENDING_OVERFLOW, "oldest data set held for template "
                        + h.templateId() + " dropped to stay within the " + bound);
                return;
            }
        }
        throw new IllegalStateException("pending accounting out of step: nothing to drop for " + bound);
    }

    private void forget(Held h) {
        h.exporter().pendingSets--;
        h.exporter().pendingBytes -= h.bytes().length;
        bytes -= h.bytes().length;
    }
}
