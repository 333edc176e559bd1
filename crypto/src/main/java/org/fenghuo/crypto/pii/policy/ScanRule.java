package org.fenghuo.crypto.pii.policy;

import java.util.Set;
import org.fenghuo.crypto.pii.PiiKind;

/**
 * A free-text field (or every text value under an object path) searched by the detectors; each
 * span found is replaced by its mask or by a sealed token {@code [pii:<kind>:<sealed value>]}.
 *
 * @param index when true, the blind term of every span found goes to {@code fenghuo.pii.terms}
 * @param kinds the detectors to run
 */
public record ScanRule(String path, Replacement replace, boolean index, Set<PiiKind> kinds) {

    /** What replaces a span. */
    public enum Replacement {
        MASK, SEAL
    }

    public ScanRule {
        kinds = Set.copyOf(kinds);
    }
}
