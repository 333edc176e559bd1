package org.fenghuo.detection.anomaly.volume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.detection.anomaly.support.DetectorMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fenghuo.detection.alert.Alerts;
import org.fenghuo.detection.anomaly.DetectorContext;
import org.fenghuo.detection.anomaly.KeyedDetector;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.SecurityEvent;

/**
 * Per-host traffic volume against its own baseline. Flow events ({@code event.dataset} ending in
 * {@code .flow}) add their {@code source.bytes} to the host's bucket (see {@link Direction});
 * a timer closes the bucket at its end, compares it with an exponentially weighted moving mean and
 * variance of the host's earlier buckets, then folds it in. Empty buckets count as zero. An
 * alerting bucket is folded in capped (winsorised), so one burst does not blind the baseline to the
 * next while a lasting level shift is still learnt within some buckets.
 */
public final class VolumeBaselineDetector implements KeyedDetector<VolumeState> {
    /** Empty buckets folded in one go at most; an idle host is forgotten long before (idle_expiry). */
    private static final int MAX_GAP_BUCKETS = 100_000;

    private final Direction direction;
    private final VolumeConfig config;
    private final long bucketMillis;
    private final long idleMillis;
    private final long suppressMillis;
    private final Set<String> ignoredHosts;
    private final DetectorMetrics metrics;
    private final Counter late;

    public VolumeBaselineDetector(Direction direction, VolumeConfig config, MeterRegistry registry) {
        this.direction = direction;
        this.config = config;
        this.bucketMillis = config.bucket().toMillis();
        this.idleMillis = config.idleExpiry().toMillis();
        this.suppressMillis = config.suppress().toMillis();
        this.ignoredHosts = Set.copyOf(config.ignoreHosts());
        this.metrics = DetectorMetrics.of(registry, direction.id());
        this.late = metrics.counter("late_events");
    }

    /** With its counters in a registry of its own. */
    public VolumeBaselineDetector(Direction direction, VolumeConfig config) {
        this(direction, config, new SimpleMeterRegistry());
    }

    @Override
    public String id() {
        return direction.id();
    }

    @Override
    public String key(SecurityEvent e) {
        if (e.event() == null || e.event().dataset() == null || !e.event().dataset().endsWith(".flow")
                || e.source() == null || e.source().bytes() == null) {
            return null;
        }
        String host = direction.host(e);
        return host == null || (config.privateOnly() && !PrivateAddress.is(host))
                || (!ignoredHosts.isEmpty() && ignoredHosts.contains(host.toLowerCase(Locale.ROOT))) ? null : host;
    }

    @Override
    public VolumeState newState() {
        return new VolumeState();
    }

    @Override
    public void onEvent(SecurityEvent e, VolumeState state, DetectorContext context) {
        long bucket = Math.floorDiv(e.timestamp().toEpochMilli(), bucketMillis) * bucketMillis;
        if (state.bucketStart != VolumeState.NONE && bucket > state.bucketStart) {
            // a newer bucket before the watermark closed this one (out-of-order allowance): close it now
            context.deleteTimer(state.bucketStart + bucketMillis);
            close(state, context);
        }
        if (state.bucketStart == VolumeState.NONE) {
            open(bucket, state, context);
        } else if (bucket < state.bucketStart) {
            late.increment(); // counted in the open bucket: bytes are never dropped
        }
        long bytes = e.source().bytes();
        state.bytes += bytes;
        state.flows++;
        state.offerTop(bytes, e.event().id(), direction.peer(e));
    }

    @Override
    public void onTimer(long timerMillis, VolumeState state, DetectorContext context) {
        if (state.bucketStart != VolumeState.NONE && timerMillis == state.bucketStart + bucketMillis) {
            close(state, context);
            state.expiryTimer = timerMillis + idleMillis;
            context.registerTimer(state.expiryTimer);
        } else if (state.bucketStart == VolumeState.NONE
                && (timerMillis == state.expiryTimer || state.bucketsSeen() == 0)) {
            context.clearState(); // idle long enough, or a stale timer meeting fresh state
        }
    }

    private void open(long bucket, VolumeState state, DetectorContext context) {
        if (state.lastClosedStart != VolumeState.NONE) {
            if (bucket <= state.lastClosedStart) {
                late.increment();
                bucket = state.lastClosedStart + bucketMillis; // that bucket is judged already: into the next one
            }
            long gap = Math.min((bucket - state.lastClosedStart) / bucketMillis - 1, MAX_GAP_BUCKETS);
            for (long i = 0; i < gap; i++) {
                state.fold(0, config.alpha());
            }
        }
        if (state.expiryTimer != VolumeState.NONE) {
            context.deleteTimer(state.expiryTimer);
            state.expiryTimer = VolumeState.NONE;
        }
        state.bucketStart = bucket;
        context.registerTimer(bucket + bucketMillis);
    }

    private void close(VolumeState state, DetectorContext context) {
        double x = state.bytes;
        double std = Math.sqrt(state.variance);
        double cap = Math.max(state.mean + config.k() * std, config.minRatio() * state.mean);
        boolean warm = state.bucketsSeen >= config.warmupBuckets();
        if (warm && x > state.mean + config.k() * std && x >= config.minRatio() * state.mean
                && x >= config.minBucketBytes()) {
            long end = state.bucketStart + bucketMillis;
            if (state.lastAlertMillis == VolumeState.NONE || end - state.lastAlertMillis >= suppressMillis) {
                state.lastAlertMillis = end;
                metrics.alert();
                context.emit(alert(context.key(), state, end, std));
            }
        }
        state.fold(warm ? Math.min(x, cap) : x, config.alpha());
        state.lastClosedStart = state.bucketStart;
        state.clearBucket();
    }

    private Alert alert(String host, VolumeState state, long end, double std) {
        List<String> ids = new ArrayList<>();
        List<String> peers = new ArrayList<>();
        for (int i = 0; i < state.topCount; i++) {
            if (state.topIds[i] != null) {
                ids.add(state.topIds[i]);
            }
            if (state.topPeers[i] != null) {
                peers.add(state.topPeers[i]);
            }
        }
        List<String> hostList = List.of(host);
        Entities entities = direction == Direction.EGRESS
                ? new Entities(hostList, peers, null, null) : new Entities(peers, hostList, null, null);
        String message = String.format(Locale.ROOT,
                "%s %s %s in the %s bucket ending %s (%d flows): baseline %s ± %s per bucket (%.1f standard deviations, "
                        + "%.1f× the mean); largest peers %s",
                host, direction == Direction.EGRESS ? "sent" : "received", size(state.bytes), config.bucket(),
                Instant.ofEpochMilli(end), state.flows, size(state.mean), size(std),
                std > 0 ? (state.bytes - state.mean) / std : Double.POSITIVE_INFINITY,
                state.mean > 0 ? state.bytes / state.mean : Double.POSITIVE_INFINITY, peers);
        return Alerts.of(direction.rule(), Instant.ofEpochMilli(end), ids, entities, message);
    }

    private static String size(double bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20))
                : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024);
    }
}
