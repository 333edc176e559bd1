package org.fenghuo.collectors.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final byte[] RAW = "<13>Oct 11 22:14:15 host app: x".getBytes(StandardCharsets.US_ASCII);
    private static final Path FILE = Path.of("/var/log/auth.log");
    private static final InetSocketAddress PEER = new InetSocketAddress("10.0.0.7", 514);
    private static final Instant RECEIVED = Instant.parse("2024-03-27T13:06:56.123456789Z");

    private static String fileId(Path path, long offset, byte[] raw) {
        return EventIds.of("in", new FrameOrigin.FileLine(path, offset), raw, raw.length);
    }

    private static String peerId(String input, InetSocketAddress peer, Instant received, long sequence) {
        return EventIds.of(input, new FrameOrigin.NetworkPeer("udp", peer, received, sequence, 0), RAW, RAW.length);
    }

    @Test
    void isA22CharacterBase64UrlString() {
        assertThat(fileId(FILE, 0, RAW)).hasSize(22).matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void aFileLineIdDependsOnPathOffsetAndBytesOnly() {
        String id = fileId(FILE, 0, RAW);
        assertThat(fileId(FILE, 0, RAW)).isEqualTo(id);
        assertThat(EventIds.of("another-input", new FrameOrigin.FileLine(FILE, 0), RAW, RAW.length)).isEqualTo(id);
        assertThat(fileId(Path.of("/var/log/auth.log.1"), 0, RAW)).isNotEqualTo(id);
        assertThat(fileId(FILE, 1, RAW)).isNotEqualTo(id);
        assertThat(EventIds.of("in", new FrameOrigin.FileLine(FILE, 0), RAW, RAW.length - 1)).isNotEqualTo(id);
    }

    @Test
    void aNetworkIdDependsOnInputPeerTimeSequenceAndBytes() {
        String id = peerId("in", PEER, RECEIVED, 1);
        assertThat(peerId("in", PEER, RECEIVED, 1)).isEqualTo(id);
        assertThat(peerId("in", PEER, RECEIVED, 2)).isNotEqualTo(id);
        assertThat(peerId("in2", PEER, RECEIVED, 1)).isNotEqualTo(id);
        assertThat(peerId("in", new InetSocketAddress("10.0.0.7", 515), RECEIVED, 1)).isNotEqualTo(id);
        assertThat(peerId("in", PEER, RECEIVED.plusNanos(1), 1)).isNotEqualTo(id);
    }

    @Test
    void fileAndNetworkSchemesNeverCollide() {
        assertThat(fileId(Path.of("in"), 0, RAW)).isNotEqualTo(peerId("in", PEER, Instant.EPOCH, 0));
    }
}
