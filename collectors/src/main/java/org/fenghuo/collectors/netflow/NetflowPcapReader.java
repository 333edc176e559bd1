package org.fenghuo.collectors.netflow;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.fenghuo.collectors.pcap.capture.CaptureReader;
import org.fenghuo.collectors.pcap.capture.CaptureStats;
import org.fenghuo.collectors.pcap.decode.DecodeResult;
import org.fenghuo.collectors.pcap.decode.PacketDecoder;
import org.fenghuo.collectors.pcap.decode.PacketView;

/**
 * Feeds the UDP payloads of a pcap/pcapng capture to a {@link NetflowDecoder}, as if they had
 * been received at their capture time from the packet's source address: offline inspection of
 * what exporters sent ({@code fenghuo decode netflow}) and the conformance tests. IP fragments are
 * reassembled by the packet decoder first.
 */
public final class NetflowPcapReader {
    private static final int UDP = 17;

    /** What a capture held. */
    public record Result(CaptureStats capture, long udpDatagrams, long otherPackets) {
    }

    private final NetflowDecoder decoder;
    private final int port;

    /** @param port only UDP datagrams to or from this port, or any when 0 or negative */
    public NetflowPcapReader(NetflowDecoder decoder, int port) {
        this.decoder = decoder;
        this.port = port;
    }

    public Result read(String name, InputStream in) {
        PacketDecoder packets = new PacketDecoder();
        long[] counts = new long[3]; // udp datagrams, other packets, frame number
        CaptureStats stats = CaptureReader.read(in, (linkType, ts, wireLength, data, offset, captured) -> {
            counts[2]++;
            DecodeResult r = packets.decode(linkType, ts, wireLength, data, offset, captured);
            PacketView v = packets.view();
            if (r != DecodeResult.DECODED || v.protocol() != UDP || v.truncated()
                    || (port > 0 && v.srcPort() != port && v.dstPort() != port)) {
                counts[1]++;
                return;
            }
            counts[0]++;
            String exporter = org.fenghuo.collectors.pcap.flow.IpText.format(v.addressBytes(), v.srcAddressOffset(),
                    v.addressLength());
            Instant at = Instant.ofEpochSecond(Math.floorDiv(ts, 1_000_000_000L), Math.floorMod(ts, 1_000_000_000L));
            decoder.decode(v.data(), v.payloadOffset(), v.payloadLength(), exporter, name + "#" + counts[2], at);
        }, (kind, offset, reason) -> { });
        return new Result(stats, counts[0], counts[1]);
    }

    /** Convenience for a file. */
    public Result read(java.nio.file.Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16)) {
            return read(file.toString(), in);
        }
    }
}
