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

    /** e.g. {@code payload_parsed=12 (cef=10 kv=2) payload_unparsed=3 payload_malformed=1 (cef=1) invalid_values=0}. */
    public String toStatusLine() {
        return "payload_parsed=" + parsedTotal() + breakdown(parsed) + " payload_unparsed=" + unparsed
                + " payload_malformed=" + malformedTotal() + breakdown(malformed) + " invalid_values=" + invalidValues;
    }

    private static String breakdown(Map<String, Long> byParser) {
        if (byParser.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(byParser).forEach((k, v) -> sb.append(sb.length() == 0 ? " (" : " ").append(k).append('=').append(v));
        return sb.append(')').toString();
    }
}
