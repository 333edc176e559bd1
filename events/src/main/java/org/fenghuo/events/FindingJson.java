package org.fenghuo.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The parts alert and incident documents share, written the same way ({@link AlertJson}, {@link IncidentJson}). */
final class FindingJson {
    private FindingJson() {
    }

    /** {@code threat.*} with the ATT&amp;CK tactics and techniques; nothing when there are none. */
    static void writeThreat(LazyJsonOut o, List<AttackTactic> tactics, List<AttackTechnique> techniques)
            throws IOException {
        if (tactics.isEmpty() && techniques.isEmpty()) {
            return;
        }
        List<String> tacticIds = new ArrayList<>();
        List<String> tacticNames = new ArrayList<>();
        tactics.forEach(t -> {
            tacticIds.add(t.id());
            tacticNames.add(t.displayName());
        });
        List<String> techniqueIds = new ArrayList<>();
        List<String> techniqueNames = new ArrayList<>();
        techniques.forEach(t -> {
            techniqueIds.add(t.id());
            if (t.name() != null) {
                techniqueNames.add(t.name());
            }
        });
        o.open("threat");
        o.str("framework", "MITRE ATT&CK");
        o.open("tactic");
        o.strList("id", tacticIds);
        o.strList("name", tacticNames);
        o.close();
        o.open("technique");
        o.strList("id", techniqueIds);
        o.strList("name", techniqueNames);
        o.close();
        o.close();
    }

    /** ECS puts every address, user and host in {@code related.*} so Kibana's pivots work across indices. */
    static void writeRelated(LazyJsonOut o, Entities e) throws IOException {
        List<String> ips = new ArrayList<>(e.sourceIps());
        for (String ip : e.destinationIps()) {
            if (!ips.contains(ip)) {
                ips.add(ip);
            }
        }
        o.open("related");
        o.strList("ip", ips);
        o.strList("user", e.users());
        o.strList("hosts", e.hosts());
        o.close();
    }

    /** {@code fenghuo.entities} keeps the roles that {@code related.*} loses. */
    static void writeEntities(LazyJsonOut o, Entities e) throws IOException {
        o.open("entities");
        o.strList("source_ip", e.sourceIps());
        o.strList("destination_ip", e.destinationIps());
        o.strList("user", e.users());
        o.strList("host", e.hosts());
        o.close();
    }

    /** The GB/T 20986 category: code and names; nothing when unclassified. */
    static void writeCategory(LazyJsonOut o, IncidentCategory category) throws IOException {
        if (category == null) {
            return;
        }
        o.open("category");
        o.str("code", category.code());
        o.str("name", category.chineseName());
        o.str("name_en", category.englishName());
        o.close();
    }
}
