package org.fenghuo.detection.ioc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One matchable observable from a threat-intelligence source, already normalised (see
 * {@link IndicatorValues}). A STIX pattern {@code [a OR b]} gives two indicators with the same id.
 *
 * @param type       what {@code value} is
 * @param value      normalised value: dotted IPv4, compressed lower-case IPv6, {@code net/len}
 *                   with host bits cleared, lower-case domain without trailing dot, normalised URL,
 *                   lower-case hex hash
 * @param source     the feed's name given by the caller ({@code ipsum}, {@code circl-osint}); the
 *                   alert's rule id is {@code fenghuo.ioc.<source>}
 * @param id         the producer's id (STIX {@code indicator--...}, MISP attribute uuid); null in lists
 * @param name       STIX {@code name} or MISP event {@code info}; null when absent
 * @param confidence 0-100 (STIX {@code confidence}, MISP certainty or threat level, list hit
 *                   count); null when unknown
 * @param validFrom  first instant the indicator is valid (inclusive); null: always was
 * @param validUntil instant the indicator stops being valid (exclusive); null: never expires
 * @param created    when the producer made or last changed it (STIX {@code created}, MISP
 *                   attribute {@code timestamp}); null when unknown
 * @param producer   who made it: STIX {@code created_by_ref} (the identity's name when the
 *                   bundle has it), MISP {@code Orgc.name}; null when unknown
 * @param labels     STIX {@code indicator_types} and {@code labels}, MISP category and tags
 * @param file       the file it was read from (one shared string per load: a per-indicator
 *                   "file:line" string would be a third of a million-indicator index's heap)
 * @param line       its line in {@code file} for line-based lists, 0 for JSON (then {@code id} locates it)
 */
public record Indicator(IndicatorType type, String value, String source, String id, String name,
        Integer confidence, Instant validFrom, Instant validUntil, Instant created, String producer, List<String> labels,
        String file, int line) {
    public Indicator {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** {@code file:line}, or {@code file (id)} for JSON sources. */
    public String origin() {
        return line > 0 ? file + ":" + line : id != null ? file + " (" + id + ")" : file;
    }

    /** Whether the indicator is valid at {@code time}; a null time (event without @timestamp) is not judged. */
    public boolean validAt(Instant time) {
        return time == null || (validFrom == null || !time.isBefore(validFrom))
                && (validUntil == null || time.isBefore(validUntil));
    }

    /** True when one of its labels names command-and-control infrastructure. */
    public boolean isCommandAndControl() {
        for (String label : labels) {
            String l = label.toLowerCase(java.util.Locale.ROOT);
            if (l.equals("c2") || l.contains("command-and-control") || l.contains("command and control")
                    || l.contains("c&c") || l.endsWith(":c2") || l.contains("botnet-cc")) {
                return true;
            }
        }
        return false;
    }
}
