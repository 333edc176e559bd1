package org.fenghuo.correlation.engine;

import java.time.Instant;
import java.util.List;
import org.fenghuo.detection.sigma.correlation.RuleHit;

/**
 * Correlates rule hits into alerts in event time. The swap point between engines: Esper (GPL v2)
 * today, Flink CEP for a deployment that cannot take GPL code, so nothing of an engine's own types
 * appears here. Alerts go to the sink the implementation was built with.
 *
 * <p>Single-threaded: the Flink operator (or a test) calls every method from one thread.
 */
public interface AlertCorrelator extends AutoCloseable {

    /** One hit; hits must come in event-time order (an older one than the clock is counted and dropped). */
    void accept(RuleHit hit);

    /** No hit older than {@code watermark} will come: windows that end before it are decided. */
    void advanceWatermark(Instant watermark);

    /** The correlations and statements refused at load, each with its reason; the others run. */
    List<Rejection> rejected();

    /**
     * What a fresh correlator needs to continue exactly where this one stands: the hits inside the
     * longest window and the keys still muted by an alert. Meant for Flink operator state.
     */
    PendingHits pendingHits();

    /**
     * Rebuilds the state of {@link #pendingHits()} in this (fresh) correlator without publishing
     * anything: the alerts those hits caused were published before the snapshot.
     */
    void replay(PendingHits pending);

    /** Hits dropped because they were older than the clock or had no time. */
    long dropped();

    @Override
    void close();
}
