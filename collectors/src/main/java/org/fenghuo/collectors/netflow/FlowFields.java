package org.fenghuo.collectors.netflow;

/**
 * The values of one record, as primitives and offsets into the datagram: one instance per decoder,
 * reset per record, so reading a record allocates nothing. {@code -1} (or {@link #ABSENT} for
 * times) means the record does not carry the value.
 */
final class FlowFields {
    static final long ABSENT = Long.MIN_VALUE;

    byte[] buf;
    int srcIp4;
    int dstIp4;
    int srcIp6;
    int dstIp6;
    int srcPort;
    int dstPort;
    int protocol;
    long octets;
    long packets;
    long octetsTotal;
    long packetsTotal;
    long reverseOctets;
    long reversePackets;
    long responderOctets;
    long responderPackets;
    long inIf;
    long outIf;
    int direction;
    long startUptime;
    long endUptime;
    /** Absolute times, nanoseconds since the epoch. */
    long startNanos;
    long endNanos;
    long startDeltaMicros;
    long endDeltaMicros;
    long systemInitMillis;
    long samplingInterval;
    long samplerId;
    /** Fields kept under {@code fenghuo.netflow.*}: template field index, offset, length. */
    int otherCount;
    final int[] otherField = new int[TemplateParser.MAX_FIELDS];
    final int[] otherOffset = new int[TemplateParser.MAX_FIELDS];
    final int[] otherLength = new int[TemplateParser.MAX_FIELDS];

    void reset(byte[] data) {
        buf = data;
        srcIp4 = dstIp4 = srcIp6 = dstIp6 = -1;
        srcPort = dstPort = protocol = direction = -1;
        octets = packets = octetsTotal = packetsTotal = -1;
        reverseOctets = reversePackets = responderOctets = responderPackets = -1;
        inIf = outIf = -1;
        startUptime = endUptime = -1;
        startNanos = endNanos = ABSENT;
        startDeltaMicros = endDeltaMicros = -1;
        systemInitMillis = samplingInterval = samplerId = -1;
        otherCount = 0;
    }

    void other(int field, int offset, int length) {
        otherField[otherCount] = field;
        otherOffset[otherCount] = offset;
        otherLength[otherCount] = length;
        otherCount++;
    }
}
