package org.fenghuo.collectors.pcap.app.modbus;

/** Modbus function and exception names (Modbus Application Protocol v1.1b3). */
final class ModbusFunctions {
    private ModbusFunctions() {
    }

    /** The function's snake_case name, or {@code function_<code>} for codes this parser does not know. */
    static String name(int code) {
        return switch (code) {
            case 1 -> "read_coils";
            case 2 -> "read_discrete_inputs";
            case 3 -> "read_holding_registers";
            case 4 -> "read_input_registers";
            case 5 -> "write_single_coil";
            case 6 -> "write_single_register";
            case 7 -> "read_exception_status";
            case 8 -> "diagnostics";
            case 11 -> "get_comm_event_counter";
            case 12 -> "get_comm_event_log";
            case 15 -> "write_multiple_coils";
            case 16 -> "write_multiple_registers";
            case 17 -> "report_server_id";
            case 20 -> "read_file_record";
            case 21 -> "write_file_record";
            case 22 -> "mask_write_register";
            case 23 -> "read_write_multiple_registers";
            case 24 -> "read_fifo_queue";
            case 43 -> "encapsulated_interface_transport";
            default -> "function_" + code;
        };
    }

    static boolean known(int code) {
        return !name(code).startsWith("function_");
    }

    /**
     * Whether the function changes the device: the writes (5, 6, 15, 16, 21, 22, 23) and the
     * diagnostics that restart communications (sub-function 1) or force listen-only mode (4).
     */
    static boolean write(int code, Integer diagnostic) {
        return switch (code) {
            case 5, 6, 15, 16, 21, 22, 23 -> true;
            case 8 -> diagnostic != null && (diagnostic == 1 || diagnostic == 4);
            default -> false;
        };
    }

    static String exception(int code) {
        return switch (code) {
            case 1 -> "illegal_function";
            case 2 -> "illegal_data_address";
            case 3 -> "illegal_data_value";
            case 4 -> "server_device_failure";
            case 5 -> "acknowledge";
            case 6 -> "server_device_busy";
            case 7 -> "negative_acknowledge";
            case 8 -> "memory_parity_error";
            case 10 -> "gateway_path_unavailable";
            case 11 -> "gateway_target_device_failed_to_respond";
            default -> "exception_" + code;
        };
    }
}
