package org.fenghuo.detection.ioc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Accumulates one load's indicators, issues and skip counts; loaders share it. */
final class LoadCollector {
    private final String source;
    private final List<Indicator> indicators = new ArrayList<>();
    private final List<LoadIssue> issues = new ArrayList<>();
    private final Map<String, Integer> skipped = new HashMap<>();
    private int broken;
    private int unsupported;
    private boolean unreadable;

    LoadCollector(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    void add(Indicator indicator) {
        indicators.add(indicator);
    }

    void issue(LoadIssue issue) {
        if (issue.unsupported()) {
            unsupported++;
        } else {
            broken++;
        }
        if (issues.size() < LoadReport.MAX_ISSUES) {
            issues.add(issue);
        }
    }

    /** The whole file failed (missing, unreadable, not JSON): recorded as one broken entry. */
    void unreadable(LoadIssue issue) {
        unreadable = true;
        issue(issue);
    }

    /**
     * The file was read but nothing in it was usable (an HTML error page in place of a list): marked
     * unreadable, with this whole-file issue put first, without counting it as one more broken line.
     */
    void unusable(LoadIssue issue) {
        unreadable = true;
        issues.add(0, issue);
        if (issues.size() > LoadReport.MAX_ISSUES) {
            issues.remove(issues.size() - 1);
        }
    }

    int broken() {
        return broken;
    }

    int loaded() {
        return indicators.size();
    }

    void skip(String reason) {
        skipped.merge(reason, 1, Integer::sum);
    }

    LoadResult result() {
        return new LoadResult(indicators,
                new LoadReport(source, indicators.size(), broken, unsupported, skipped, issues, unreadable));
    }
}
