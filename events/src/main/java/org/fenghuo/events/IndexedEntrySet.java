package org.fenghuo.events;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The read-only entry set of an array-backed map: entries {@code 0..size-1}, in index order, each
 * an immutable entry. For the small maps events carry, where arrays beat hash tables. Entry
 * {@code i} is {@code keys[keyAt + stride * i]} and {@code values[valueAt + stride * i]}, so one
 * class serves maps with keys and values in two arrays and maps with both interleaved in one.
 * Plain fields, not functions: a capturing lambda per entry set, under the C1 compiler the batch
 * commands run on, is a method-handle call into {@code Unsafe.allocateInstance} (5% of decoding a
 * capture with protocols, bench/README.md).
 */
public final class IndexedEntrySet extends AbstractSet<Map.Entry<String, Object>> {
    private final Object[] keys;
    private final Object[] values;
    private final int size;
    private final int stride;
    private final int keyAt;
    private final int valueAt;

    /** Keys and values in two arrays, entry {@code i} at index {@code i} of each. */
    public static IndexedEntrySet of(String[] keys, Object[] values, int size) {
        return new IndexedEntrySet(keys, values, size, 1, 0, 0);
    }

    /** Key and value interleaved in one array: entry {@code i} at {@code 2i} and {@code 2i + 1}. */
    public static IndexedEntrySet interleaved(Object[] slots, int size) {
        return new IndexedEntrySet(slots, slots, size, 2, 0, 1);
    }

    private IndexedEntrySet(Object[] keys, Object[] values, int size, int stride, int keyAt, int valueAt) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.stride = stride;
        this.keyAt = keyAt;
        this.valueAt = valueAt;
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
                int at = stride * next++;
                return new AbstractMap.SimpleImmutableEntry<>((String) keys[keyAt + at], values[valueAt + at]);
            }
        };
    }
}
