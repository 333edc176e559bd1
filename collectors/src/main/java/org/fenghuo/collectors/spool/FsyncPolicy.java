package org.fenghuo.collectors.spool;

/**
 * When the spool forces appended records to the disk. A record that is only written (not yet
 * forced) survives a crash of the collector process (it is in the OS page cache) but not a power
 * loss or a kernel crash.
 */
public enum FsyncPolicy {
    /** Every append waits for an fsync; concurrent appends share one (group commit). */
    ALWAYS,
    /** A background fsync every {@link SpoolConfig#fsyncInterval()}; appends do not wait for it. */
    INTERVAL,
    /** Only on segment roll and close; the OS writes back when it likes. */
    NEVER
}
