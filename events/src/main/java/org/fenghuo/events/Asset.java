package org.fenghuo.events;

import java.util.List;
import java.util.Objects;

/**
 * Something the city runs and we protect: a server, a PLC, a camera, a network segment's
 * gateway. Enrichment looks events up by IP or hostname to add its criticality and zone.
 * Lists are never null.
 *
 * @param id                     stable inventory id
 * @param name                   human name, e.g. 水务SCADA主站
 * @param ips                    addresses it answers on (IPv4 or IPv6 text)
 * @param hostname               host name, if it has one
 * @param criticality            1 (least) to 5 (most): how much its loss matters; scales risk scores
 * @param zone                   network zone or security domain, e.g. dmz, office, ot
 * @param owner                  responsible unit or person
 * @param criticalInfrastructure true when it is critical information infrastructure (关键信息基础设施)
 * @param tags                   free labels, e.g. water, scada, video
 */
public record Asset(
        String id,
        String name,
        List<String> ips,
        String hostname,
        int criticality,
        String zone,
        String owner,
        boolean criticalInfrastructure,
        List<String> tags) {

    /** @throws IllegalArgumentException when criticality is not 1-5; NullPointerException without an id */
    public Asset {
        Objects.requireNonNull(id, "asset id");
        if (criticality < 1 || criticality > 5) {
            throw new IllegalArgumentException("asset " + id + ": criticality must be 1-5, got " + criticality);
        }
        ips = ips == null ? List.of() : List.copyOf(ips);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
