package org.fenghuo.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EcsModelledNamesTest {
    @Test
    void theTreeHoldsEveryModelledFieldOnceAtItsDottedPath() {
        Set<String> fields = new HashSet<>();
        Set<String> objects = new HashSet<>();
        walk(EcsFields.MODELLED_ROOT, fields, objects);
        assertThat(fields).isEqualTo(EcsFields.BY_NAME.keySet());
        assertThat(objects).contains("source", "log.syslog", "fenghuo.ics", "dns.question").doesNotContain("source.ip");
        for (String object : objects) {
            assertThat(EcsFields.isModelledObject(object)).as(object).isTrue();
        }
    }

    private static void walk(EcsFields.ModelledName node, Set<String> fields, Set<String> objects) {
        node.children().forEach((key, child) -> {
            assertThat(child.path()).isEqualTo(node.path().isEmpty() ? key : node.path() + "." + key);
            if (child.field()) {
                assertThat(fields.add(child.path())).as("once: %s", child.path()).isTrue();
            }
            if (child.object()) {
                objects.add(child.path());
                assertThat(EcsFields.childrenOf(child.path())).isEqualTo(child.children().keySet());
            }
            walk(child, fields, objects);
        });
    }
}
