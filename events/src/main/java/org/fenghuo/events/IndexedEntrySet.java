package org.fenghuo.events;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * The read-only entry set of an array-backed map: entries {@code 0..size-1}, in index order, each
 * an immutable entry. For the small maps events carry, where arrays beat hash tables.
 */
public final class IndexedEntrySet extends AbstractSet<Map.Entry<String, Object>> {
    private final int size;
    private final IntFunction<String> key;
    private final IntFunction<Object> value;

    public IndexedEntrySet(int size, IntFunction<String> key, IntFunction<Object> value) {
        this.size = size;
        this.key = key;
        this.value = value;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public Map.Entry<String, Object> next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                int at = next++;
                return new AbstractMap.SimpleImmutableEntry<>(key.apply(at), value.apply(at));
            }
        };
    }
}
