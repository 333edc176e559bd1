package org.fenghuo.events;

import java.util.Map;

/** Deep immutable copies of JSON-shaped trees (maps, lists, scalars). TODO(helper): implement. */
final class JsonTrees {
    private JsonTrees() {
    }

    static Map<String, Object> immutableCopy(Map<String, Object> tree) {
        throw new UnsupportedOperationException("TODO");
    }

    static Map<String, Map<String, String>> immutableNested(Map<String, Map<String, String>> tree) {
        throw new UnsupportedOperationException("TODO");
    }
}
