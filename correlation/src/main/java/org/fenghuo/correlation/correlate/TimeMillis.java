package org.fenghuo.correlation.correlate;

import java.time.Instant;

/** Event time as Flink's watermarks count it: epoch millis, floored, saturated at the long range. */
final class TimeMillis {
    private TimeMillis() {
    }

    static long of(Instant i) {
        try {
            return i.toEpochMilli();
        } catch (ArithmeticException e) {
            return i.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
