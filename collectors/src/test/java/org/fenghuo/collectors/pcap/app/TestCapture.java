package org.fenghuo.collectors.pcap.app;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/**
 * Writes small Ethernet pcap captures of TCP conversations (handshake, data with correct sequence
 * numbers, FIN) and UDP datagrams, for golden-file tests of protocol analyzers, and decodes them
 * through the real {@link PcapFileDecoder}. Every packet is 1 ms after the previous one, starting
 * at 2024-01-01T00:00:00Z.
 *
 * <pre>{@code
 * TestCapture cap = new TestCapture();
 * TestCapture.Tcp c = cap.tcp("10.0.0.1", 40000, "10.0.0.2", 502);
 * c.client(request).server(response).close();
 * cap.udp("10.0.0.1", 5353, "10.0.0.53", 53, query);
 * TestCapture.Decoded d = cap.decode(AppProtocols.of(...));
 * }</pre>
 */
public final class TestCapture {
    private static final long START_SECONDS = 1_704_067_200L;
    private final ByteArrayOutputStream records = new ByteArrayOutputStream();
    private long micros;

    /** What decoding gave: every event (flows and protocol events) and every dead letter. */
    public record Decoded(List<SecurityEvent> events, List<DeadLetter> deadLetters, PcapFileDecoder.Result result) {
        /** Only the events of {@code event.dataset} {@code pcap.<protocol>}. */
        public List<SecurityEvent> protocol(String protocol) {
            return events.stream().filter(e -> ("pcap." + protocol).equals(e.event().dataset())).toList();
        }
    }

    /** One TCP connection; its handshake is written when it is opened. */
    public final class Tcp {
        private final byte[] client;
        private final byte[] server;
        private final int clientPort;
        private final int serverPort;
        private long clientSeq = 1000;
        private long serverSeq = 50000;

        private Tcp(byte[] client, int clientPort, byte[] server, int serverPort, boolean handshake) {
            this.client = client;
            this.server = server;
            this.clientPort = clientPort;
            this.serverPort = serverPort;
            if (handshake) {
                packet(client, clientPort, server, serverPort, clientSeq++, 0, 0x02, new byte[0]);
                packet(server, serverPort, client, clientPort, serverSeq++, clientSeq, 0x12, new byte[0]);
                packet(client, clientPort, server, serverPort, clientSeq, serverSeq, 0x10, new byte[0]);
            }
        }

        /** The client sends {@code payload} in one segment. */
        public Tcp client(byte[] payload) {
            packet(client, clientPort, server, serverPort, clientSeq, serverSeq, 0x18, payload);
            clientSeq += payload.length;
            return this;
        }

        /** The client's next {@code length} bytes are lost: they never reach the capture (a hole). */
        public Tcp clientLost(int length) {
            clientSeq += length;
            return this;
        }

        /** The server sends {@code payload} in one segment. */
        public Tcp server(byte[] payload) {
            packet(server, serverPort, client, clientPort, serverSeq, clientSeq, 0x18, payload);
            serverSeq += payload.length;
            return this;
        }

        /** The client sends {@code payload} split into segments of at most {@code size} bytes. */
        public Tcp clientInPieces(byte[] payload, int size) {
            for (int i = 0; i < payload.length; i += size) {
                client(java.util.Arrays.copyOfRange(payload, i, Math.min(payload.length, i + size)));
            }
            return this;
        }

        /** The server sends {@code payload} split into segments of at most {@code size} bytes. */
        public Tcp serverInPieces(byte[] payload, int size) {
            for (int i = 0; i < payload.length; i += size) {
                server(java.util.Arrays.copyOfRange(payload, i, Math.min(payload.length, i + size)));
            }
            return this;
        }

        /** FIN from both sides. */
        public void close() {
            packet(client, clientPort, server, serverPort, clientSeq++, serverSeq, 0x11, new byte[0]);
            packet(server, serverPort, client, clientPort, serverSeq++, clientSeq, 0x11, new byte[0]);
            packet(client, clientPort, server, serverPort, clientSeq, serverSeq, 0x10, new byte[0]);
        }
    }

    /** A TCP connection from its handshake. Addresses are IPv4 or IPv6 literals (both the same family). */
    public Tcp tcp(String clientIp, int clientPort, String serverIp, int serverPort) {
        return new Tcp(address(clientIp), clientPort, address(serverIp), serverPort, true);
    }

    /** A TCP connection already open when the capture starts (no handshake). */
    public Tcp tcpMidstream(String clientIp, int clientPort, String serverIp, int serverPort) {
        return new Tcp(address(clientIp), clientPort, address(serverIp), serverPort, false);
    }

    /** One UDP datagram. */
    public TestCapture udp(String srcIp, int srcPort, String dstIp, int dstPort, byte[] payload) {
        byte[] udp = ByteBuffer.allocate(8 + payload.length).putShort((short) srcPort).putShort((short) dstPort)
                .putShort((short) (8 + payload.length)).putShort((short) 0).put(payload).array();
        frame(address(srcIp), address(dstIp), 17, udp);
        return this;
    }

    /** The capture as a pcap file (Ethernet, microseconds). */
    public byte[] toPcap() {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4)
                .putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        out.writeBytes(records.toByteArray());
        return out.toByteArray();
    }

    /** Decodes the capture with these protocols through the whole chain (reader, decoder, flows, app layer). */
    public Decoded decode(AppProtocols protocols) {
        try {
            return decode(Path.of("test.pcap"), new ByteArrayInputStream(toPcap()), protocols);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes a capture file (pcap or pcapng, e.g. one of the shared captures) with these protocols
     * through the whole chain, keeping every event and dead letter.
     */
    public static Decoded decodeFile(Path capture, AppProtocols protocols) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(capture))) {
            return decode(capture, in, protocols);
        }
    }

    private static Decoded decode(Path name, InputStream in, AppProtocols protocols) throws IOException {
        List<SecurityEvent> events = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        PcapFileDecoder.Result r = new PcapFileDecoder(FlowTableConfig.defaults(), protocols, events::add,
                deadLetters::add).decode(name, in);
        return new Decoded(events, deadLetters, r);
    }

    private void packet(byte[] src, int sport, byte[] dst, int dport, long seq, long ack, int flags, byte[] payload) {
        ByteBuffer tcp = ByteBuffer.allocate(20 + payload.length).putShort((short) sport).putShort((short) dport)
                .putInt((int) seq).putInt((int) ack).put((byte) 0x50).put((byte) flags).putShort((short) 65535)
                .putInt(0).put(payload);
        frame(src, dst, 6, tcp.array());
    }

    private void frame(byte[] src, byte[] dst, int protocol, byte[] transport) {
        byte[] ip;
        int etherType;
        if (src.length == 4) {
            ip = ByteBuffer.allocate(20 + transport.length).put((byte) 0x45).put((byte) 0)
                    .putShort((short) (20 + transport.length)).putShort((short) 0).putShort((short) 0x4000)
                    .put((byte) 64).put((byte) protocol).putShort((short) 0).put(src).put(dst).put(transport).array();
            etherType = 0x0800;
        } else {
            ip = ByteBuffer.allocate(40 + transport.length).putInt(0x6000_0000).putShort((short) transport.length)
                    .put((byte) protocol).put((byte) 64).put(src).put(dst).put(transport).array();
            etherType = 0x86DD;
        }
        byte[] frame = ByteBuffer.allocate(14 + ip.length).put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1})
                .putShort((short) etherType).put(ip).array();
        long t = micros;
        micros += 1000;
        records.writeBytes(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (START_SECONDS + t / 1_000_000)).putInt((int) (t % 1_000_000)).putInt(frame.length)
                .putInt(frame.length).array());
        records.writeBytes(frame);
    }

    private static byte[] address(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }
}
