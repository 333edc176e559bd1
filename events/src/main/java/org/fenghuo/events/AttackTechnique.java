package org.fenghuo.events;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A MITRE ATT&CK technique or sub-technique. Stored as {@code threat.technique.id} and
 * {@code threat.technique.name}, or under {@code threat.technique.subtechnique.*} for a
 * sub-technique (ECS). The id is validated in shape only; whether it exists in the current
 * ATT&CK release is not checked (techniques are added and revoked every release).
 *
 * @param id   {@code threat.technique.id}: {@code T} and four digits, optionally {@code .} and three ({@code T1110.001})
 * @param name {@code threat.technique.name}: e.g. Password Guessing; null when not known
 */
public record AttackTechnique(String id, String name) {
    private static final Pattern ID = Pattern.compile("T\\d{4}(\\.\\d{3})?");

    /** @throws IllegalArgumentException when the id is not {@code Tnnnn} or {@code Tnnnn.nnn} */
    public AttackTechnique {
        Objects.requireNonNull(id, "threat.technique.id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an ATT&CK technique id: \"" + id + "\" (expected T1234 or T1234.001)");
        }
    }

    /** A technique known by id only. */
    public static AttackTechnique of(String id) {
        return new AttackTechnique(id, null);
    }

    /** True for a well-formed id, e.g. to check input without catching. */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * The technique a Sigma tag names ({@code attack.t1110.001}), or null when the tag is not a
     * technique tag (e.g. {@code attack.credential_access}, {@code attack.g0007}).
     */
    public static AttackTechnique fromSigmaTag(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.trim();
        if (!t.regionMatches(true, 0, "attack.", 0, "attack.".length())) {
            return null;
        }
        String id = t.substring("attack.".length()).toUpperCase(Locale.ROOT);
        return isValidId(id) ? of(id) : null;
    }

    public boolean isSubTechnique() {
        return id.length() > 5;
    }

    /** {@code T1110} for {@code T1110.001}; the id itself for a technique. */
    public String parentId() {
        return id.substring(0, 5);
    }

    /** {@code threat.technique.reference}: e.g. https://attack.mitre.org/techniques/T1110/001/. */
    public String reference() {
        return "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
    }
}
