package org.fenghuo.crypto.pii.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * Runs a set of detectors over a text and resolves overlaps: where two findings overlap, the
 * longer one is kept, and on equal length the stronger evidence (ID number over bank card over
 * phone, then plate and e-mail). Keeps a work list, so it is not thread-safe: one per thread.
 */
public final class PiiScanner {

    private static final Comparator<PiiSpan> PREFERENCE = Comparator.comparingInt(PiiSpan::length).reversed()
            .thenComparingInt(s -> s.kind().ordinal());
    private static final Comparator<PiiSpan> IN_TEXT = Comparator.comparingInt(PiiSpan::start);

    private final PiiDetector[] detectors;
    private final List<PiiSpan> work = new ArrayList<>();

    public PiiScanner(Set<PiiKind> kinds) {
        List<PiiDetector> chosen = new ArrayList<>();
        for (PiiDetector d : all()) {
            if (kinds.contains(d.kind())) {
                chosen.add(d);
            }
        }
        this.detectors = chosen.toArray(new PiiDetector[0]);
    }

    /** A scanner with every detector. */
    public static PiiScanner allKinds() {
        return new PiiScanner(EnumSet.allOf(PiiKind.class));
    }

    /** One of each detector, in the order overlaps are preferred. */
    public static List<PiiDetector> all() {
        return List.of(new ResidentIdDetector(), new BankCardDetector(), new MobileNumberDetector(),
                new EmailDetector(), new LicencePlateDetector());
    }

    /**
     * The non-overlapping spans in {@code text}, in text order; {@code List.of()} (no allocation)
     * when there are none.
     */
    public List<PiiSpan> scan(CharSequence text) {
        work.clear();
        for (PiiDetector d : detectors) {
            d.scan(text, work);
        }
        if (work.isEmpty()) {
            return List.of();
        }
        if (work.size() == 1) {
            return List.of(work.get(0));
        }
        work.sort(PREFERENCE);
        List<PiiSpan> kept = new ArrayList<>(work.size());
        for (PiiSpan s : work) {
            if (kept.stream().noneMatch(s::overlaps)) {
                kept.add(s);
            }
        }
        kept.sort(IN_TEXT);
        return kept;
    }
}
