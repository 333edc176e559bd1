package org.fenghuo.collectors.netflow;

/**
 * Where a template field goes, decided once per template so decoding a record is one switch per
 * field with no lookup: an ECS slot of {@link FlowFields}, skipped, or {@link #OTHER} (kept under
 * {@code fenghuo.netflow.<name>}).
 */
final class FieldTarget {
    static final int OTHER = 0;
    static final int SKIP = 1;
    static final int SRC_IP4 = 2;
    static final int DST_IP4 = 3;
    static final int SRC_IP6 = 4;
    static final int DST_IP6 = 5;
    static final int SRC_PORT = 6;
    static final int DST_PORT = 7;
    static final int PROTOCOL = 8;
    static final int OCTETS = 9;
    static final int PACKETS = 10;
    static final int OCTETS_TOTAL = 11;
    static final int PACKETS_TOTAL = 12;
    static final int REVERSE_OCTETS = 13;
    static final int REVERSE_PACKETS = 14;
    static final int IN_IF = 15;
    static final int OUT_IF = 16;
    static final int DIRECTION = 17;
    static final int START_UPTIME = 18;
    static final int END_UPTIME = 19;
    static final int START_SECONDS = 20;
    static final int END_SECONDS = 21;
    static final int START_MILLIS = 22;
    static final int END_MILLIS = 23;
    static final int START_MICROS = 24;
    static final int END_MICROS = 25;
    static final int START_NANOS = 26;
    static final int END_NANOS = 27;
    static final int START_DELTA_MICROS = 28;
    static final int END_DELTA_MICROS = 29;
    static final int SYSTEM_INIT_MILLIS = 30;
    static final int SAMPLING_INTERVAL = 31;
    static final int SAMPLER_ID = 32;
    static final int RESPONDER_OCTETS = 33;
    static final int RESPONDER_PACKETS = 34;

    private FieldTarget() {
    }

    /** The target of element {@code id} of enterprise {@code pen} (0: IANA). */
    static int of(long pen, int id) {
        if (pen == InformationElements.REVERSE_PEN) {
            return switch (id) {
                case 1, 85 -> REVERSE_OCTETS;
                case 2, 86 -> REVERSE_PACKETS;
                default -> OTHER;
            };
        }
        if (pen != 0) {
            return OTHER;
        }
        return switch (id) {
            case 1, 231 -> OCTETS;             // octetDeltaCount, initiatorOctets
            case 2, 298 -> PACKETS;            // packetDeltaCount, initiatorPackets
            case 85 -> OCTETS_TOTAL;
            case 86 -> PACKETS_TOTAL;
            case 232 -> RESPONDER_OCTETS;
            case 299 -> RESPONDER_PACKETS;
            case 4 -> PROTOCOL;
            // udp/tcpSourcePort (180-183) stay "other": templates carry them beside sourceTransportPort
            case 7 -> SRC_PORT;
            case 11 -> DST_PORT;
            case 8 -> SRC_IP4;
            case 12 -> DST_IP4;
            case 27 -> SRC_IP6;
            case 28 -> DST_IP6;
            case 10 -> IN_IF;
            case 14 -> OUT_IF;
            case 61 -> DIRECTION;
            case 22 -> START_UPTIME;
            case 21 -> END_UPTIME;
            case 150 -> START_SECONDS;
            case 151 -> END_SECONDS;
            case 152 -> START_MILLIS;
            case 153 -> END_MILLIS;
            case 154 -> START_MICROS;
            case 155 -> END_MICROS;
            case 156 -> START_NANOS;
            case 157 -> END_NANOS;
            case 158 -> START_DELTA_MICROS;
            case 159 -> END_DELTA_MICROS;
            case 160 -> SYSTEM_INIT_MILLIS;
            case 34, 50, 305 -> SAMPLING_INTERVAL; // samplingInterval, samplerRandomInterval, samplingPacketInterval
            case 48, 302 -> SAMPLER_ID;            // samplerId (v9 FLOW_SAMPLER_ID), selectorId
            case 210 -> SKIP;                      // paddingOctets
            default -> OTHER;
        };
    }
}
