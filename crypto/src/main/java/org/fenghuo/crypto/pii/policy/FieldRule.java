package org.fenghuo.crypto.pii.policy;

import java.util.Set;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * A personal field and what happens to it. {@code path} is a dotted ECS name; when it names an
 * object ({@code user}, {@code fenghuo.person}) the rule covers every text value below it.
 * Exactly one of encrypt, mask and drop, optionally with blind_index.
 *
 * @param kind how the value is normalised for the blind index and masked; {@link PiiKind#TEXT} by default
 */
public record FieldRule(String path, PiiKind kind, Set<PiiAction> actions) {

    public FieldRule {
        actions = Set.copyOf(actions);
    }

    public boolean has(PiiAction action) {
        return actions.contains(action);
    }
}
