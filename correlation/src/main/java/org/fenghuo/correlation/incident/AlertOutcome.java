package org.fenghuo.correlation.incident;

import org.fenghuo.events.Incident;

/**
 * What {@link IncidentBuilder#process} did with one alert.
 *
 * @param decision       ACCEPT, DUPLICATE (of which alert) or SUPPRESSED (why)
 * @param incident       the new version of the incident it joined or opened; null unless accepted
 * @param alertCount     alerts in that incident so far (its id list stops at {@code max_alert_ids}); 0 unless accepted
 * @param classification the incident's GB/T 20986 classification; null unless accepted
 * @param risk           the incident's risk score with its parts; null unless accepted
 */
public record AlertOutcome(Decision decision, Incident incident, long alertCount, Classification classification,
        RiskScore risk) {
}
