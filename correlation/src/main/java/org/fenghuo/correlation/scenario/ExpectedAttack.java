package org.fenghuo.correlation.scenario;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fenghuo.events.AttackTactic;

/**
 * What the scenario's attack is and what must be found: its stages, who attacked whom, and the
 * correlation alerts the built-in pack raises (with detection's default thresholds and the scenario's
 * {@link DistrictScenario#packSettings()}).
 *
 * @param attacker         the external attacker ({@code source.ip} of the scan, brute force, login)
 * @param foothold         the compromised bastion ({@code source.ip} of everything after the login)
 * @param footholdName     its {@code host.hostname}
 * @param user             the account brute-forced and then used
 * @param c2               the C2 server (listed in {@link DistrictScenario#indicators()})
 * @param c2Domain         its domain (listed too)
 * @param exfiltrationDrop where the data goes
 * @param engineeringHost  the engineering workstation the attacker opens a session to
 * @param writtenPlcs      the critical PLCs written to: Modbus first, then S7
 * @param stages           in time order
 */
public record ExpectedAttack(String attacker, String foothold, String footholdName, String user, String c2,
        String c2Domain, String exfiltrationDrop, String engineeringHost, List<String> writtenPlcs, List<Stage> stages) {

    /**
     * One stage.
     *
     * @param name             e.g. {@code scan}
     * @param start            its first event
     * @param end              its last event
     * @param source           who acts ({@code source.ip})
     * @param targets          what it acts on (addresses or host names)
     * @param detectorRuleIds  detection's rules that alert on it (defaults)
     * @param tactics          ATT&CK tactics of the stage
     * @param correlationRuleId the pack rule this stage completes, or null
     * @param correlationAt    when that correlation alert is timed, or null
     */
    public record Stage(String name, Instant start, Instant end, String source, List<String> targets,
            List<String> detectorRuleIds, List<AttackTactic> tactics, String correlationRuleId, Instant correlationAt) {
        public Stage {
            targets = List.copyOf(targets);
            detectorRuleIds = List.copyOf(detectorRuleIds);
            tactics = List.copyOf(tactics);
        }
    }

    public ExpectedAttack {
        writtenPlcs = List.copyOf(writtenPlcs);
        stages = List.copyOf(stages);
    }

    /** The pack rules that must fire, each exactly once, in the order they fire. */
    public List<String> correlationRuleIds() {
        return stages.stream().filter(s -> s.correlationRuleId() != null)
                .sorted(java.util.Comparator.comparing(Stage::correlationAt))
                .map(Stage::correlationRuleId).toList();
    }

    /** Every tactic of the attack. */
    public Set<AttackTactic> tactics() {
        Set<AttackTactic> all = new LinkedHashSet<>();
        stages.forEach(s -> all.addAll(s.tactics()));
        return all;
    }

    /** The detector rules that alert on the attack. */
    public Set<String> detectorRuleIds() {
        Set<String> all = new LinkedHashSet<>();
        stages.forEach(s -> all.addAll(s.detectorRuleIds()));
        return all;
    }

    public Instant start() {
        return stages.get(0).start();
    }

    public Instant end() {
        return stages.stream().map(Stage::end).max(Instant::compareTo).orElseThrow();
    }
}
