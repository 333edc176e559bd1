package org.fenghuo.correlation.incident;

import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;

/**
 * How many of an incident's alerts point to a GB/T 20986 category at one severity: what the
 * category choice reads, kept as data in the incident state.
 */
public record CategoryCount(IncidentCategory category, Severity severity, int count) {
}
