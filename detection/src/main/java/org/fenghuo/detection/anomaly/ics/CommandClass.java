package org.fenghuo.detection.anomaly.ics;

import java.util.List;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;

/**
 * What an ICS control function does to the process, for severity and ATT&CK for ICS techniques.
 * ICS tactics (TA01xx) are not in {@code AttackTactic} (Enterprise only), so alerts carry
 * techniques without tactics.
 */
public enum CommandClass {
    /** Writes values or parameters (Modbus register/coil writes, DNP3 write, S7 write var, IEC 104 parameters). */
    WRITE(Severity.HIGH, List.of(new AttackTechnique("T0855", "Unauthorized Command Message"),
            new AttackTechnique("T0836", "Modify Parameter"))),
    /** Operates an output (DNP3 select/operate, IEC 104 process commands). */
    OPERATE(Severity.HIGH, List.of(new AttackTechnique("T0855", "Unauthorized Command Message"),
            new AttackTechnique("T0831", "Manipulation of Control"))),
    /** Restarts, stops or starts a device or its application (DNP3 restarts, S7 PLC stop / PI service). */
    RESTART_STOP(Severity.CRITICAL, List.of(new AttackTechnique("T0855", "Unauthorized Command Message"),
            new AttackTechnique("T0816", "Device Restart/Shutdown"),
            new AttackTechnique("T0858", "Change Operating Mode"))),
    /** Loads program blocks or configuration (S7 download, DNP3 save/activate configuration). */
    PROGRAM(Severity.CRITICAL, List.of(new AttackTechnique("T0855", "Unauthorized Command Message"),
            new AttackTechnique("T0843", "Program Download")));

    public static final String RULE_ID = "fenghuo.anomaly.ics.unauthorized_command";

    private final RuleInfo rule;

    CommandClass(Severity severity, List<AttackTechnique> techniques) {
        this.rule = new RuleInfo(RULE_ID, "ICS control function from a host outside the engineering allowlist", "1",
                severity, IncidentCategory.NETWORK_ATTACK, List.of(), techniques);
    }

    public RuleInfo rule() {
        return rule;
    }

    /** The class of a function the defaults know; {@link #WRITE} for one a site added. */
    static CommandClass of(String protocol, Integer code, String name) {
        int c = code == null ? -1 : code;
        return switch (protocol) {
            case "modbus" -> c == 8 ? RESTART_STOP : WRITE;
            case "dnp3" -> c >= 3 && c <= 6 ? OPERATE : c == 13 || c == 14 || c >= 16 && c <= 18 ? RESTART_STOP
                    : c == 19 || c == 31 ? PROGRAM : WRITE;
            case "s7comm" -> name == null ? WRITE : switch (name) {
                case "request-download", "download-block", "download-ended" -> PROGRAM;
                case "plc-stop", "pi-service" -> RESTART_STOP;
                default -> WRITE;
            };
            case "iec104" -> c >= 45 && c <= 69 ? OPERATE : c == 105 ? RESTART_STOP : WRITE;
            default -> WRITE;
        };
    }
}
