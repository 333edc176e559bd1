package org.fenghuo.correlation.detect;

import java.io.Serializable;

/**
 * A control record for the detection operator, broadcast to every subtask: load rule and indicator
 * set {@code version}. It names where the set is, not its content: rule packs and feeds are files
 * analysts already keep (and feeds can be large), and a small record keeps broadcast state and
 * checkpoints small. The price: each subtask reads the files itself, so they must be the same on
 * every task manager and not change while a reload is in flight.
 *
 * @param version  increases with every update; an update not newer than the running set is ignored
 *                 (a replayed control topic cannot roll a subtask back)
 * @param settings where to load from; null = reload the settings the job started with (files
 *                 edited in place)
 */
public record DetectionUpdate(long version, DetectionSettings settings) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reload the job's own settings (the files changed in place). */
    public static DetectionUpdate reload(long version) {
        return new DetectionUpdate(version, null);
    }
}
