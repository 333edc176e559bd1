package org.fenghuo.detection.anomaly.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.detection.anomaly.Events.ics;

import java.util.ArrayList;
import java.util.List;
import org.fenghuo.detection.anomaly.DetectorRunner;
import org.fenghuo.detection.anomaly.SyntheticTraffic.KeyDriver;
import org.fenghuo.detection.anomaly.thresholds.Loaded;
import org.fenghuo.detection.anomaly.thresholds.ThresholdError;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.Severity;
import org.junit.jupiter.api.Test;

class IcsCommandDetectorTest {
    private static final String EWS = "10.10.0.5";
    private static final String INTRUDER = "10.20.0.99";
    private static final String PLC = "10.30.0.1";
    private static final IcsCommandConfig CONFIG = IcsCommandConfig.fromYaml("""
            window: 10m
            allow: [10.10.0.0/29]
            s7comm_allow: [10.40.0.7]
            """, "ics.yml").orThrow();

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
        IcsCommandConfig small = IcsCommandConfig.fromYaml("max_suppressed: 8", "t").orThrow();
        IcsCommandDetector detector = new IcsCommandDetector(small);
        KeyDriver<IcsCommandState> context = new KeyDriver<>(detector, INTRUDER);
        IcsCommandState state = context.state;
        for (int i = 0; i < 1_000; i++) {
            context.accept(ics("x" + i, i, INTRUDER, "10.30." + (i / 250) + "." + (i % 250), "modbus", 6,
                    "write_single_register", true));
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
    void yamlErrorsNameLineKeyValueAndExpectation() {
        Loaded<IcsCommandConfig> r = IcsCommandConfig.fromYaml("""
                window: soon
                allow: [10.0.0.0/33, plc.example.org, 10.1.0.1]
                modbus_functions: [5, 60-50, write_single_coil]
                iec104_functions: [45-69, C_RC_NA_1]
                colour: red
                """, "ics.yml");
        assertThat(r.errors()).extracting(ThresholdError::message).containsExactlyInAnyOrder(
                "ics.yml:1: window = \"soon\": expected a duration from PT1S to PT168H (e.g. 90s, 5m, 6h, 7d, PT5M)",
                "ics.yml:2: allow = \"10.0.0.0/33\": expected IP addresses or CIDR blocks (literals: a name is never resolved)",
                "ics.yml:2: allow = \"plc.example.org\": expected IP addresses or CIDR blocks (literals: a name is never resolved)",
                "ics.yml:3: modbus_functions = \"60-50\": expected function codes 0-65535, ranges a-b or names",
                "ics.yml:5: colour = \"red\": expected one of the settings " + readKeys());
        assertThat(r.config()).isNull();
        IcsCommandConfig ok = IcsCommandConfig.fromYaml("iec104_functions: [45-69, C_RC_NA_1]\nmodbus_functions: 6",
                "ok.yml").orThrow();
        assertThat(ok.protocols().get("iec104").codes()).hasSize(25);
        assertThat(ok.protocols().get("modbus").codes()).containsExactly(6);
        assertThat(ok.protocols().get("iec104").isControl(null, "C_RC_NA_1", true)).isTrue();
    }

    private static String readKeys() {
        return new java.util.TreeSet<>(List.of("window", "allow", "max_suppressed", "modbus_allow", "modbus_functions",
                "modbus_functions_when_write", "dnp3_allow", "dnp3_functions", "s7comm_allow", "s7comm_functions",
                "iec104_allow", "iec104_functions")).toString();
    }
}
