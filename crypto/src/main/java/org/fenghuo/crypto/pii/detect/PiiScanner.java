package org.fenghuo.crypto.pii.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * Runs a set of detectors over a text, and over its {@link ScanView} (full-width characters
 * folded, escape sequences as boundaries) when that differs, and resolves overlaps: findings that
 * overlap are replaced by their union, so a phone touching a card is covered with the card; the
 * union takes the kind of its preferred member (the longest, on equal length the stronger
 * evidence: ID number over bank card over phone, then e-mail and plate). Findings are sorted by
 * start and swept once, so resolution is O(n log n). More than {@link #MAX_FINDINGS} findings in
 * one text (a hostile value) become one span over the whole text, kind {@link PiiKind#TEXT}.
 * Keeps a work list, so it is not thread-safe: one per thread.
 */
public final class PiiScanner {

    /** Above this many findings in one text, the whole text is one span: its parts are not worth telling apart. */
    public static final int MAX_FINDINGS = 1000;

    /** Text order; at one start the preferred finding first. */
    private static final Comparator<PiiSpan> IN_TEXT = Comparator.comparingInt(PiiSpan::start)
            .thenComparing(Comparator.comparingInt(PiiSpan::length).reversed())
            .thenComparingInt(s -> s.kind().ordinal());

    private final PiiDetector[] detectors;
    private final List<PiiSpan> work = new ArrayList<>();
    private final boolean everyKind;

    public PiiScanner(Set<PiiKind> kinds) {
        List<PiiDetector> chosen = new ArrayList<>();
        for (PiiDetector d : all()) {
            if (kinds.contains(d.kind())) {
                chosen.add(d);
            }
        }
        this.detectors = chosen.toArray(new PiiDetector[0]);
        this.everyKind = detectors.length == all().size();
    }

    /** True when this scanner runs every detector. */
    public boolean runsEveryKind() {
        return everyKind;
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
        int gate = gate(text);
        if (gate == NOTHING) {
            return List.of();
        }
        for (PiiDetector d : detectors) {
            d.scan(text, work);
        }
        CharSequence view = (gate & NEEDS_VIEW) != 0 ? ScanView.of(text) : text;
        if (view != text) {
            for (PiiDetector d : detectors) {
                d.scan(view, work);
            }
        }
        if (work.isEmpty()) {
            return List.of();
        }
        if (work.size() > MAX_FINDINGS) {
            return List.of(new PiiSpan(0, text.length(), PiiKind.TEXT));
        }
        if (work.size() == 1) {
            return List.of(work.get(0));
        }
        work.sort(IN_TEXT);
        List<PiiSpan> kept = new ArrayList<>(work.size());
        PiiSpan current = work.get(0);
        PiiSpan preferred = current;
        int end = current.end();
        for (int i = 1; i < work.size(); i++) {
            PiiSpan s = work.get(i);
            if (s.start() < end) {
                end = Math.max(end, s.end());
                if (prefer(s, preferred)) {
                    preferred = s;
                }
            } else {
                kept.add(union(current, end, preferred));
                current = s;
                preferred = s;
                end = s.end();
            }
        }
        kept.add(union(current, end, preferred));
        return kept;
    }

    private static final int NOTHING = 0;
    private static final int MAY_FIND = 1;
    private static final int NEEDS_VIEW = 2;

    /**
     * One pass deciding whether any detector can find anything: every number kind needs 11 ASCII
     * digits or more (phone 11, card 13, ID 17), an e-mail address an {@code @}, a plate a
     * non-ASCII province character; full-width forms are non-ASCII too. Most strings of an event
     * (addresses, names of things, short codes) stop here, which keeps the catch-all scan cheap.
     * {@code NEEDS_VIEW} when an escape or a non-ASCII character may make the view differ.
     */
    private static int gate(CharSequence text) {
        int digits = 0;
        boolean at = false;
        boolean nonAscii = false;
        boolean escape = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '@') {
                at = true;
            } else if (c >= 0x80) {
                nonAscii = true;
            } else if (c == '%' || c == '\\') {
                escape = true;
            }
        }
        if (digits < 11 && !at && !nonAscii) {
            return NOTHING;
        }
        return MAY_FIND | (escape || nonAscii ? NEEDS_VIEW : 0);
    }

    /**
     * The individual findings of the last {@link #scan}, in text order, before overlaps were
     * merged (for a blind term per finding); valid until the next scan, empty above
     * {@link #MAX_FINDINGS}.
     */
    public List<PiiSpan> lastFindings() {
        return work.size() > MAX_FINDINGS ? List.of() : java.util.Collections.unmodifiableList(work);
    }

    private static boolean prefer(PiiSpan a, PiiSpan b) {
        return a.length() > b.length() || a.length() == b.length() && a.kind().ordinal() < b.kind().ordinal();
    }

    private static PiiSpan union(PiiSpan first, int end, PiiSpan preferred) {
        return first.end() == end && first == preferred ? first : new PiiSpan(first.start(), end, preferred.kind());
    }
}
