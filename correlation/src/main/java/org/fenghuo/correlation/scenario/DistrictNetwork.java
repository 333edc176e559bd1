package org.fenghuo.correlation.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated city district: who is where. Office and server subnets (10.10.1.0/24,
 * 10.10.2.0/24), a DMZ (172.16.10.0/24) with the web server and the SSH bastion, an OT subnet
 * (10.20.0.0/24) with the SCADA server, the engineering workstation and six PLCs (four Modbus/TCP,
 * two S7), and internet peers from the documentation ranges (RFC 5737). The attacker, the C2 server
 * and the exfiltration drop are never used by the background.
 */
public record DistrictNetwork(List<String> workstations, String adminWorkstation, List<String> appServers,
        String resolver, String fileServer, String databaseServer, String webServer, String bastion,
        List<String> dmzHosts, String scada, String engineeringWorkstation, List<String> modbusPlcs,
        List<String> s7Plcs, List<String> internetSites, List<String> internetClients, String attacker, String c2,
        String c2Domain, String exfiltrationDrop, String tunnelDomain) {

    public DistrictNetwork {
        workstations = List.copyOf(workstations);
        appServers = List.copyOf(appServers);
        dmzHosts = List.copyOf(dmzHosts);
        modbusPlcs = List.copyOf(modbusPlcs);
        s7Plcs = List.copyOf(s7Plcs);
        internetSites = List.copyOf(internetSites);
        internetClients = List.copyOf(internetClients);
    }

    /** The one district every scenario uses: 40 workstations, 8 app servers, 30 DMZ hosts, 6 PLCs. */
    public static DistrictNetwork standard() {
        return new DistrictNetwork(range("10.10.1.", 11, 40), "10.10.1.10", range("10.10.2.", 31, 8), "10.10.2.53",
                "10.10.2.20", "10.10.2.40", "172.16.10.10", "172.16.10.22", range("172.16.10.", 11, 30), "10.20.0.10",
                "10.20.0.50", range("10.20.0.", 101, 4), range("10.20.0.", 105, 2), range("192.0.2.", 10, 30),
                range("198.51.100.", 10, 50), "203.0.113.66", "198.51.100.77", "c2-relay.example", "192.0.2.200",
                "exfil-tunnel.example");
    }

    /** The name sshd logs under on app server {@code i} (0-based), as {@code host.hostname}. */
    public static String appServerName(int i) {
        return String.format("app-%02d", i + 1);
    }

    public static final String BASTION_NAME = "bastion";

    /** Every PLC: Modbus first, then S7. */
    public List<String> plcs() {
        List<String> all = new ArrayList<>(modbusPlcs);
        all.addAll(s7Plcs);
        return all;
    }

    /** The web site name of internet site {@code i}. */
    public static String siteName(int i) {
        return "www.site-" + (i + 1) + ".example";
    }

    private static List<String> range(String prefix, int first, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(prefix + (first + i));
        }
        return out;
    }
}
