package org.fenghuo.detection.anomaly.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.anomaly.Events.ics;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.detection.anomaly.RecordingContext;
import org.fenghuo.detection.anomaly.support.SettingsResult;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class IcsCommandDetectorTest {
    private static final String EWS = "10.10.0.5";
    private static final String INTRUDER = "10.20.0.99";
    private static final String PLC = "10.30.0.1";
    private static final IcsCommandConfig CONFIG = IcsCommandConfig.fromYaml("ics.yml", """
            window: 10m
            allow: [10.10.0.0/29]
            protocols:
              s7comm:
                allow: [10.40.0.7]
            """).value();

    private static List<Alert> run(SecurityEvent... events) {
        return DetectorRunner.run(new IcsCommandDetector(CONFIG), List.of(events));
    }

    @Test
    void modbusWriteFromOutsideTheAllowlistIsHighAndFromTheWorkstationIsQuiet() {
        List<Alert> alerts = run(ics("w1", 0, INTRUDER, PLC, "modbus", 6, "write_single_register", true),
                ics("w2", 1_000, EWS, PLC, "modbus", 6, "write_single_register", true));
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.ruleId()).isEqualTo("fenghuo.anomaly.ics.unauthorized_command");
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.techniques()).extracting(t -> t.id()).containsExactly("T0855", "T0836");
        assertThat(a.eventIds()).containsExactly("w1");
        assertThat(a.message()).contains("10.20.0.99", "write_single_register (code 6)", "to 10.30.0.1 unit 1",
                "address 100");
    }

    @Test
    void readsAndMonitoringAreQuietFromAnyone() {
        assertThat(run(ics("r1", 0, INTRUDER, PLC, "modbus", 3, "read_holding_registers", false),
                ics("r2", 0, INTRUDER, PLC, "dnp3", 1, "read", false),
                ics("r3", 0, INTRUDER, PLC, "dnp3", 129, "response", false),
                ics("r4", 0, INTRUDER, PLC, "iec104", 100, "C_IC_NA_1", true),
                ics("r5", 0, INTRUDER, PLC, "s7comm", 4, "read-var", false),
                ics("r6", 0, INTRUDER, PLC, "modbus", 8, "diagnostics", false),
                ics("r7", 0, INTRUDER, PLC, "bacnet", 15, "write-property", true))).isEmpty();
    }

    @Test
    void eachProtocolsControlFunctionsFireWithTheirClass() {
        List<Alert> alerts = run(ics("d", 0, INTRUDER, PLC, "dnp3", 5, "direct_operate", true),
                ics("r", 0, INTRUDER, PLC, "dnp3", 13, "cold_restart", true),
                ics("s", 0, INTRUDER, PLC, "s7comm", 0x29, "plc-stop", true),
                ics("p", 0, INTRUDER, PLC, "s7comm", 0x1B, "download-block", true),
                ics("i", 0, INTRUDER, PLC, "iec104", 45, "C_SC_NA_1", true),
                ics("m", 0, INTRUDER, PLC, "modbus", 8, "diagnostics", true));
        assertThat(alerts).extracting(a -> a.eventIds().get(0) + " " + a.severity() + " " + a.techniques().get(1).id())
                .containsExactly("d HIGH T0831", "r CRITICAL T0816", "s CRITICAL T0816", "p CRITICAL T0843",
                        "i HIGH T0831", "m CRITICAL T0816");
    }

    @Test
    void perProtocolAllowlistOnlyCoversItsProtocol() {
        assertThat(run(ics("s", 0, "10.40.0.7", PLC, "s7comm", 5, "write-var", true))).isEmpty();
        assertThat(run(ics("m", 0, "10.40.0.7", PLC, "modbus", 16, "write_multiple_registers", true))).hasSize(1);
        assertThat(run(ics("e", 0, "10.10.0.7", PLC, "dnp3", 2, "write", true))).isEmpty(); // in 10.10.0.0/29
        assertThat(run(ics("e", 0, "10.10.0.8", PLC, "dnp3", 2, "write", true))).hasSize(1); // just outside
    }

    @Test
    void oneAlertPerSourceTargetAndFunctionPerWindow() {
        List<SecurityEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(ics("a" + i, i * 1_000L, INTRUDER, PLC, "modbus", 6, "write_single_register", true));
        }
        events.add(ics("b", 50_000, INTRUDER, PLC, "modbus", 16, "write_multiple_registers", true)); // other function
        events.add(ics("c", 50_000, INTRUDER, "10.30.0.2", "modbus", 6, "write_single_register", true)); // other PLC
        events.add(ics("d", 600_000, INTRUDER, PLC, "modbus", 6, "write_single_register", true)); // window over
        events.add(ics("e", 600_001, INTRUDER, PLC, "modbus", 6, "write_single_register", true));
        assertThat(DetectorRunner.run(new IcsCommandDetector(CONFIG), events)).extracting(a -> a.eventIds().get(0))
                .containsExactly("a0", "b", "c", "d");
    }

    @Test
    void suppressionStateIsBoundedAndExpires() {
        IcsCommandConfig small = IcsCommandConfig.fromYaml("t", "max_suppressed: 8").value();
        IcsCommandDetector detector = new IcsCommandDetector(small);
        IcsCommandState state = detector.newState();
        RecordingContext context = new RecordingContext(INTRUDER);
        for (int i = 0; i < 1_000; i++) {
            detector.onEvent(ics("x" + i, i, INTRUDER, "10.30." + (i / 250) + "." + (i % 250), "modbus", 6,
                    "write_single_register", true), state, context);
        }
        assertThat(state.entriesHeld()).isEqualTo(8);
        assertThat(state.dropped).isEqualTo(992);
        assertThat(context.timers).hasSize(1);

        DetectorRunner<IcsCommandState> runner = new DetectorRunner<>(new IcsCommandDetector(CONFIG), 0, a -> { });
        runner.accept(ics("y", 0, INTRUDER, PLC, "modbus", 6, "write_single_register", true));
        runner.accept(ics("z", 1, EWS, PLC, "modbus", 3, "read_holding_registers", false));
        assertThat(runner.keys()).isEqualTo(1); // only the intruder; reads get no key
        runner.accept(ics("w", 600_000, INTRUDER, "10.30.0.9", "modbus", 6, "write_single_register", true));
        runner.accept(ics("v", 1_200_000, EWS, PLC, "modbus", 6, "write_single_register", true));
        runner.advanceTo(1_200_000 + org.fenghuo.detection.anomaly.Events.T0.toEpochMilli());
        assertThat(runner.keys()).isZero();
        assertThat(runner.pendingTimers()).isZero();
    }

    @Test
    void yamlProblemsNameKeyValueAndExpectationAndKeepDefaults() {
        SettingsResult<IcsCommandConfig> r = IcsCommandConfig.fromYaml("ics.yml", """
                window: soon
                allow: [10.0.0.0/33, plc.example.org, 10.1.0.1]
                protocols:
                  modbus:
                    functions: [5, "60-50", write_single_coil]
                  opcua:
                    allow: [10.2.0.1]
                colour: red
                """);
        assertThat(r.problems()).containsExactlyInAnyOrder(
                "ics.yml: key 'window': got 'soon' (text), expected a duration from PT1S to PT168H (e.g. 60s, 5m, 1h or PT1M)",
                "ics.yml: key 'allow[0]': got '10.0.0.0/33' (text), expected an IP address or CIDR block",
                "ics.yml: key 'allow[1]': got 'plc.example.org' (text), expected an IP address or CIDR block",
                "ics.yml: key 'protocols.modbus.functions[1]': got '60-50' (text), expected a function code, a range 'a-b' or a function name",
                "ics.yml: key 'protocols.opcua.functions': got '(missing)', expected a list of functions for protocol 'opcua', which has no default list",
                "ics.yml: key 'colour': unknown setting, expected one of [allow, max_suppressed, protocols, window]");
        IcsCommandConfig c = r.value();
        assertThat(c.window()).isEqualTo(IcsCommandConfig.defaults().window());
        assertThat(c.allow().entries()).containsExactly("10.1.0.1");
        assertThat(c.protocols().get("modbus").codes()).containsExactly(5);
        assertThat(c.protocols().get("modbus").names()).containsExactly("write_single_coil");
    }
}
