package org.fenghuo.collectors.pcap.app.dnp3;

/**
 * One DNP3 link frame with its CRCs checked and removed.
 *
 * @param control     the link control byte (DIR, PRM, FCB/FCV, function)
 * @param userData    the user data, CRCs stripped (empty for link-only frames)
 */
record LinkFrame(int control, int destination, int source, byte[] userData, long timestampNanos) {
    boolean primary() {
        return (control & 0x40) != 0;
    }

    int function() {
        return control & 0x0f;
    }

    /** The link function's name (primary or secondary set). */
    String functionName() {
        int f = function();
        if (primary()) {
            return switch (f) {
                case 0 -> "reset_link_states";
                case 1 -> "reset_user_process";
                case 2 -> "test_link_states";
                case 3 -> "confirmed_user_data";
                case 4 -> "unconfirmed_user_data";
                case 9 -> "request_link_status";
                default -> "primary_" + f;
            };
        }
        return switch (f) {
            case 0 -> "ack";
            case 1 -> "nack";
            case 11 -> "link_status";
            case 14 -> "link_service_not_functioning";
            case 15 -> "link_service_not_used";
            default -> "secondary_" + f;
        };
    }

    /** Whether the frame carries a transport segment (primary user data). */
    boolean carriesUserData() {
        return primary() && (function() == 3 || function() == 4) && userData.length > 0;
    }
}
