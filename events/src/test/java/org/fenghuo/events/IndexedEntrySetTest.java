package org.fenghuo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class IndexedEntrySetTest {
    @Test
    void twoArraysGiveTheirFirstSizeEntriesInOrder() {
        IndexedEntrySet set = IndexedEntrySet.of(new String[] {"a", "b", "c", null}, new Object[] {1, "two", null, null}, 3);
        assertThat(set).hasSize(3).containsExactly(new SimpleImmutableEntry<>("a", 1),
                new SimpleImmutableEntry<>("b", "two"), new SimpleImmutableEntry<>("c", null));
    }

    @Test
    void interleavedSlotsGiveKeyThenValuePairs() {
        IndexedEntrySet set = IndexedEntrySet.interleaved(new Object[] {"x", 10, "y", Map.of("z", 1), "unused", 0}, 2);
        assertThat(set).hasSize(2).containsExactly(new SimpleImmutableEntry<>("x", 10),
                new SimpleImmutableEntry<>("y", Map.of("z", 1)));
    }

    @Test
    void entriesAreReadOnlyAndTheIteratorEnds() {
        Iterator<Map.Entry<String, Object>> it = IndexedEntrySet.of(new String[] {"k"}, new Object[] {"v"}, 1).iterator();
        Map.Entry<String, Object> entry = it.next();
        assertThatThrownBy(() -> entry.setValue("w")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(it.hasNext()).isFalse();
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
        assertThat(IndexedEntrySet.interleaved(new Object[0], 0)).isEmpty();
    }

    @Test
    void frozenTreeEntriesMatchItsKeysAndValues() {
        Map<String, Object> tree = FrozenTree.of(new java.util.LinkedHashMap<>(Map.of("b", 2, "a", "one")));
        assertThat(tree.entrySet()).containsExactlyInAnyOrderElementsOf(Map.<String, Object>of("a", "one", "b", 2).entrySet());
        tree.forEach((k, v) -> assertThat(tree.get(k)).isEqualTo(v));
    }
}
