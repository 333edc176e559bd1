package org.fenghuo.collectors.metrics;

import java.util.Map;
import java.util.stream.Collectors;
import org.fenghuo.collectors.input.ErrorKind;

/**
 * A snapshot of one input's counters, for CLI status lines and tests. Once everything is flushed,
 * {@code received = parsed + malformed + empty}, {@code deadLettered = malformed} and
 * {@code sent + sendFailed = parsed + deadLettered} when the sink is Kafka.
 *
 * @param input             the input's name ({@code fenghuo.input})
 * @param received          frames read, including empty and malformed ones
 * @param parsed            frames that became events
 * @param empty             blank frames, skipped
 * @param malformed         frames that did not parse or did not fit the frame limit
 * @param malformedByKind   {@code malformed} split by reason, only non-zero entries
 * @param deadLettered      dead letters handed to the sink
 * @param sent              records (events and dead letters) the sink confirmed delivered
 * @param sendFailed        records the sink could not deliver
 */
public record CollectorStats(
        String input,
        long received,
        long parsed,
        long empty,
        long malformed,
        Map<ErrorKind, Long> malformedByKind,
        long deadLettered,
        long sent,
        long sendFailed) {

    public CollectorStats {
        malformedByKind = Map.copyOf(malformedByKind);
    }

    /** One line, e.g. {@code syslog-udp: received=10 parsed=8 empty=1 malformed=1 (invalid_pri=1) ...}. */
    public String toStatusLine() {
        String kinds = malformedByKind.isEmpty() ? "" : malformedByKind.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().tag() + "=" + e.getValue())
                .collect(Collectors.joining(" ", " (", ")"));
        return input + ": received=" + received + " parsed=" + parsed + " empty=" + empty
                + " malformed=" + malformed + kinds + " dead_lettered=" + deadLettered
                + " sent=" + sent + " send_failed=" + sendFailed;
    }
}
