package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.List;

/**
 * Everything an {@link IncidentBuilder} holds, as data: what a checkpoint stores. A whole
 * builder's ({@link IncidentBuilder#snapshot()}) or one group key's
 * ({@link IncidentBuilder#snapshot(String)}, with zero counters).
 *
 * @param open        incidents still taking alerts, by group key
 * @param suppression open deduplication and suppression windows
 * @param watermark   the last watermark, null before the first
 * @param counters    the counters (zero in a one-key snapshot)
 */
public record IncidentBuilderState(List<OpenIncident> open, List<SuppressionEntry> suppression, Instant watermark,
        IncidentCounters counters) {
    public IncidentBuilderState {
        open = open == null ? List.of() : List.copyOf(open);
        suppression = suppression == null ? List.of() : List.copyOf(suppression);
        counters = counters == null ? IncidentCounters.ZERO : counters;
    }
}
