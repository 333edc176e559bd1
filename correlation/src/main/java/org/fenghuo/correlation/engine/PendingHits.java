package org.fenghuo.correlation.engine;

import java.util.List;
import org.fenghuo.detection.sigma.correlation.RuleHit;

/**
 * A correlator's state as data, for Flink operator state and replay into a fresh correlator.
 *
 * @param clockMillis the correlator's clock (latest hit or watermark), epoch millis
 * @param hits        hits to replay, in the order they were accepted
 * @param mutes       keys muted by an alert whose timespan has not passed yet
 */
public record PendingHits(long clockMillis, List<Pending> hits, List<Mute> mutes) {
    public PendingHits {
        hits = List.copyOf(hits);
        mutes = List.copyOf(mutes);
    }

    /**
     * One hit and the rules it must be replayed into: not every rule, since a window decided at its
     * close (the {@code lt}/{@code eq}/{@code neq} conditions) must be rebuilt from the hits of its
     * open window only, not from older hits of the same key, or it would reopen at another time.
     *
     * @param hit     the hit as accepted
     * @param targets rule ids ({@code rule.id} of the correlation or statement) that get it
     */
    public record Pending(RuleHit hit, List<String> targets) {
        public Pending {
            targets = List.copyOf(targets);
        }
    }

    /**
     * A key that alerted at {@code firedMillis}: hits up to one timespan later are not evaluated.
     *
     * @param rule        the correlation's {@code rule.id}
     * @param groupKey    the group-by values joined with U+001F
     * @param firedMillis time of the alert
     */
    public record Mute(String rule, String groupKey, long firedMillis) {
    }
}
