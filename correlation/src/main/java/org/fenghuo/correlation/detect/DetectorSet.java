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

    /**
     * The defaults with these ids only, e.g. {@code only("fenghuo.anomaly.brute_force")}.
     *
     * @throws IllegalArgumentException naming an id no default detector has, and the ids there are
     */
    static DetectorSet only(String... ids) {
        List<String> wanted = List.of(ids);
        List<String> known = AnomalyDetectors.defaults().stream().map(KeyedDetector::id).toList();
        for (String id : wanted) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("anomaly.detectors: no detector with id " + id + "; known: " + known);
            }
        }
        return () -> AnomalyDetectors.defaults().stream().filter(d -> wanted.contains(d.id())).toList();
    }
}
