package org.fenghuo.collectors.pcap.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds every packet of tcpdump's hostile test captures to the decoder when the shared data folder
 * is present. The record loop here is a throwaway (no checks beyond staying in bounds): the real
 * reader lives in pcap.capture; this test only needs packets.
 */
class TcpdumpCorpusDecodeTest {
    private static final Path CORPUS = Path.of(System.getProperty("fenghuo.shared.data",
            "../../shared/data"), "captures", "tcpdump-tests");

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void decodesEveryPacketWithoutException() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "tcpdump test captures not found at " + CORPUS.toAbsolutePath()
                + " (set -Dfenghuo.shared.data=DIR to point at shared/data); skipping the corpus decode");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .sorted().collect(Collectors.toList());
        }
        assumeTrue(!files.isEmpty(), "no capture files under " + CORPUS.toAbsolutePath());
        PacketDecoder decoder = new PacketDecoder();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            if (!pcap(bytes, decoder)) {
                pcapng(bytes, decoder);
            }
        }
        DecodeStats s = decoder.stats();
        System.out.printf("tcpdump corpus decode: %d files, %s%n", files.size(), s);
        assertThat(s.malformed(MalformedReason.INTERNAL_ERROR)).isZero();
        assertThat(s.decoded()).isPositive();
    }

    private static boolean pcap(byte[] b, PacketDecoder decoder) {
        if (b.length < 24) {
            return false;
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buf.getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            buf.order(ByteOrder.BIG_ENDIAN);
            magic = buf.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                return false;
            }
        }
        long unit = magic == 0xa1b23c4d ? 1 : 1000;
        int linkType = buf.getInt(20) & 0xffff;
        int pos = 24;
        while (pos + 16 <= b.length) {
            long ts = (buf.getInt(pos) & 0xffffffffL) * 1_000_000_000L + (buf.getInt(pos + 4) & 0xffffffffL) * unit;
            int incl = buf.getInt(pos + 8);
            int orig = buf.getInt(pos + 12);
            if (incl < 0 || incl > b.length - pos - 16) {
                break;
            }
            decoder.decode(linkType, ts, orig, b, pos + 16, incl);
            pos += 16 + incl;
        }
        return true;
    }

    private static void pcapng(byte[] b, PacketDecoder decoder) {
        if (b.length < 28 || ByteBuffer.wrap(b).getInt(0) != 0x0a0d0d0a) {
            return;
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int[] linkTypes = new int[64];
        int interfaces = 0;
        int pos = 0;
        while (pos + 12 <= b.length) {
            int type = buf.getInt(pos);
            if (type == 0x0a0d0d0a) {
                buf.order(buf.order(ByteOrder.LITTLE_ENDIAN).getInt(pos + 8) == 0x1a2b3c4d
                        ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
                interfaces = 0;
            }
            int length = buf.getInt(pos + 4);
            if (length < 12 || length > b.length - pos) {
                break;
            }
            if (type == 1 && interfaces < linkTypes.length) {
                linkTypes[interfaces++] = buf.getShort(pos + 8) & 0xffff;
            } else if (type == 6 && length >= 32) {
                int iface = buf.getInt(pos + 8);
                int caplen = buf.getInt(pos + 20);
                if (iface >= 0 && iface < interfaces && caplen >= 0 && caplen <= length - 32) {
                    long ts = (buf.getInt(pos + 12) & 0xffffffffL) << 32 | (buf.getInt(pos + 16) & 0xffffffffL);
                    decoder.decode(linkTypes[iface], ts * 1000, buf.getInt(pos + 24), b, pos + 28, caplen);
                }
            }
            pos += length;
        }
    }
}
