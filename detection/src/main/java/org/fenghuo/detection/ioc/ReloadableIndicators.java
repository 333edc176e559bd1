package org.fenghuo.detection.ioc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The current {@link IndicatorIndex} of a set of sources, replaced by {@link #reload()} without a
 * restart. A reload builds a whole new index aside and publishes it with one volatile write, so a
 * reader sees either the old index or the new one, never a half-built one. A reload in which a
 * source could not be read at all (missing file, not JSON) or that throws keeps the previous
 * index: an empty feed from a failed download must not silently disable matching. For the same
 * reason a source that loaded indicators into the index in use and now loads none (a truncated
 * file; an error page is already unreadable, see {@link IndicatorListLoader}) keeps the previous
 * index too. The comparison is with the index in use, so such a source keeps being refused until
 * it gives indicators again: to retire a feed on purpose, build a new instance without it. The caller
 * decides when to reload (a timer, a file watch, an operator's request): nothing here runs a thread.
 */
public final class ReloadableIndicators implements Supplier<IndicatorIndex> {
    /** An index and the reports of the loads it was built from. */
    public record Snapshot(IndicatorIndex index, List<LoadReport> reports) {
        public Snapshot {
            reports = List.copyOf(reports);
        }
    }

    /**
     * What one reload did.
     *
     * @param swapped true when the new index replaced the old one
     * @param reports each source's load report (empty when loading threw)
     * @param failure why the old index was kept; null when swapped
     */
    public record Reload(boolean swapped, List<LoadReport> reports, String failure) {
        public Reload {
            reports = List.copyOf(reports);
        }
    }

    private final List<IndicatorSource> sources;
    private volatile Snapshot current = new Snapshot(IndicatorIndex.of(List.<Indicator>of()), List.of());

    public ReloadableIndicators(List<IndicatorSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The index readers use now (empty before the first successful reload). */
    @Override
    public IndicatorIndex get() {
        return current.index();
    }

    /** The current index with its load reports. */
    public Snapshot snapshot() {
        return current;
    }

    /** Loads every source and swaps in the new index, unless a source was unreadable or loading failed. */
    public synchronized Reload reload() {
        List<LoadResult> loads = new ArrayList<>(sources.size());
        List<LoadReport> reports = new ArrayList<>(sources.size());
        IndicatorIndex index;
        try {
            for (IndicatorSource s : sources) {
                LoadResult r = s.load();
                loads.add(r);
                reports.add(r.report());
            }
            for (LoadReport r : reports) {
                if (r.unreadable()) {
                    return new Reload(false, reports, r.source() + " could not be read ("
                            + (r.issues().isEmpty() ? "no detail" : r.issues().get(0)) + "): keeping the previous index");
                }
            }
            String dropped = droppedToNothing(reports);
            if (dropped != null) {
                return new Reload(false, reports, dropped);
            }
            index = IndicatorIndex.of(loads);
        } catch (RuntimeException | OutOfMemoryError e) {
            // a feed grown past the heap fails this reload (its arrays are garbage now), not the job
            // that is matching with the old index
            return new Reload(false, reports, "reload failed: " + e + ": keeping the previous index");
        }
        current = new Snapshot(index, reports);
        return new Reload(true, reports, null);
    }

    /** Why a source that fed the index in use now gives nothing; null when none did. */
    private String droppedToNothing(List<LoadReport> reports) {
        List<LoadReport> before = current.reports();
        // reports are in source order, and the snapshot's are empty only before the first swap
        for (int i = 0; i < reports.size() && i < before.size(); i++) {
            LoadReport now = reports.get(i);
            if (now.loaded() == 0 && before.get(i).loaded() > 0) {
                return now.source() + " loaded no indicator (" + before.get(i).loaded()
                        + " before): keeping the previous index";
            }
        }
        return null;
    }
}
