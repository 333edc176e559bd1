package org.fenghuo.correlation.elasticsearch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.fenghuo.events.EventIds;

/** Deterministic ids and daily index names. */
public final class DocumentIds {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private DocumentIds() {
    }

    /** {@link EventIds#contentHash(byte[]...)}. */
    public static String contentHash(byte[]... parts) {
        return EventIds.contentHash(parts);
    }

    public static String contentHash(String... parts) {
        return EventIds.contentHash(parts);
    }

    /** {@code prefix-yyyy.MM.dd} of the UTC day of {@code time}. */
    public static String dailyIndex(String prefix, Instant time) {
        return prefix + "-" + DAY.format(time);
    }
}
