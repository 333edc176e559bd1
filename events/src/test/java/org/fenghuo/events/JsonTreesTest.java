package org.fenghuo.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class JsonTreesTest {

    @Test
    void copyIsDeepImmutableAndKeepsInsertionOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of("x", "y"));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("second", "s");
        tree.put("first", inner);
        Map<String, Object> copy = JsonTrees.immutableCopy(tree);

        inner.put("late", true);
        assertThat(copy.keySet()).containsExactly("second", "first");
        assertThat(((Map<String, Object>) copy.get("first")).keySet()).containsExactly("z", "a");
        assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<String, Object>) copy.get("first")).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) ((Map<?, ?>) copy.get("first")).get("a")).add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullsEmptyMapsAndEmptyListsAreDroppedFromMapsButNotFromLists() {
        Map<String, Object> tree = new HashMap<>();
        tree.put("null", null);
        tree.put("emptyMap", Map.of());
        tree.put("emptyList", List.of());
        tree.put("onlyNulls", new HashMap<>(Map.of("deep", new HashMap<String, Object>())));
        tree.put("list", new ArrayList<>(Arrays.asList(null, Map.of(), "x")));
        assertThat(JsonTrees.immutableCopy(tree)).containsOnlyKeys("list");
        assertThat((List<Object>) JsonTrees.immutableCopy(tree).get("list")).containsExactly(null, Map.of(), "x");
    }

    @Test
    void dottedKeysAreExpandedAndMerged() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("geo", Map.of("city_name", "杭州"));
        tree.put("geo.country_iso_code", "CN");
        tree.put("a.b.c", 1);
        assertThat(JsonTrees.immutableCopy(tree)).isEqualTo(Map.of(
                "geo", Map.of("city_name", "杭州", "country_iso_code", "CN"),
                "a", Map.of("b", Map.of("c", 1))));
    }

    @Test
    void conflictsAndNonJsonValuesAreRefusedNamingThePath() {
        Map<String, Object> conflict = new LinkedHashMap<>();
        conflict.put("geo", "x");
        conflict.put("geo.city", "y");
        assertThatThrownBy(() -> JsonTrees.immutableCopy(conflict)).hasMessageStartingWith("geo: two values");
        assertThatThrownBy(() -> JsonTrees.immutableCopy(Map.of("t", Map.of("when", Instant.EPOCH))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t.when");
        assertThatThrownBy(() -> JsonTrees.immutableCopy(Map.of("a..b", 1))).hasMessageStartingWith("a..b");
    }

    @Test
    void structuredDataCopyKeepsEmptyElementsAndOrder() {
        Map<String, Map<String, String>> sd = new LinkedHashMap<>();
        sd.put("z@1", Map.of());
        sd.put("a@1", new LinkedHashMap<>(Map.of("k", "v")));
        Map<String, Map<String, String>> copy = JsonTrees.immutableNested(sd);
        assertThat(copy.keySet()).containsExactly("z@1", "a@1");
        assertThat(copy.get("z@1")).isEmpty();
        assertThatThrownBy(() -> copy.get("a@1").put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }
}
