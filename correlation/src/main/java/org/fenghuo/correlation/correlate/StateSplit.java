package org.fenghuo.correlation.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.fenghuo.correlation.engine.PendingHits;
import org.fenghuo.detection.sigma.correlation.RuleHit;

/**
 * The part of a checkpoint's union state one subtask takes on restore: the hits (buffered and
 * pending) whose key group is now its own, merged in event-time order, the mutes of every former
 * subtask that owned one of its key groups, and the lowest of their watermarks. At unchanged
 * parallelism that is exactly its own former state.
 *
 * @param watermark the watermark to continue from ({@code Long.MIN_VALUE}: none)
 * @param pending   what to replay into the fresh correlator
 * @param buffered  hits still waiting for the watermark, in feed order
 */
record StateSplit(long watermark, PendingHits pending, List<RuleHit> buffered) {

    /** A pending hit tagged with where it came from, for a stable merge. */
    private record Tagged(PendingHits.Pending pending, int state, int index) {
    }

    static StateSplit of(List<SubtaskState> states, int firstKeyGroup, int lastKeyGroup, int maxParallelism,
            HitKeyFunction keys) {
        long watermark = Long.MAX_VALUE;
        long clock = Long.MAX_VALUE;
        boolean any = false;
        List<Tagged> hits = new ArrayList<>();
        List<PendingHits.Mute> mutes = new ArrayList<>();
        List<RuleHit> buffered = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            SubtaskState state = states.get(s);
            if (!state.overlaps(firstKeyGroup, lastKeyGroup)) {
                continue;
            }
            any = true;
            watermark = Math.min(watermark, state.watermark());
            clock = Math.min(clock, state.pending().clockMillis());
            mutes.addAll(state.pending().mutes());
            List<PendingHits.Pending> own = state.pending().hits();
            for (int i = 0; i < own.size(); i++) {
                PendingHits.Pending p = own.get(i);
                if (owned(p.hit(), firstKeyGroup, lastKeyGroup, maxParallelism, keys)) {
                    hits.add(new Tagged(p, s, i));
                }
            }
            for (RuleHit h : state.buffered()) {
                if (owned(h, firstKeyGroup, lastKeyGroup, maxParallelism, keys)) {
                    buffered.add(h);
                }
            }
        }
        if (!any) {
            return new StateSplit(Long.MIN_VALUE, new PendingHits(Long.MIN_VALUE, List.of(), List.of()), List.of());
        }
        // full-precision time first: the order each correlator accepted them in
        hits.sort(Comparator.<Tagged, Instant>comparing(t -> t.pending().hit().timestamp())
                .thenComparingInt(Tagged::state).thenComparingInt(Tagged::index));
        return new StateSplit(watermark, new PendingHits(clock, hits.stream().map(Tagged::pending).toList(), mutes),
                buffered);
    }

    private static boolean owned(RuleHit hit, int first, int last, int maxParallelism, HitKeyFunction keys) {
        int group = KeyGroupRangeAssignment.assignToKeyGroup(keys.keyOf(hit), maxParallelism);
        return group >= first && group <= last;
    }

    /** The partition key of a hit, as the operator's input is keyed. */
    @FunctionalInterface
    interface HitKeyFunction {
        Object keyOf(RuleHit hit);
    }
}
