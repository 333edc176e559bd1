package org.fenghuo.correlation.incident;

import java.util.Objects;

/**
 * What happened to an alert: it joins an incident ({@link Kind#ACCEPT}), it repeats an accepted
 * one ({@link Kind#DUPLICATE}, {@code duplicateOf} names that alert), or it is muted
 * ({@link Kind#SUPPRESSED}, {@code reason} says by what). Either way the alert itself is kept by the
 * caller (stored, counted); only incidents leave it out.
 *
 * @param kind        the verdict
 * @param duplicateOf id of the accepted alert this one repeats; only for DUPLICATE
 * @param reason      why it was suppressed or is a duplicate, one line; null for ACCEPT
 */
public record Decision(Kind kind, String duplicateOf, String reason) {
    public enum Kind { ACCEPT, DUPLICATE, SUPPRESSED }

    public static final Decision ACCEPT = new Decision(Kind.ACCEPT, null, null);

    public Decision {
        Objects.requireNonNull(kind, "kind");
    }

    public static Decision duplicate(String ofAlertId, String reason) {
        return new Decision(Kind.DUPLICATE, Objects.requireNonNull(ofAlertId, "duplicateOf"), reason);
    }

    public static Decision suppressed(String reason) {
        return new Decision(Kind.SUPPRESSED, null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean accepted() {
        return kind == Kind.ACCEPT;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ACCEPT -> "ACCEPT";
            case DUPLICATE -> "DUPLICATE(" + duplicateOf + ")";
            case SUPPRESSED -> "SUPPRESSED(" + reason + ")";
        };
    }
}
