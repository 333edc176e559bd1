package org.fenghuo.correlation.incident;

import java.time.Instant;
import java.util.List;

/**
 * What {@link LearnedAssets} knows about one address, as data for a checkpoint. Lists are never null.
 *
 * @param ip           the address (canonical text)
 * @param firstSeen    event time of the first observation
 * @param lastSeen     event time of the latest observation
 * @param icsProtocols industrial protocols it serves (modbus, dnp3, s7comm, iec104), sorted
 * @param adminPorts   remote-administration ports it serves to other hosts (22, 3389, 5900, 5985, 5986), sorted
 * @param icsClient    true when it opens industrial-protocol sessions to others (an engineering workstation)
 * @param clients      distinct client addresses seen, kept until {@code manyClients} is reached
 * @param manyClients  true once it has served at least {@code many_clients} distinct clients
 */
public record LearnedHost(String ip, Instant firstSeen, Instant lastSeen, List<String> icsProtocols,
        List<Integer> adminPorts, boolean icsClient, List<String> clients, boolean manyClients) {

    public LearnedHost {
        icsProtocols = icsProtocols == null ? List.of() : List.copyOf(icsProtocols);
        adminPorts = adminPorts == null ? List.of() : List.copyOf(adminPorts);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }
}
