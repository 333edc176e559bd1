package org.fenghuo.events;

import java.util.Locale;

/** Where an incident is in the analysts' workflow ({@code fenghuo.incident.status}). */
public enum IncidentStatus {
    /** New, nobody has looked yet. */
    OPEN,
    /** An analyst has seen it and owns it. */
    ACKNOWLEDGED,
    /** Being investigated or responded to (a playbook may be running). */
    IN_PROGRESS,
    /** The threat is contained or removed; awaiting review. */
    RESOLVED,
    /** Done, including false positives; new alerts start a new incident. */
    CLOSED;

    /** Lower-case as stored in JSON: open, acknowledged, in_progress, resolved, closed. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True while new matching alerts should join this incident. */
    public boolean isActive() {
        return this != CLOSED;
    }

    /** From {@link #value()} or the constant name, any case; {@code in-progress} also works. */
    public static IncidentStatus parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (IncidentStatus s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown incident status \"" + text
                + "\": expected open, acknowledged, in_progress, resolved or closed");
    }
}
