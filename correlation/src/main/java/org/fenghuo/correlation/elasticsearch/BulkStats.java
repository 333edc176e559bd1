package org.fenghuo.correlation.elasticsearch;

import java.util.concurrent.atomic.AtomicLong;

/** Running counts of what the sink did; read by metric gauges from another thread. */
public final class BulkStats {
    final AtomicLong indexed = new AtomicLong();
    final AtomicLong retriedItems = new AtomicLong();
    final AtomicLong failedRequests = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    final AtomicLong splitRequests = new AtomicLong();

    public long indexed() {
        return indexed.get();
    }

    /** Items that Elasticsearch answered with a retryable status (429, 5xx) and were sent again. */
    public long retriedItems() {
        return retriedItems.get();
    }

    /** Bulk requests that failed as a whole (connection refused, timeout, 5xx) and were sent again. */
    public long failedRequests() {
        return failedRequests.get();
    }

    /** Documents refused for good (e.g. a mapping conflict), sent to the dead-letter index instead. */
    public long rejected() {
        return rejected.get();
    }

    /** Bulk requests refused as a whole for their content (400, 413) and sent again as two halves. */
    public long splitRequests() {
        return splitRequests.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** Rejected documents whose dead letter was refused too: logged at ERROR with the document id. */
    public long lost() {
        return lost.get();
    }
}
