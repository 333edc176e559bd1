package org.fenghuo.detection.sigma.eval;

/** Per-thread state of one evaluation; {@link #epoch} tells this event's marks from older ones. */
final class EvalScratch {
    /** The candidate bits of the group being evaluated. */
    final long[] bits;
    /** Rules whose literals this event's scans found, global numbering. */
    final FoundBits found;
    /** Per group: the epoch it last ran at (a group dispatched twice by one event runs once). */
    final int[] ranAt;
    /** Per scanned field: the epoch it was last read at, and the epoch it was last present at. */
    final int[] scannedAt;
    final int[] presentAt;
    int epoch;

    EvalScratch(int groupWords, int globalWords, int groups, int fields) {
        bits = new long[groupWords];
        found = new FoundBits(globalWords);
        ranAt = new int[groups];
        scannedAt = new int[fields];
        presentAt = new int[fields];
    }

    /** Starts the next event. */
    void next() {
        if (epoch == Integer.MAX_VALUE) {
            // marks are compared for equality: restart from a state no mark can equal
            java.util.Arrays.fill(ranAt, 0);
            java.util.Arrays.fill(scannedAt, 0);
            java.util.Arrays.fill(presentAt, 0);
            epoch = 0;
        }
        epoch++;
        found.clear();
    }
}
