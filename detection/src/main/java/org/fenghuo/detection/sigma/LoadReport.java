package org.fenghuo.detection.sigma;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.detection.sigma.rule.SigmaDocument;

/**
 * What loading a rule pack did, document by document: how many rules and filters were loaded,
 * every rejection with its file, line and reason, and the correlation documents handed back.
 *
 * @param rulesLoaded   detection rules compiled and active
 * @param filtersLoaded global filters attached to at least one rule
 * @param exceptionsLoaded exception entries attached to a rule
 * @param rejections    in the order met
 * @param correlations  documents with a top-level {@code correlation:}, untouched
 */
public record LoadReport(int rulesLoaded, int filtersLoaded, int exceptionsLoaded, List<Rejection> rejections,
        List<SigmaDocument.Correlation> correlations) {
    public LoadReport {
        rejections = List.copyOf(rejections);
        correlations = List.copyOf(correlations);
    }

    /** One document (rule, filter, exception entry) not used. */
    public record Rejection(String file, int line, RejectReason reason, String detail) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + reason + ": " + detail;
        }
    }

    public Map<RejectReason, Integer> rejectedByReason() {
        Map<RejectReason, Integer> counts = new EnumMap<>(RejectReason.class);
        for (Rejection r : rejections) {
            counts.merge(r.reason(), 1, Integer::sum);
        }
        return counts;
    }

    /** e.g. {@code 3700 rules loaded, 40 rejected {UNKNOWN_MODIFIER=3, ...}, 0 filters, 2 correlation documents}. */
    public String summary() {
        return rulesLoaded + " rules loaded, " + rejections.size() + " rejected " + rejectedByReason() + ", "
                + filtersLoaded + " filters, " + exceptionsLoaded + " exceptions, " + correlations.size()
                + " correlation documents";
    }
}
