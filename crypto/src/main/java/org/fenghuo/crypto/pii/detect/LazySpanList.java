package org.fenghuo.crypto.pii.detect;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/** A span list that allocates its backing list only on the first span; for {@link PiiDetector#find}. */
final class LazySpanList extends AbstractList<PiiSpan> {

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
