package org.fenghuo.events;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable JSON-shaped map already in {@link JsonTrees}' canonical form. Only {@link JsonTrees}
 * and {@link ExtraTree} make one, after checking every entry, so {@link SecurityEvent} can take it as
 * its {@code extra} without the deep copy it makes of any other map.
 *
 * <p>Entries sit in insertion order in two arrays: most trees have a handful of names, where a scan
 * is cheaper to build and to read than a hash table. A larger one gets a hash index on first lookup.
 */
final class FrozenTree extends AbstractMap<String, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    static final FrozenTree EMPTY = new FrozenTree(new Object[0], 0);
    /** Above this many names, {@link #get} builds a hash index instead of scanning. */
    private static final int SCAN_MAX = 12;

    /** Name at 2i, value at 2i+1, insertion order. */
    private final Object[] slots;
    private final int size;
    /** Name to position, built on the first lookup of a large tree; racy but idempotent. */
    private transient volatile Map<String, Integer> index;

    /** Takes ownership of {@code slots} (its first {@code size} pairs): the caller must not keep or change it. */
    FrozenTree(Object[] slots, int size) {
        this.slots = slots;
        this.size = size;
    }

    static FrozenTree of(Map<String, Object> canonical) {
        if (canonical.isEmpty()) {
            return EMPTY;
        }
        Object[] slots = new Object[2 * canonical.size()];
        int i = 0;
        for (Entry<String, Object> e : canonical.entrySet()) {
            slots[2 * i] = e.getKey();
            slots[2 * i++ + 1] = e.getValue();
        }
        return new FrozenTree(slots, i);
    }

    @Override
    public Object get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : slots[2 * at + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        if (size > SCAN_MAX) {
            Integer at = index().get(key);
            return at == null ? -1 : at;
        }
        for (int i = 0; i < size; i++) {
            if (slots[2 * i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private Map<String, Integer> index() {
        Map<String, Integer> built = index;
        if (built == null) {
            built = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                built.put((String) slots[2 * i], i);
            }
            index = built;
        }
        return built;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < size; i++) {
            action.accept((String) slots[2 * i], slots[2 * i + 1]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return IndexedEntrySet.interleaved(slots, size);
    }
}
