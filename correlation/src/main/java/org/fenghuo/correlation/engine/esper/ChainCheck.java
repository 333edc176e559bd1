package org.fenghuo.correlation.engine.esper;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fenghuo.detection.sigma.correlation.SigmaCorrelation;

/** Finds correlations in a chain (referring to another correlation, or referred to by one). */
final class ChainCheck {
    private ChainCheck() {
    }

    /**
     * Both ends of every chain: running the referred one alone would alert where detection's engine
     * only feeds the referring one, so both are refused together.
     */
    static Set<SigmaCorrelation> chained(List<SigmaCorrelation> correlations) {
        Set<SigmaCorrelation> out = new HashSet<>();
        for (SigmaCorrelation c : correlations) {
            for (SigmaCorrelation other : correlations) {
                if (other != c && other.rules().stream().anyMatch(c::isReferencedBy)) {
                    out.add(c);
                    out.add(other);
                }
            }
        }
        return out;
    }
}
