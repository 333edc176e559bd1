package org.fenghuo.crypto.pii.detect;

import java.util.List;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * Finds one kind of personal data in text. Implementations are hand-written scanners (no regular
 * expressions, so no backtracking), linear in the text, stateless and thread-safe, and allocate
 * nothing for a text where they find nothing.
 */
public interface PiiDetector {

    PiiKind kind();

    /** Appends every span found in {@code text} to {@code out}, in text order. */
    void scan(CharSequence text, List<PiiSpan> out);

    /** The spans found, or an empty immutable list. */
    default List<PiiSpan> find(CharSequence text) {
        LazySpanList out = new LazySpanList();
        scan(text, out);
        return out.result();
    }
}
