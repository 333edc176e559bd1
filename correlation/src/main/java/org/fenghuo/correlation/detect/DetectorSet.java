package org.fenghuo.correlation.detect;

import java.io.Serializable;
import java.util.List;

import org.fenghuo.detection.anomaly.AnomalyDetectors;
import org.fenghuo.detection.anomaly.KeyedDetector;

/**
 * Builds the anomaly detectors on the task manager. Detectors are not {@link Serializable} (they
 * hold configuration and Micrometer counters), so the job graph carries this factory instead, e.g.
 * {@code DetectorSet.defaults()} or {@code () -> List.of(PortScanDetector.horizontal(cfg))}. Every
 * call must give detectors with the same ids: ids name the state and are part of the key.
 */
@FunctionalInterface
public interface DetectorSet extends Serializable {
    List<KeyedDetector<?>> create();

    /** All of {@link AnomalyDetectors#defaults()}. */
    static DetectorSet defaults() {
        return AnomalyDetectors::defaults;
    }
}
