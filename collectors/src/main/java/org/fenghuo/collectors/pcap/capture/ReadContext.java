package org.fenghuo.collectors.pcap.capture;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The mutable side of one read: forwards packets and problems to the caller's handlers and counts
 * them. Kept apart from the format readers so both share one definition of the stats.
 */
final class ReadContext {
    private final PacketHandler packets;
    private final ProblemHandler problems;
    private final long[] problemCounts = new long[ProblemKind.values().length];
    // A handful of link types per file at most: a linear scan beats any set on the hot path.
    private int[] linkTypes = new int[4];
    private int linkTypeCount;
    private long packetCount;
    private long capturedBytes;
    private long wireBytes;
    int sections;

    ReadContext(PacketHandler packets, ProblemHandler problems) {
        this.packets = packets;
        this.problems = problems;
    }

    void packet(int linkType, long timestampNanos, int wireLength, byte[] data, int offset, int length) {
        packetCount++;
        capturedBytes += length;
        wireBytes += wireLength;
        noteLinkType(linkType);
        packets.packet(linkType, timestampNanos, wireLength, data, offset, length);
    }

    void problem(ProblemKind kind, long offset, String reason) {
        problemCounts[kind.ordinal()]++;
        problems.problem(kind, offset, reason);
    }

    private void noteLinkType(int linkType) {
        for (int i = 0; i < linkTypeCount; i++) {
            if (linkTypes[i] == linkType) {
                return;
            }
        }
        if (linkTypeCount == linkTypes.length) {
            linkTypes = Arrays.copyOf(linkTypes, linkTypeCount * 2);
        }
        linkTypes[linkTypeCount++] = linkType;
    }

    CaptureStats stats(CaptureFormat format, long bytesRead, boolean complete) {
        Map<ProblemKind, Long> byKind = new EnumMap<>(ProblemKind.class);
        for (ProblemKind kind : ProblemKind.values()) {
            if (problemCounts[kind.ordinal()] > 0) {
                byKind.put(kind, problemCounts[kind.ordinal()]);
            }
        }
        TreeSet<Integer> types = new TreeSet<>();
        for (int i = 0; i < linkTypeCount; i++) {
            types.add(linkTypes[i]);
        }
        return new CaptureStats(format, packetCount, capturedBytes, wireBytes, byKind, types, sections,
                bytesRead, complete);
    }
}
