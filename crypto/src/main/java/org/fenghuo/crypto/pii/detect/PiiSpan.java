package org.fenghuo.crypto.pii.detect;

import org.fenghuo.crypto.pii.PiiKind;

/** Personal data found at {@code [start, end)} of a text (UTF-16 indices, as {@link String#substring}). */
public record PiiSpan(int start, int end, PiiKind kind) {

    public PiiSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(PiiSpan other) {
        return start < other.end && other.start < end;
    }
}
