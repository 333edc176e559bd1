package org.fenghuo.events;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The names {@link SecurityEvent} models ({@link EcsField}, in document order) as objects and
 * children: the writer (which fields shadow {@code extra}) and the builder's check derive from it,
 * so a field added to {@link EcsField} is known everywhere at once; the codec tests check that the
 * writer and reader agree with it.
 */
final class EcsFields {
    /** Dotted name to field, in document order. */
    static final Map<String, EcsField> BY_NAME;
    /** Object path ("" for the root) to the names of its modelled children (leaves and objects). */
    private static final Map<String, Set<String>> CHILDREN;

    static {
        Map<String, EcsField> byName = new LinkedHashMap<>();
        for (EcsField f : EcsField.values()) {
            byName.put(f.dotted(), f);
        }
        BY_NAME = Collections.unmodifiableMap(byName);
        CHILDREN = children(byName.keySet());
        MODELLED_ROOT = modelledName("");
    }

    /**
     * The modelled names as a tree, for walking an {@code extra} tree beside it: each node knows its
     * dotted path, whether it is a field, and its modelled children when it is an object. A walk looks
     * children up by key in their parent's node, so it never joins a dotted name or hashes a new one
     * per event (the builder's check was 4% of decoding a capture with protocols, bench/README.md).
     */
    record ModelledName(String path, boolean field, Map<String, ModelledName> children) {
        /** True for an object that holds modelled fields (e.g. {@code log}, {@code log.syslog}). */
        boolean object() {
            return !children.isEmpty();
        }
    }

    /** The root of {@link ModelledName}s: its children are the top-level modelled names. */
    static final ModelledName MODELLED_ROOT;

    private EcsFields() {
    }

    /** The modelled children of an object path, e.g. {@code source} gives ip, port, ...; empty when none. */
    static Set<String> childrenOf(String objectPath) {
        return CHILDREN.getOrDefault(objectPath, Set.of());
    }

    /** True when {@code path} is an object that holds modelled fields (e.g. {@code log}, {@code log.syslog}). */
    static boolean isModelledObject(String path) {
        return CHILDREN.containsKey(path);
    }

    private static ModelledName modelledName(String path) {
        Map<String, ModelledName> children = new LinkedHashMap<>();
        for (String child : CHILDREN.getOrDefault(path, Set.of())) {
            children.put(child, modelledName(path.isEmpty() ? child : path + "." + child));
        }
        return new ModelledName(path, BY_NAME.containsKey(path), Map.copyOf(children));
    }

    private static Map<String, Set<String>> children(Set<String> names) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String name : names) {
            String parent = "";
            for (String segment : name.split("\\.")) {
                out.computeIfAbsent(parent, k -> new HashSet<>()).add(segment);
                parent = parent.isEmpty() ? segment : parent + "." + segment;
            }
        }
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        out.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }
}
