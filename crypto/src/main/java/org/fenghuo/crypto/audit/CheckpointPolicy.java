package org.fenghuo.crypto.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * When the trail signs a checkpoint: after {@code everyRecords} records, or once the oldest
 * unsigned record is {@code everyDuration} older (in record time) than the newest, whichever comes
 * first. The append that crosses the threshold writes it; there is no timer thread, so a quiet
 * trail stays unsigned until its next append or {@link AuditTrail#checkpoint()}/{@code close()}.
 */
public record CheckpointPolicy(int everyRecords, Duration everyDuration) {

    /** 100 records or 60 s of record time. */
    public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(100, Duration.ofSeconds(60));

    public CheckpointPolicy {
        if (everyRecords < 1) {
            throw new IllegalArgumentException("checkpoint every-records must be >= 1: " + everyRecords);
        }
        Objects.requireNonNull(everyDuration, "everyDuration");
        if (everyDuration.isNegative() || everyDuration.isZero()) {
            throw new IllegalArgumentException("checkpoint every-duration must be positive: " + everyDuration);
        }
    }
}
