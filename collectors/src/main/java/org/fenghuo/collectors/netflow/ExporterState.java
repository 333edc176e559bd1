package org.fenghuo.collectors.netflow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the decoder remembers of one exporter domain. Used by the decoder's single thread only. */
final class ExporterState {
    /** Sampler ids remembered per domain; exporters have a handful. */
    private static final int MAX_SAMPLERS = 256;

    final ExporterKey key;
    /** {@code observer.ip}, built once. */
    final List<String> observerIp;
    final Map<Integer, Template> templates = new HashMap<>();
    final Map<Integer, Long> refreshedMillis = new HashMap<>();
    /** Next expected sequence number, or -1 when unknown (first packet, or after data we could not count). */
    long nextSequence = -1;
    long lostFlows;
    /** The exporter-wide sampling interval from options data, or -1. */
    long samplingInterval = -1;
    final Map<Long, Long> samplerIntervals = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > MAX_SAMPLERS;
        }
    };
    int pendingSets;
    long pendingBytes;

    ExporterState(ExporterKey key) {
        this.key = key;
        this.observerIp = List.of(key.address());
    }

    /**
     * Sequence check: {@code step} is what this datagram adds to the counter (v5 and IPFIX: its
     * records; v9: 1 packet); {@code known} false when that is unknown (the next datagram is then
     * not checked). A forward jump below 2^31 is loss; anything else (restart, reorder)
     * resynchronises without counting.
     *
     * @return how many flows (v9: packets) went missing before this datagram
     */
    long sequence(long sequence, long step, boolean known) {
        long lost = 0;
        if (nextSequence >= 0) {
            long gap = (sequence - nextSequence) & 0xffffffffL;
            if (gap > 0 && gap < 0x80000000L) {
                lost = gap;
                lostFlows += gap;
            }
        }
        nextSequence = known ? (sequence + step) & 0xffffffffL : -1;
        return lost;
    }

    /** The live template {@code id}, or null when unknown or older than {@code timeoutMillis}. */
    Template template(int id, long nowMillis, long timeoutMillis) {
        Template t = templates.get(id);
        if (t != null && nowMillis - refreshedMillis.get(id) > timeoutMillis) {
            templates.remove(id);
            refreshedMillis.remove(id);
            return null;
        }
        return t;
    }

    /** The sampling interval that applies to a record: its own, its sampler's, the domain's; -1 if none. */
    long sampling(FlowFields f) {
        if (f.samplingInterval > 0) {
            return f.samplingInterval;
        }
        if (f.samplerId >= 0) {
            Long interval = samplerIntervals.get(f.samplerId);
            if (interval != null) {
                return interval;
            }
        }
        return samplingInterval;
    }

    /** Options data told us a sampling interval (for one sampler when it names one). */
    void learnSampling(FlowFields f) {
        if (f.samplingInterval <= 0) {
            return;
        }
        if (f.samplerId >= 0) {
            samplerIntervals.put(f.samplerId, f.samplingInterval);
        } else {
            samplingInterval = f.samplingInterval;
        }
    }
}
