package org.fenghuo.collectors.netflow;

/** Reads one data record laid out by a {@link Template} into {@link FlowFields}, without allocating. */
final class RecordReader {
    /** 1900-01-01 to 1970-01-01 in seconds: IPFIX micro/nanosecond times are NTP timestamps (RFC 7011 6.1.9). */
    private static final long NTP_OFFSET = 2_208_988_800L;

    private RecordReader() {
    }

    /**
     * @return the record's length in bytes, or -1 when a field runs past {@code end}
     */
    static int read(Template t, byte[] b, int pos, int end, FlowFields f) {
        f.reset(b);
        int p = pos;
        int[] lengths = t.lengths;
        int[] targets = t.targets;
        for (int i = 0; i < lengths.length; i++) {
            int len = lengths[i];
            if (len == Template.VARIABLE) {
                if (p >= end) {
                    return -1;
                }
                len = b[p++] & 0xff;
                if (len == 255) {
                    if (end - p < 2) {
                        return -1;
                    }
                    len = Bytes.u16(b, p);
                    p += 2;
                }
            }
            if (end - p < len) {
                return -1;
            }
            if (len > 0) {
                field(targets[i], i, b, p, len, f);
            }
            p += len;
        }
        return p - pos;
    }

    private static void field(int target, int i, byte[] b, int p, int len, FlowFields f) {
        switch (target) {
            case FieldTarget.SKIP -> { }
            case FieldTarget.SRC_IP4 -> f.srcIp4 = len == 4 ? p : other(f, i, p, len);
            case FieldTarget.DST_IP4 -> f.dstIp4 = len == 4 ? p : other(f, i, p, len);
            case FieldTarget.SRC_IP6 -> f.srcIp6 = len == 16 ? p : other(f, i, p, len);
            case FieldTarget.DST_IP6 -> f.dstIp6 = len == 16 ? p : other(f, i, p, len);
            case FieldTarget.SRC_PORT -> f.srcPort = len <= 2 ? (int) Bytes.unsigned(b, p, len) : other(f, i, p, len);
            case FieldTarget.DST_PORT -> f.dstPort = len <= 2 ? (int) Bytes.unsigned(b, p, len) : other(f, i, p, len);
            case FieldTarget.PROTOCOL -> f.protocol = b[p + len - 1] & 0xff;
            case FieldTarget.OCTETS -> f.octets = Bytes.unsigned(b, p, len);
            case FieldTarget.PACKETS -> f.packets = Bytes.unsigned(b, p, len);
            case FieldTarget.OCTETS_TOTAL -> f.octetsTotal = Bytes.unsigned(b, p, len);
            case FieldTarget.PACKETS_TOTAL -> f.packetsTotal = Bytes.unsigned(b, p, len);
            case FieldTarget.REVERSE_OCTETS -> f.reverseOctets = Bytes.unsigned(b, p, len);
            case FieldTarget.REVERSE_PACKETS -> f.reversePackets = Bytes.unsigned(b, p, len);
            case FieldTarget.RESPONDER_OCTETS -> f.responderOctets = Bytes.unsigned(b, p, len);
            case FieldTarget.RESPONDER_PACKETS -> f.responderPackets = Bytes.unsigned(b, p, len);
            case FieldTarget.IN_IF -> f.inIf = Bytes.unsigned(b, p, len);
            case FieldTarget.OUT_IF -> f.outIf = Bytes.unsigned(b, p, len);
            case FieldTarget.DIRECTION -> f.direction = b[p + len - 1] & 0xff;
            case FieldTarget.START_UPTIME -> f.startUptime = Bytes.unsigned(b, p, len);
            case FieldTarget.END_UPTIME -> f.endUptime = Bytes.unsigned(b, p, len);
            case FieldTarget.START_SECONDS -> f.startNanos = Bytes.unsigned(b, p, len) * 1_000_000_000L;
            case FieldTarget.END_SECONDS -> f.endNanos = Bytes.unsigned(b, p, len) * 1_000_000_000L;
            case FieldTarget.START_MILLIS -> f.startNanos = Bytes.unsigned(b, p, len) * 1_000_000L;
            case FieldTarget.END_MILLIS -> f.endNanos = Bytes.unsigned(b, p, len) * 1_000_000L;
            case FieldTarget.START_MICROS, FieldTarget.START_NANOS -> {
                if (len == 8) {
                    f.startNanos = ntpNanos(b, p);
                } else {
                    f.other(i, p, len);
                }
            }
            case FieldTarget.END_MICROS, FieldTarget.END_NANOS -> {
                if (len == 8) {
                    f.endNanos = ntpNanos(b, p);
                } else {
                    f.other(i, p, len);
                }
            }
            case FieldTarget.START_DELTA_MICROS -> f.startDeltaMicros = Bytes.unsigned(b, p, len);
            case FieldTarget.END_DELTA_MICROS -> f.endDeltaMicros = Bytes.unsigned(b, p, len);
            case FieldTarget.SYSTEM_INIT_MILLIS -> f.systemInitMillis = Bytes.unsigned(b, p, len);
            case FieldTarget.SAMPLING_INTERVAL -> f.samplingInterval = Bytes.unsigned(b, p, len);
            case FieldTarget.SAMPLER_ID -> f.samplerId = Bytes.unsigned(b, p, len);
            default -> f.other(i, p, len);
        }
    }

    /** Records a field of unexpected length as "other"; returns -1 (or {@link FlowFields#ABSENT}) for the slot. */
    private static int other(FlowFields f, int i, int p, int len) {
        f.other(i, p, len);
        return -1;
    }

    static long ntpNanos(byte[] b, int p) {
        long seconds = Bytes.u32(b, p) - NTP_OFFSET;
        long fraction = Bytes.u32(b, p + 4);
        return seconds * 1_000_000_000L + ((fraction * 1_000_000_000L) >>> 32);
    }
}
