package org.fenghuo.detection.ioc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load of one source gave: how many indicators, how many entries were skipped on
 * purpose (by reason: a MISP {@code text} attribute, {@code to_ids=false}, a non-indicator STIX
 * object), and the problems with their location.
 *
 * @param source       the source's name
 * @param loaded       indicators produced
 * @param broken       broken lines/objects (all of them, even past the kept issues)
 * @param unsupported  valid indicators this matcher cannot evaluate
 * @param skipped      entries deliberately not loaded, count by reason
 * @param issues       the first {@link #MAX_ISSUES} problems with their location
 * @param unreadable   the file itself could not be read (missing, not JSON at all) or none of its
 *                     lines was usable (a list file holding an HTML page): a reload with such a
 *                     source keeps the previous index
 */
public record LoadReport(String source, int loaded, int broken, int unsupported, Map<String, Integer> skipped,
        List<LoadIssue> issues, boolean unreadable) {
    public static final int MAX_ISSUES = 1000;

    public LoadReport {
        skipped = Map.copyOf(skipped);
        issues = List.copyOf(issues);
    }

    /** Number of entries skipped for any reason. */
    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line: {@code ipsum: 120430 loaded, 2 broken, 0 unsupported, 0 skipped}. */
    public String summary() {
        return source + ": " + loaded + " loaded, " + broken + " broken, " + unsupported + " unsupported, "
                + skippedTotal() + " skipped" + (skipped.isEmpty() ? "" : " " + new TreeMap<>(skipped))
                + (unreadable ? " (unreadable)" : "");
    }
}
