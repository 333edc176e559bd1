package org.fenghuo.correlation.engine.esper;

import com.espertech.esper.common.client.configuration.Configuration;
import java.time.Instant;

/** The Esper configuration every correlator runtime and compile uses, and time conversion. */
final class EsperSetup {
    /** Hits for the statements compiled from Sigma (they filter replayed hits by target). */
    static final String SIGMA_HIT = "SigmaHit";
    /** Hits for hand-written statements. */
    static final String HIT = "Hit";
    static final String TICK = "Tick";

    private EsperSetup() {
    }

    static Configuration configuration() {
        Configuration c = new Configuration();
        c.getCommon().addEventType(SIGMA_HIT, HitEvent.class);
        c.getCommon().addEventType(HIT, HitEvent.class);
        c.getCommon().addEventType(TICK, TickEvent.class);
        c.getCompiler().addPlugInAggregationFunctionForge(NearestRank.NAME, NearestRank.class.getName());
        // event time only: the watermark moves the clock, so a replay decides exactly as the first run did
        c.getRuntime().getThreading().setInternalTimerEnabled(false);
        c.getRuntime().getExceptionHandling().addClass(EsperErrors.class);
        return c;
    }

    /** Epoch millis, saturated for instants a long cannot hold. */
    static long millis(Instant i) {
        try {
            return i.toEpochMilli();
        } catch (ArithmeticException e) {
            return i.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
