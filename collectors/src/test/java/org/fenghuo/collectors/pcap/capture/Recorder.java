package org.fenghuo.collectors.pcap.capture;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects what a read delivers, copying packet bytes because the reader reuses its window. */
final class Recorder implements PacketHandler, ProblemHandler {
    record Packet(int linkType, long timestampNanos, int wireLength, byte[] data) {
    }

    record Problem(ProblemKind kind, long offset, String reason) {
    }

    final List<Packet> packets = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    CaptureStats stats;

    /** Reads with the smallest window, so that large records make it grow. */
    static Recorder read(byte[] capture) {
        Recorder r = new Recorder();
        r.stats = CaptureReader.read(new ByteArrayInputStream(capture), r, r, 0);
        return r;
    }

    @Override
    public void packet(int linkType, long timestampNanos, int wireLength, byte[] data, int offset, int capturedLength) {
        packets.add(new Packet(linkType, timestampNanos, wireLength, Arrays.copyOfRange(data, offset, offset + capturedLength)));
    }

    @Override
    public void problem(ProblemKind kind, long offset, String reason) {
        problems.add(new Problem(kind, offset, reason));
    }
}
