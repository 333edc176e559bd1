package org.fenghuo.detection.anomaly.thresholds;

import java.util.List;

/**
 * Detector settings read from YAML: the configuration, or every error found (never one at a time).
 *
 * @param config the settings; null when {@code errors} is not empty
 * @param errors each rejected key with its value and what was expected
 */
public record Loaded<T>(T config, List<ThresholdError> errors) {
    public Loaded {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The settings, or an {@link IllegalArgumentException} listing every error (for callers that cannot go on without). */
    public T orThrow() {
        if (!ok()) {
            StringBuilder b = new StringBuilder("invalid detector settings:");
            errors.forEach(e -> b.append("\n  ").append(e.message()));
            throw new IllegalArgumentException(b.toString());
        }
        return config;
    }
}
