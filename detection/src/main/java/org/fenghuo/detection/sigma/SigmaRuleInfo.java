package org.fenghuo.detection.sigma;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.rule.SigmaRule;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;

/**
 * What a Sigma rule says about itself as an alert source. The GB/T 20986 category is derived from
 * tags and log source, first row that applies (README "category table"):
 *
 * <ol>
 * <li>log source category {@code antivirus}, an ATT&CK software tag ({@code attack.s0154}), or
 * malware words in tags or title (malware, ransomware, trojan, backdoor, botnet, worm, webshell,
 * miner, rootkit, rat) -> MALICIOUS_PROGRAM</li>
 * <li>tactic {@code attack.exfiltration} -> DATA_SECURITY</li>
 * <li>any other ATT&CK tactic or technique tag, or a {@code cve.*} tag -> NETWORK_ATTACK</li>
 * <li>otherwise -> ABNORMAL_BEHAVIOUR</li>
 * </ol>
 */
public final class SigmaRuleInfo {
    private static final Pattern SOFTWARE = Pattern.compile("attack\\.s\\d{4}");
    private static final Pattern MALWARE = Pattern.compile(
            "\\b(malware|ransomware|trojan|backdoor|botnet|worm|webshell|web shell|(coin)?miner|rootkit|rat|infostealer|stealer)\\b");

    private SigmaRuleInfo() {
    }

    /** @throws IllegalArgumentException for a level that is not a Sigma level (the loader rejects the rule) */
    public static RuleInfo of(SigmaRule rule) {
        List<AttackTactic> tactics = new ArrayList<>();
        Set<AttackTechnique> techniques = new LinkedHashSet<>();
        for (String tag : rule.tags()) {
            AttackTactic t = AttackTactic.fromSigmaTag(tag.replace('-', '_'));
            if (t != null && !tactics.contains(t)) {
                tactics.add(t);
            }
            AttackTechnique q = AttackTechnique.fromSigmaTag(tag);
            if (q != null) {
                techniques.add(q);
            }
        }
        Severity severity = rule.level() == null ? Severity.MEDIUM : Severity.fromSigmaLevel(rule.level());
        String version = rule.modified() != null ? rule.modified() : rule.date();
        return new RuleInfo(rule.key(), rule.title(), version, severity, category(rule, tactics, techniques), tactics,
                List.copyOf(techniques));
    }

    static IncidentCategory category(SigmaRule rule, List<AttackTactic> tactics, Set<AttackTechnique> techniques) {
        String text = (rule.title() + " " + String.join(" ", rule.tags())).toLowerCase(Locale.ROOT);
        boolean software = rule.tags().stream().anyMatch(t -> SOFTWARE.matcher(t.toLowerCase(Locale.ROOT)).matches());
        if ("antivirus".equalsIgnoreCase(rule.logsource().category()) || software || MALWARE.matcher(text).find()) {
            return IncidentCategory.MALICIOUS_PROGRAM;
        }
        if (tactics.contains(AttackTactic.EXFILTRATION)) {
            return IncidentCategory.DATA_SECURITY;
        }
        boolean cve = rule.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("cve."));
        if (!tactics.isEmpty() || !techniques.isEmpty() || cve) {
            return IncidentCategory.NETWORK_ATTACK;
        }
        return IncidentCategory.ABNORMAL_BEHAVIOUR;
    }
}
