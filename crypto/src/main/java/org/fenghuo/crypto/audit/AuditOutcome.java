package org.fenghuo.crypto.audit;

import java.util.Locale;

/** How the audited action ended. Written lower-case in JSON and in the hashed encoding. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome named {@code wire}, or null when it is not one of ours. */
    public static AuditOutcome fromWire(String wire) {
        for (AuditOutcome o : values()) {
            if (o.wireName().equals(wire)) {
                return o;
            }
        }
        return null;
    }
}
