package org.fenghuo.crypto.audit.store;

/** When {@link FileAuditStore} forces its bytes to the disk. */
public enum FsyncPolicy {
    /** After every entry: an acknowledged append survives a power cut. The default; audit rates are low. */
    EVERY_ENTRY,
    /** After each checkpoint and on close: a crash can lose the unsigned tail, which is at risk anyway. */
    CHECKPOINT,
    /** Never explicitly (the OS decides): for tests and benchmarks only. */
    NONE
}
