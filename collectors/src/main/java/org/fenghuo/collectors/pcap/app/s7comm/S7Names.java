package org.fenghuo.collectors.pcap.app.s7comm;

import org.fenghuo.collectors.pcap.flow.HexText;

/** Names of S7comm codes, after Siemens' documentation as dissected by Wireshark's s7comm. */
final class S7Names {
    static final int ROSCTR_JOB = 1;
    static final int ROSCTR_ACK = 2;
    static final int ROSCTR_ACK_DATA = 3;
    static final int ROSCTR_USERDATA = 7;

    static final int FN_CPU_SERVICES = 0x00;
    static final int FN_SETUP = 0xF0;
    static final int FN_READ_VAR = 0x04;
    static final int FN_WRITE_VAR = 0x05;
    static final int FN_REQUEST_DOWNLOAD = 0x1A;
    static final int FN_DOWNLOAD_BLOCK = 0x1B;
    static final int FN_DOWNLOAD_ENDED = 0x1C;
    static final int FN_START_UPLOAD = 0x1D;
    static final int FN_UPLOAD = 0x1E;
    static final int FN_END_UPLOAD = 0x1F;
    static final int FN_PI_SERVICE = 0x28;
    static final int FN_PLC_STOP = 0x29;

    private S7Names() {
    }

    static String rosctr(int rosctr) {
        return switch (rosctr) {
            case ROSCTR_JOB -> "job";
            case ROSCTR_ACK -> "ack";
            case ROSCTR_ACK_DATA -> "ack_data";
            case ROSCTR_USERDATA -> "userdata";
            default -> "rosctr-" + rosctr;
        };
    }

    /** Job / ack_data function, e.g. read-var; "function-0xNN" when unknown. */
    static String function(int code) {
        return switch (code) {
            case FN_CPU_SERVICES -> "cpu-services";
            case FN_SETUP -> "setup-communication";
            case FN_READ_VAR -> "read-var";
            case FN_WRITE_VAR -> "write-var";
            case FN_REQUEST_DOWNLOAD -> "request-download";
            case FN_DOWNLOAD_BLOCK -> "download-block";
            case FN_DOWNLOAD_ENDED -> "download-ended";
            case FN_START_UPLOAD -> "start-upload";
            case FN_UPLOAD -> "upload";
            case FN_END_UPLOAD -> "end-upload";
            case FN_PI_SERVICE -> "pi-service";
            case FN_PLC_STOP -> "plc-stop";
            default -> "function-" + HexText.prefixedHex(code, 2);
        };
    }

    /** Job functions that change the PLC: writing variables, loading blocks, PI services, stopping. */
    static boolean writes(int code) {
        return code == FN_WRITE_VAR || code == FN_REQUEST_DOWNLOAD || code == FN_DOWNLOAD_BLOCK
                || code == FN_DOWNLOAD_ENDED || code == FN_PI_SERVICE || code == FN_PLC_STOP;
    }

    /** Memory area of an S7ANY item, e.g. DB, inputs. */
    static String area(int area) {
        return switch (area) {
            case 0x03 -> "system-info";
            case 0x05 -> "system-flags";
            case 0x06 -> "analog-inputs";
            case 0x07 -> "analog-outputs";
            case 0x1C -> "counters";
            case 0x1D -> "timers";
            case 0x1E -> "iec-counters";
            case 0x1F -> "iec-timers";
            case 0x80 -> "peripheral";
            case 0x81 -> "inputs";
            case 0x82 -> "outputs";
            case 0x83 -> "flags";
            case 0x84 -> "DB";
            case 0x85 -> "DI";
            case 0x86 -> "local";
            case 0x87 -> "previous-local";
            default -> "area-" + HexText.prefixedHex(area, 2);
        };
    }

    static String errorClass(int errorClass) {
        return switch (errorClass) {
            case 0x00 -> "no error";
            case 0x81 -> "application relationship error";
            case 0x82 -> "object definition error";
            case 0x83 -> "no resources available";
            case 0x84 -> "error on service processing";
            case 0x85 -> "error on supplies";
            case 0x87 -> "access error";
            default -> "error class";
        };
    }

    /** An item's return code in read/write var responses and userdata; 0xFF is success. */
    static String returnCode(int code) {
        return switch (code) {
            case 0x01 -> "hardware fault";
            case 0x03 -> "access denied";
            case 0x05 -> "invalid address";
            case 0x06 -> "data type not supported";
            case 0x07 -> "data type inconsistent";
            case 0x0A -> "object does not exist";
            case 0xFF -> "success";
            default -> "return code";
        };
    }

    static String group(int group) {
        return switch (group) {
            case 0x0 -> "mode-transition";
            case 0x1 -> "programmer";
            case 0x2 -> "cyclic-data";
            case 0x3 -> "block";
            case 0x4 -> "cpu";
            case 0x5 -> "security";
            case 0x6 -> "pbc";
            case 0x7 -> "time";
            case 0xF -> "nc-programming";
            default -> "group-" + group;
        };
    }

    /** A userdata subfunction within its group, e.g. read-szl; "userdata-G-S" when unknown. */
    static String subfunction(int group, int sub) {
        String name = switch (group) {
            case 0x0 -> "mode-transition";
            case 0x1 -> switch (sub) {
                case 0x01 -> "request-diag-data";
                case 0x02 -> "vartab";
                case 0x0C -> "erase";
                case 0x0E -> "read-diag-data";
                case 0x0F -> "remove-diag-data";
                case 0x10 -> "forces";
                case 0x13 -> "request-diag-data2";
                default -> null;
            };
            case 0x2 -> switch (sub) {
                case 0x01 -> "cyclic-memory";
                case 0x04 -> "cyclic-unsubscribe";
                case 0x05 -> "cyclic-memory2";
                case 0x07 -> "cyclic-change-driven";
                default -> null;
            };
            case 0x3 -> switch (sub) {
                case 0x01 -> "list-blocks";
                case 0x02 -> "list-blocks-of-type";
                case 0x03 -> "get-block-info";
                default -> null;
            };
            case 0x4 -> switch (sub) {
                case 0x01 -> "read-szl";
                case 0x02 -> "message-service";
                case 0x03 -> "diag-message";
                case 0x05 -> "alarm8-indication";
                case 0x06 -> "notify-indication";
                case 0x07 -> "alarm8-lock";
                case 0x08 -> "alarm8-unlock";
                case 0x09 -> "scan-indication";
                case 0x0B -> "alarm-ack";
                case 0x0C -> "alarm-ack-indication";
                case 0x0D -> "alarm-lock-indication";
                case 0x0E -> "alarm-unlock-indication";
                case 0x11 -> "alarm-sq-indication";
                case 0x12 -> "alarm-s-indication";
                case 0x13 -> "alarm-query";
                case 0x16 -> "notify8-indication";
                default -> null;
            };
            case 0x5 -> switch (sub) {
                case 0x01 -> "plc-password";
                case 0x02 -> "clean-session";
                default -> null;
            };
            case 0x7 -> switch (sub) {
                case 0x01 -> "read-clock";
                case 0x02 -> "set-clock";
                case 0x03 -> "read-clock-following";
                case 0x04 -> "set-clock2";
                default -> null;
            };
            default -> null;
        };
        return name != null ? name : "userdata-" + group + "-" + sub;
    }

    /**
     * Userdata that changes the PLC: setting its clock, erasing. Forces (programmer 0x10) is not
     * counted: the same subfunction lists forces as well as sets them.
     */
    static boolean userdataWrites(int group, int sub) {
        return group == 0x7 && (sub == 0x02 || sub == 0x04) || group == 0x1 && sub == 0x0C;
    }
}
