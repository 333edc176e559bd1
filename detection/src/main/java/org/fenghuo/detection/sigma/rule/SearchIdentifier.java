package org.fenghuo.detection.sigma.rule;

import java.util.List;

/**
 * A named search of the detection: an OR of alternatives, each an AND of items. A map is one
 * alternative; a list of maps is one alternative per map; a list of plain values is one keyword
 * item.
 *
 * @param name         the search identifier, e.g. {@code selection_img}
 * @param alternatives OR-ed; each one's items are AND-ed
 * @param line         the line of the identifier's key
 */
public record SearchIdentifier(String name, List<List<DetectionItem>> alternatives, int line) {
    public SearchIdentifier {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }
}
