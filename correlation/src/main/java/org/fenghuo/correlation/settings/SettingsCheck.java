package org.fenghuo.correlation.settings;

import java.time.Duration;
import java.util.List;

/**
 * Collects configuration problems, each naming its key, the value and what was expected, so a
 * bad configuration is reported whole instead of one error per start.
 */
public final class SettingsCheck {
    private SettingsCheck() {
    }

    public static void positive(String key, Duration value, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(key + " = " + value + ": expected a duration > 0");
        }
    }

    public static void nonNegative(String key, Duration value, List<String> problems) {
        if (value == null || value.isNegative()) {
            problems.add(key + " = " + value + ": expected a duration >= 0");
        }
    }

    public static void atLeast(String key, long value, long minimum, List<String> problems) {
        if (value < minimum) {
            problems.add(key + " = " + value + ": expected >= " + minimum);
        }
    }

    /** Throws when there is any problem, listing them all under {@code what}. */
    public static void throwIfAny(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + what + ": " + String.join("; ", problems));
        }
    }
}
