package org.fenghuo.events;

import java.util.Locale;

/**
 * MITRE ATT&CK Enterprise tactics, in the matrix's kill-chain order. Stored as
 * {@code threat.tactic.id}, {@code threat.tactic.name}, {@code threat.tactic.reference} (ECS).
 * ICS tactics (TA01xx) are not included.
 */
public enum AttackTactic {
    /** TA0043: gathering information to plan future operations. */
    RECONNAISSANCE("TA0043", "Reconnaissance", "reconnaissance"),
    /** TA0042: establishing resources to support operations. */
    RESOURCE_DEVELOPMENT("TA0042", "Resource Development", "resource-development"),
    /** TA0001: getting into the network. */
    INITIAL_ACCESS("TA0001", "Initial Access", "initial-access"),
    /** TA0002: running malicious code. */
    EXECUTION("TA0002", "Execution", "execution"),
    /** TA0003: keeping a foothold. */
    PERSISTENCE("TA0003", "Persistence", "persistence"),
    /** TA0004: gaining higher-level permissions. */
    PRIVILEGE_ESCALATION("TA0004", "Privilege Escalation", "privilege-escalation"),
    /** TA0005: avoiding being detected. */
    DEFENSE_EVASION("TA0005", "Defense Evasion", "defense-evasion"),
    /** TA0006: stealing account names and passwords. */
    CREDENTIAL_ACCESS("TA0006", "Credential Access", "credential-access"),
    /** TA0007: figuring out the environment. */
    DISCOVERY("TA0007", "Discovery", "discovery"),
    /** TA0008: moving through the environment. */
    LATERAL_MOVEMENT("TA0008", "Lateral Movement", "lateral-movement"),
    /** TA0009: gathering data of interest. */
    COLLECTION("TA0009", "Collection", "collection"),
    /** TA0011: communicating with compromised systems to control them. */
    COMMAND_AND_CONTROL("TA0011", "Command and Control", "command-and-control"),
    /** TA0010: stealing data. */
    EXFILTRATION("TA0010", "Exfiltration", "exfiltration"),
    /** TA0040: manipulating, interrupting or destroying systems and data. */
    IMPACT("TA0040", "Impact", "impact");

    private final String id;
    private final String displayName;
    private final String shortName;

    AttackTactic(String id, String displayName, String shortName) {
        this.id = id;
        this.displayName = displayName;
        this.shortName = shortName;
    }

    /** {@code threat.tactic.id}, e.g. TA0006. */
    public String id() {
        return id;
    }

    /** {@code threat.tactic.name}, e.g. Credential Access. */
    public String displayName() {
        return displayName;
    }

    /** ATT&CK's short name (kill-chain phase), e.g. {@code credential-access}. */
    public String shortName() {
        return shortName;
    }

    /** The Sigma tag, e.g. {@code attack.credential_access}. */
    public String sigmaTag() {
        return "attack." + shortName.replace('-', '_');
    }

    /** {@code threat.tactic.reference}. */
    public String reference() {
        return "https://attack.mitre.org/tactics/" + id + "/";
    }

    /** @throws IllegalArgumentException for an id that is not an Enterprise tactic */
    public static AttackTactic fromId(String id) {
        String t = id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
        for (AttackTactic a : values()) {
            if (a.id.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown ATT&CK Enterprise tactic id \"" + id + "\"");
    }

    /**
     * The tactic a Sigma tag names ({@code attack.credential_access}), or null when the tag is not
     * a tactic tag (e.g. {@code attack.t1110} or {@code cve.2021-44228}).
     */
    public static AttackTactic fromSigmaTag(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        for (AttackTactic a : values()) {
            if (a.sigmaTag().equals(t)) {
                return a;
            }
        }
        return null;
    }

    /**
     * From an id (TA0006), a name (Credential Access), a short name (credential-access), a
     * Sigma tag (attack.credential_access) or the constant name; any case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static AttackTactic parse(String text) {
        String t = text == null ? "" : text.trim();
        String normal = t.toLowerCase(Locale.ROOT).replace(' ', '-').replace('_', '-');
        if (normal.startsWith("attack.")) {
            normal = normal.substring("attack.".length());
        }
        for (AttackTactic a : values()) {
            if (a.id.equalsIgnoreCase(t) || a.shortName.equals(normal)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown ATT&CK Enterprise tactic \"" + text + "\"");
    }
}
