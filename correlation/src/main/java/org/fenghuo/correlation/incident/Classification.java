package org.fenghuo.correlation.incident;

import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.WarningLevel;

/**
 * An incident's GB/T 20986-2023 classification.
 *
 * @param category     {@code fenghuo.incident.category}
 * @param level        1-4 for levels I-IV
 * @param warningLevel the warning colour of that level (I RED, II ORANGE, III YELLOW, IV BLUE)
 */
public record Classification(IncidentCategory category, int level, WarningLevel warningLevel) {

    /** I, II, III or IV. */
    public String gbLevel() {
        return warningLevel.gbLevel();
    }
}
