package org.fenghuo.collectors.spool;

/** What happens to a record when the spool has reached {@link SpoolConfig#maxBytes()}. */
public enum WhenFull {
    /**
     * The spool refuses it: inputs that can push back (TCP) wait until the drainer frees space,
     * so the sender's TCP window closes; inputs that cannot (UDP, pcap) drop the record and count
     * it as {@code dropped{reason=spool_full}}.
     */
    REFUSE,
    /** Every input drops the record and counts it; TCP senders are never slowed down. */
    DROP
}
