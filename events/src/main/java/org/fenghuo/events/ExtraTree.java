package org.fenghuo.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link SecurityEvent#extra()} tree that is already in canonical form (see
 * {@link JsonTrees}): the record then takes it as it is instead of deep-copying it, which was most
 * of the cost of an event for high-rate sources such as flow exporters.
 *
 * <p>Checks happen as values go in: a name is one or more non-empty segments ({@code "a.b"} is
 * {@code a} then {@code b}); a value is a string, number, boolean, collection (an array) or map (copied and checked
 * like any tree, except a tree built by another {@code ExtraTree}, which is immutable and so shared);
 * null and empty lists and maps are left out; two values for one name are refused unless
 * {@link #append} asked for a list. Sub-objects that end up empty are left out by {@link #build}.
 * A builder is used once: {@link #build} freezes it.
 */
public final class ExtraTree {
    /**
     * Insertion-ordered names and values, interleaved (name at 2i, value at 2i+1): one array per
     * level, and a scan beats hashing for the few names a level has.
     */
    private Object[] slots;
    private int size;
    /** One bit per name hash (mod 64): a name whose bit is clear is not here, with no scan. */
    private long hashBits;
    /** True once a value needs freezing at {@link #build}: a sub-object or an appended list. */
    private boolean unfrozen;
    /** Where this level sits, for error messages only: the path string is built when one is needed. */
    private final ExtraTree parent;
    private final String name;
    private boolean built;

    private ExtraTree(ExtraTree parent, String name, int expectedSize) {
        this.parent = parent;
        this.name = name;
        this.slots = new Object[2 * Math.max(2, expectedSize)];
    }

    public static ExtraTree create() {
        return new ExtraTree(null, "", 2);
    }

    /** The sub-object at {@code name}, created when absent. */
    public ExtraTree child(String name) {
        return child(name, 4);
    }

    /** {@link #child(String)}, sized for about {@code expectedSize} entries. */
    public ExtraTree child(String name, int expectedSize) {
        if (isSegment(name)) {
            return childAt(name, expectedSize);
        }
        ExtraTree at = this;
        for (String segment : JsonTrees.splitKey(name, path())) {
            at = at.childAt(segment, expectedSize);
        }
        return at;
    }

    /**
     * Sets {@code name} to a string, number, boolean, list or map; null and an empty list or map are
     * left out. A map is a finished value: later puts below {@code name} are refused, use {@link #child}.
     */
    public ExtraTree put(String name, Object value) {
        return store(name, value, false);
    }

    /** Like {@link #put}, but a second value for the same name makes the field a list of both, in order. */
    public ExtraTree append(String name, Object value) {
        return store(name, value, true);
    }

    private ExtraTree store(String name, Object value, boolean append) {
        Object checked = checked(name, value);
        if (checked == null) {
            return this;
        }
        ExtraTree parent = this;
        String leaf = name;
        if (!isSegment(name)) {
            String[] segments = JsonTrees.splitKey(name, path());
            parent = parentOf(segments);
            leaf = segments[segments.length - 1];
        }
        if (append) {
            parent.appendLeaf(leaf, checked);
        } else {
            parent.putLeaf(leaf, checked);
        }
        return this;
    }

    /** Freezes the tree; sub-objects left empty are dropped. */
    public Map<String, Object> build() {
        checkOpen();
        built = true;
        if (size == 0) {
            return FrozenTree.EMPTY;
        }
        int kept = unfrozen ? 0 : size;
        for (int i = kept; i < size; i++) {
            Object v = slots[2 * i + 1];
            // exact-class tests: an interface test (List) on every scalar costs a scan of its supertypes
            Class<?> type = v.getClass();
            if (type == ExtraTree.class) {
                v = ((ExtraTree) v).build();
                if (((FrozenTree) v).isEmpty()) {
                    continue;
                }
            } else if (type == Appended.class) {
                v = Collections.unmodifiableList((Appended) v);
            }
            slots[2 * kept] = slots[2 * i];
            slots[2 * kept++ + 1] = v;
        }
        if (kept == 0) {
            return FrozenTree.EMPTY;
        }
        // the array passes to the frozen tree; this builder refuses any further use
        FrozenTree frozen = new FrozenTree(slots, kept);
        slots = null;
        return frozen;
    }

    private ExtraTree childAt(String segment, int expectedSize) {
        int at = indexOf(segment);
        if (at >= 0) {
            if (slots[2 * at + 1] instanceof ExtraTree tree) {
                return tree;
            }
            throw new JsonTrees.PathException(join(segment), "two values for one field (a value and an object)");
        }
        ExtraTree tree = new ExtraTree(this, segment, expectedSize);
        add(segment, tree);
        unfrozen = true;
        return tree;
    }

    private void putLeaf(String leaf, Object value) {
        if (indexOf(leaf) >= 0) {
            throw new JsonTrees.PathException(join(leaf),
                    "two values for one field (a repeated key, or dotted and nested forms)");
        }
        add(leaf, value);
    }

    private void appendLeaf(String leaf, Object value) {
        int at = indexOf(leaf);
        if (at < 0) {
            add(leaf, value);
            return;
        }
        Object existing = slots[2 * at + 1];
        if (existing instanceof ExtraTree) {
            throw new JsonTrees.PathException(join(leaf), "two values for one field (an object and a value)");
        }
        if (existing instanceof Appended list) {
            list.add(value);
        } else {
            Appended list = new Appended();
            list.add(existing);
            list.add(value);
            slots[2 * at + 1] = list;
            unfrozen = true;
        }
    }

    private int indexOf(String name) {
        checkOpen();
        int hash = name.hashCode();
        if ((hashBits & (1L << hash)) == 0) {
            return -1;
        }
        for (int i = 0; i < size; i++) {
            Object key = slots[2 * i];
            // names are mostly the caller's constants, their hashes cached: identity, then hash, then text
            if (key == name || key.hashCode() == hash && key.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void add(String name, Object value) {
        if (2 * size == slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        slots[2 * size] = name;
        slots[2 * size++ + 1] = value;
        hashBits |= 1L << name.hashCode();
    }

    private Object checked(String name, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Collection<?> list) {
            // any collection, as JsonTrees takes them (a set is an array, in its iteration order);
            // complete when put, so frozen now; build() then only has sub-objects and appended lists to freeze
            return list.isEmpty() ? null : JsonTrees.freeze(JsonTrees.copyValue(list, join(name)));
        }
        if (value instanceof FrozenTree tree) {
            // already canonical and immutable (another builder's result): shared, not copied
            return tree.isEmpty() ? null : tree;
        }
        if (value instanceof Map<?, ?> map) {
            Object frozen = map.isEmpty() ? null : JsonTrees.freeze(JsonTrees.copyValue(map, join(name)));
            // a map of nulls and empty values copies to an empty one: left out like any empty map
            return frozen instanceof Map<?, ?> copy && copy.isEmpty() ? null : frozen;
        }
        throw new JsonTrees.PathException(join(name),
                "not a string, number, boolean, list or map: " + value.getClass().getName());
    }

    private ExtraTree parentOf(String[] segments) {
        ExtraTree at = this;
        for (int i = 0; i < segments.length - 1; i++) {
            at = at.childAt(segments[i], 4);
        }
        return at;
    }

    private static boolean isSegment(String name) {
        return !name.isEmpty() && name.indexOf('.') < 0;
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("this tree has been built; make a new one");
        }
    }

    private String path() {
        return parent == null ? "" : parent.join(name);
    }

    private String join(String child) {
        String path = path();
        return path.isEmpty() ? child : path + "." + child;
    }

    /** The list {@link #append} grows; a type of its own so a list put as a value is never appended to. */
    private static final class Appended extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }
}
