package org.fenghuo.detection.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.fenghuo.detection.anomaly.auth.BruteForceConfig;
import org.fenghuo.detection.anomaly.auth.BruteForceDetector;
import org.fenghuo.detection.anomaly.ics.IcsCommandConfig;
import org.fenghuo.detection.anomaly.SyntheticTraffic.KeyDriver;
import org.fenghuo.detection.anomaly.ics.IcsCommandDetector;
import org.fenghuo.detection.anomaly.scan.PortScanConfig;
import org.fenghuo.detection.anomaly.scan.PortScanDetector;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

/** A checkpoint in the middle of an attack (state serialised and restored) changes nothing. */
class StateSerializationTest {

    @Test
    void everyDetectorResumesFromARestoredStateWithTheSameAlerts() throws Exception {
        List<SecurityEvent> scan = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            scan.add(Events.refused("s" + i, i * 100L, "10.0.0.66", "10.0.0.9", 1000 + i));
        }
        List<SecurityEvent> auth = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            auth.add(Events.auth("a" + i, i * 1_000L, "203.0.113.7", "root", "failure"));
        }
        auth.add(Events.auth("ok", 20_000, "203.0.113.7", "root", "success"));
        List<SecurityEvent> ics = List.of(Events.ics("i0", 0, "10.20.0.99", "10.30.0.1", "modbus", 6, "w", true),
                Events.ics("i1", 1, "10.20.0.99", "10.30.0.1", "modbus", 6, "w", true),
                Events.ics("i2", 2, "10.20.0.99", "10.30.0.1", "modbus", 16, "w", true));
        check(PortScanDetector.vertical(PortScanConfig.defaults()), "10.0.0.66", scan, 15);
        check(BruteForceDetector.successAfterBruteForce(BruteForceConfig.defaults()), "203.0.113.7", auth, 6);
        check(new IcsCommandDetector(IcsCommandConfig.defaults()), "10.20.0.99", ics, 1);
    }

    /** Runs all events on one state, and again with a serialise/restore after {@code split} events. */
    private static <S extends Serializable> void check(KeyedDetector<S> d, String key, List<SecurityEvent> events,
            int split) throws Exception {
        KeyDriver<S> straight = new KeyDriver<>(d, key);
        events.forEach(straight::accept);
        KeyDriver<S> resumed = new KeyDriver<>(d, key);
        events.subList(0, split).forEach(resumed::accept);
        resumed.state = roundTrip(resumed.state);
        events.subList(split, events.size()).forEach(resumed::accept);
        assertThat(straight.alerts).isNotEmpty();
        assertThat(resumed.alerts).extracting(Alert::id).isEqualTo(straight.alerts.stream().map(Alert::id).toList());
    }

    @SuppressWarnings("unchecked")
    private static <S> S roundTrip(S state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (S) in.readObject();
        }
    }
}
