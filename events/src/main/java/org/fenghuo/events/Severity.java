package org.fenghuo.events;

import java.util.Locale;

/**
 * Alert and incident severity, the four levels of Elastic Security with the risk score Elastic
 * gives each by default (21/47/73/99), so our alerts sort and colour like Elastic's.
 */
public enum Severity {
    /** {@code low}: risk score 21; Sigma {@code informational} and {@code low}. */
    LOW(21),
    /** {@code medium}: risk score 47. */
    MEDIUM(47),
    /** {@code high}: risk score 73. */
    HIGH(73),
    /** {@code critical}: risk score 99. */
    CRITICAL(99);

    private final int riskScore;

    Severity(int riskScore) {
        this.riskScore = riskScore;
    }

    /** The default risk score (0-100) for this severity. */
    public int riskScore() {
        return riskScore;
    }

    /** Lower-case name as stored in JSON and shown in Kibana: {@code low}, {@code medium}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The more severe of the two; null counts as nothing. */
    public Severity max(Severity other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }

    /**
     * From a Sigma rule's {@code level}: informational and low give LOW, then medium, high,
     * critical. Case and surrounding blanks are ignored.
     *
     * @throws IllegalArgumentException for anything else, naming the accepted levels
     */
    public static Severity fromSigmaLevel(String level) {
        String l = level == null ? "" : level.trim().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "informational", "low" -> LOW;
            case "medium" -> MEDIUM;
            case "high" -> HIGH;
            case "critical" -> CRITICAL;
            default -> throw new IllegalArgumentException("unknown Sigma level \"" + level
                    + "\": expected informational, low, medium, high or critical");
        };
    }

    /**
     * From a risk score with Elastic's bands: 0-21 LOW, 22-47 MEDIUM, 48-73 HIGH, 74-100 CRITICAL.
     *
     * @throws IllegalArgumentException outside 0-100
     */
    public static Severity fromRiskScore(int score) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("risk score must be 0-100, got " + score);
        }
        return score <= 21 ? LOW : score <= 47 ? MEDIUM : score <= 73 ? HIGH : CRITICAL;
    }

    /** From {@link #value()} or the constant name, any case. @throws IllegalArgumentException otherwise */
    public static Severity parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (Severity s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity \"" + text + "\": expected low, medium, high or critical");
    }
}
