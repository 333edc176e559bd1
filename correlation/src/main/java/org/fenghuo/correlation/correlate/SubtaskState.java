package org.fenghuo.correlation.correlate;

import java.util.List;
import org.fenghuo.correlation.engine.PendingHits;
import org.fenghuo.detection.sigma.correlation.RuleHit;

/**
 * What one subtask of the correlation operator keeps in a checkpoint (one element of its union
 * list state). The key-group range says which hits were its own, so that on restore at another
 * parallelism each subtask takes the hits whose key groups it now owns.
 *
 * @param firstKeyGroup first key group the subtask owned
 * @param lastKeyGroup  last key group it owned (inclusive)
 * @param watermark     the last watermark it handed to its correlator ({@code Long.MIN_VALUE}: none)
 * @param buffered      hits not yet passed by the watermark, in the order they would be fed
 * @param pending       the correlator's state: hits of the open windows and the muted keys
 */
public record SubtaskState(int firstKeyGroup, int lastKeyGroup, long watermark, List<RuleHit> buffered,
        PendingHits pending) {
    public SubtaskState {
        buffered = List.copyOf(buffered);
    }

    /** Whether this state's key groups and {@code [first, last]} share at least one. */
    public boolean overlaps(int first, int last) {
        return firstKeyGroup <= last && first <= lastKeyGroup;
    }
}
