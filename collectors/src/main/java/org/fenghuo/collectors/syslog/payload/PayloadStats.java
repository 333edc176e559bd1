package org.fenghuo.collectors.syslog.payload;

import java.util.Map;

/**
 * Payload counters of one input at one moment.
 *
 * @param parsed        messages read into ECS, by parser (only parsers that read any)
 * @param malformed     messages a parser recognised but could not read, by parser
 * @param unparsed      messages no parser took
 * @param invalidValues values kept aside because their type did not fit their ECS field
 */
public record PayloadStats(Map<String, Long> parsed, Map<String, Long> malformed, long unparsed, long invalidValues) {

    public PayloadStats {
        parsed = Map.copyOf(parsed);
        malformed = Map.copyOf(malformed);
    }

    public long parsedTotal() {
        return parsed.values().stream().mapToLong(Long::longValue).sum();
    }

    public long malformedTotal() {
        return malformed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** e.g. {@code payload parsed 12 (cef 10, kv 2), unparsed 3, malformed 1 (cef 1), invalid values 0}. */
    public String toStatusLine() {
        return "payload parsed " + parsedTotal() + breakdown(parsed) + ", unparsed " + unparsed + ", malformed "
                + malformedTotal() + breakdown(malformed) + ", invalid values " + invalidValues;
    }

    private static String breakdown(Map<String, Long> byParser) {
        if (byParser.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (");
        new java.util.TreeMap<>(byParser).forEach((k, v) -> sb.append(sb.length() > 2 ? ", " : "").append(k).append(' ').append(v));
        return sb.append(')').toString();
    }
}
