package org.fenghuo.collectors.pcap.app.dnp3;

import java.util.ArrayList;
import java.util.List;

/** DNP3 application function and IIN names (IEEE 1815-2012). */
final class Dnp3Functions {
    private static final String[] IIN = {
        "all_stations", "class_1_events", "class_2_events", "class_3_events",
        "need_time", "local_control", "device_trouble", "device_restart",
        "function_not_supported", "object_unknown", "parameter_error", "event_buffer_overflow",
        "already_executing", "config_corrupt", "reserved_2", "reserved_1"};
    /** IIN2 bits that say the request failed. */
    private static final int ERROR_BITS = 0x0100 | 0x0200 | 0x0400 | 0x1000 | 0x2000;

    private Dnp3Functions() {
    }

    static String name(int code) {
        return switch (code) {
            case 0 -> "confirm";
            case 1 -> "read";
            case 2 -> "write";
            case 3 -> "select";
            case 4 -> "operate";
            case 5 -> "direct_operate";
            case 6 -> "direct_operate_no_ack";
            case 7 -> "immediate_freeze";
            case 8 -> "immediate_freeze_no_ack";
            case 9 -> "freeze_clear";
            case 10 -> "freeze_clear_no_ack";
            case 11 -> "freeze_at_time";
            case 12 -> "freeze_at_time_no_ack";
            case 13 -> "cold_restart";
            case 14 -> "warm_restart";
            case 15 -> "initialize_data";
            case 16 -> "initialize_application";
            case 17 -> "start_application";
            case 18 -> "stop_application";
            case 19 -> "save_configuration";
            case 20 -> "enable_unsolicited";
            case 21 -> "disable_unsolicited";
            case 22 -> "assign_class";
            case 23 -> "delay_measure";
            case 24 -> "record_current_time";
            case 25 -> "open_file";
            case 26 -> "close_file";
            case 27 -> "delete_file";
            case 28 -> "get_file_info";
            case 29 -> "authenticate_file";
            case 30 -> "abort_file";
            case 31 -> "activate_config";
            case 32 -> "authenticate_request";
            case 33 -> "authenticate_error";
            case 129 -> "response";
            case 130 -> "unsolicited_response";
            case 131 -> "authenticate_response";
            default -> "function_" + code;
        };
    }

    /** Requests that change the outstation: writes, controls, freezes, restarts, configuration, file deletion. */
    static boolean write(int code) {
        return (code >= 2 && code <= 22) || code == 24 || code == 27 || code == 31;
    }

    static boolean response(int code) {
        return code >= 129;
    }

    /**
     * Whether a request's object headers are followed by no object data: read, immediate freezes
     * and clears, enable/disable unsolicited, assign class.
     */
    static boolean headersOnly(int code) {
        return code == 1 || (code >= 7 && code <= 10) || code == 20 || code == 21 || code == 22;
    }

    /** Names of the set IIN bits, IIN1.0 first. */
    static List<String> iin(int iin) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 16; bit++) {
            if ((iin & (1 << bit)) != 0) {
                names.add(IIN[bit]);
            }
        }
        return names;
    }

    /** The failure bits of IIN2, comma-joined, or null. */
    static String exception(int iin) {
        int errors = iin & ERROR_BITS;
        return errors == 0 ? null : String.join(",", iin(errors));
    }
}
