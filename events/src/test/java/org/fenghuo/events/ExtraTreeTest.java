package org.fenghuo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class ExtraTreeTest {

    @Test
    void buildsTheSameCanonicalTreeAsACopyOfTheEquivalentMap() {
        ExtraTree tree = ExtraTree.create();
        tree.child("fenghuo").child("netflow").put("version", 9).put("template_id", 256);
        tree.put("observer.ingress.interface.id", "5");
        tree.put("tags_like", List.of("a", "b"));

        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("fenghuo", Map.of("netflow", new LinkedHashMap<>(Map.of("version", 9, "template_id", 256))));
        plain.put("observer.ingress.interface.id", "5");
        plain.put("tags_like", List.of("a", "b"));

        Map<String, Object> built = tree.build();
        assertThat(built).isEqualTo(JsonTrees.immutableCopy(plain));
        assertThat(built.keySet()).containsExactly("fenghuo", "observer", "tags_like");
        assertThat(EcsFieldPath.of("observer.ingress.interface.id").get(event(built))).isEqualTo("5");
    }

    @Test
    void theEventTakesABuiltTreeWithoutCopyingItAndWritesItLikeAnyOther() {
        ExtraTree tree = ExtraTree.create();
        tree.child("fenghuo").child("netflow").put("version", 10).append("interfaceName", "ge-0/0/1")
                .append("interfaceName", "ge-0/0/2");
        Map<String, Object> built = tree.build();
        SecurityEvent fromBuilder = event(built);
        assertThat(fromBuilder.extra()).isSameAs(built);

        // insertion-ordered, as the builder is: Map.of iterates in a per-JVM order
        Map<String, Object> netflow = new LinkedHashMap<>();
        netflow.put("version", 10);
        netflow.put("interfaceName", List.of("ge-0/0/1", "ge-0/0/2"));
        Map<String, Object> plain = Map.of("fenghuo", Map.of("netflow", netflow));
        SecurityEvent fromMap = event(plain);
        assertThat(fromMap.extra()).isNotSameAs(plain);
        assertThat(EcsJsonCodec.toJson(fromBuilder)).isEqualTo(EcsJsonCodec.toJson(fromMap));
        assertThat(fromBuilder).isEqualTo(fromMap);
    }

    @Test
    void theBuiltTreeIsImmutableAtEveryLevel() {
        ExtraTree tree = ExtraTree.create();
        tree.child("a").put("b", 1).append("c", "x").append("c", "y");
        tree.put("list", new ArrayList<>(List.of("v")));
        Map<String, Object> built = tree.build();
        Map<String, Object> a = (Map<String, Object>) built.get("a");

        assertThatThrownBy(() -> built.put("z", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> a.remove("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) a.get("c")).add("z"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<Object>) built.get("list")).add("z"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> built.entrySet().iterator().next().setValue("z"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aListPutIsCopiedSoTheCallerCannotChangeTheEventLater() {
        List<Object> caller = new ArrayList<>(List.of("a"));
        ExtraTree tree = ExtraTree.create().put("list", caller);
        caller.add("b");
        assertThat((List<Object>) tree.build().get("list")).containsExactly("a");
    }

    @Test
    void nullsEmptyListsEmptyMapsAndEmptySubObjectsAreLeftOut() {
        ExtraTree tree = ExtraTree.create();
        tree.put("null", null).put("emptyList", List.of()).put("emptyMap", Map.of());
        tree.child("empty").child("deeper");
        Map<String, Object> onlyNothing = new LinkedHashMap<>();
        onlyNothing.put("n", null);
        onlyNothing.put("l", List.of());
        onlyNothing.put("m", Map.of("deeper", List.of()));
        tree.put("mapOfNothing", onlyNothing);
        tree.put("kept", false);
        assertThat(tree.build()).containsOnlyKeys("kept");
        assertThat(ExtraTree.create().build()).isEmpty();
    }

    @Test
    void aSetOrOtherCollectionIsAnArrayAsJsonTreesTakeIt() {
        Map<String, Object> built = ExtraTree.create().put("s", new java.util.TreeSet<>(List.of("b", "a")))
                .put("q", new java.util.ArrayDeque<>(List.of(1, 2))).build();
        assertThat((List<Object>) built.get("s")).containsExactly("a", "b");
        assertThat((List<Object>) built.get("q")).containsExactly(1, 2);
        assertThat(built).isEqualTo(JsonTrees.immutableCopy(Map.of("s", List.of("a", "b"), "q", List.of(1, 2))));
    }

    @Test
    void listElementsKeepTheirNullsAndPositions() {
        Map<String, Object> built = ExtraTree.create().put("l", Arrays.asList("a", null, 3)).build();
        assertThat((List<Object>) built.get("l")).containsExactly("a", null, 3);
    }

    @Test
    void aMapValueIsCanonicalisedAndAnotherBuildersTreeIsShared() {
        Map<String, Object> shared = ExtraTree.create().put("ingress.interface.id", "1").build();
        Map<String, Object> dotted = new LinkedHashMap<>();
        dotted.put("zone.name", "trust");
        dotted.put("nothing", null);
        Map<String, Object> built = ExtraTree.create().put("observer", shared).put("other", dotted).build();

        assertThat(built.get("observer")).isSameAs(shared);
        assertThat(built.get("other")).isEqualTo(Map.of("zone", Map.of("name", "trust")));
    }

    @Test
    void twoValuesForOneNameAreRefusedNamingThePath() {
        ExtraTree tree = ExtraTree.create();
        tree.child("a").put("b", 1);
        assertThatThrownBy(() -> tree.put("a.b", 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a.b: two values for one field");
        assertThatThrownBy(() -> tree.put("a", "scalar")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a: two values for one field");
        assertThatThrownBy(() -> tree.child("a.b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a.b: two values for one field");
        assertThatThrownBy(() -> tree.append("a", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a: two values for one field");
    }

    @Test
    void badNamesAndValuesAreRefusedNamingThePath() {
        ExtraTree tree = ExtraTree.create();
        ExtraTree deep = tree.child("x").child("y");
        assertThatThrownBy(() -> deep.put("", 1)).hasMessageStartingWith("x.y.\"\": empty field name");
        assertThatThrownBy(() -> deep.put("a..b", 1)).hasMessageStartingWith("x.y.a..b: empty segment");
        assertThatThrownBy(() -> deep.put("when", Instant.EPOCH))
                .hasMessageStartingWith("x.y.when: not a string, number, boolean, list or map: java.time.Instant");
        assertThatThrownBy(() -> deep.put("l", List.of(Instant.EPOCH)))
                .hasMessageContaining("not a JSON value at x.y.l[]");
    }

    @Test
    void aBuilderIsUsedOnce() {
        ExtraTree tree = ExtraTree.create().put("a", 1);
        ExtraTree child = tree.child("c");
        tree.build();
        assertThatThrownBy(() -> tree.put("b", 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> child.put("b", 2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(tree::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyNamesStayFindableAndInOrder() {
        ExtraTree tree = ExtraTree.create();
        for (int i = 0; i < 200; i++) {
            tree.put("f" + i, i);
        }
        assertThatThrownBy(() -> tree.put("f150", 0)).hasMessageStartingWith("f150: two values");
        Map<String, Object> built = tree.build();
        assertThat(built).hasSize(200).containsEntry("f0", 0).containsEntry("f199", 199)
                .doesNotContainKey("f200");
        assertThat(built.keySet()).startsWith("f0", "f1", "f2").endsWith("f198", "f199");
        Map<String, Object> same = new LinkedHashMap<>();
        built.forEach(same::put);
        assertThat(same).isEqualTo(built);
        assertThat(built.hashCode()).isEqualTo(same.hashCode());
    }

    private static SecurityEvent event(Map<String, Object> extra) {
        return new SecurityEvent(Instant.EPOCH, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, extra);
    }
}
