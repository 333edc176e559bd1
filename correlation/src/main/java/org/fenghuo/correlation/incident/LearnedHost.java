package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link LearnedAssets} holds about one address, as data for a checkpoint.
 *
 * @param learned  the facts and since when each holds
 * @param lastSeen event time of the latest observation (forgetting counts from it)
 * @param clients  the distinct clients with the earliest first contact, at most {@code many_clients}
 *                 of them, each with that time: the {@code many_clients}-th earliest is when it became a server
 */
public record LearnedHost(LearnedAsset learned, Instant lastSeen, Map<String, Instant> clients) {
    public LearnedHost {
        clients = clients == null ? Map.of() : new TreeMap<>(clients);
    }
}
