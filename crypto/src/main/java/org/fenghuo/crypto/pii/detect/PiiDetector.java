package org.fenghuo.crypto.pii.detect;

import java.util.ArrayList;
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
        LazyList out = new LazyList();
        scan(text, out);
        return out.result();
    }

    /** Allocates its backing list only on the first span; for {@link #find}. */
    final class LazyList extends java.util.AbstractList<PiiSpan> {
        private ArrayList<PiiSpan> items;

        @Override
        public boolean add(PiiSpan span) {
            if (items == null) {
                items = new ArrayList<>(2);
            }
            return items.add(span);
        }

        @Override
        public PiiSpan get(int index) {
            if (items == null) {
                throw new IndexOutOfBoundsException(index);
            }
            return items.get(index);
        }

        @Override
        public int size() {
            return items == null ? 0 : items.size();
        }

        List<PiiSpan> result() {
            return items == null ? List.of() : List.copyOf(items);
        }
    }
}
