package org.fenghuo.collectors.pcap.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.capture.CaptureWriter.payload;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each broken pcapng block is counted with its kind and offset; reading goes on where framing allows. */
class PcapngMalformedTest {
    private static final int UNKNOWN_TYPE = 0x0000_0BAD;
    private static final int EPB = PcapngReader.ENHANCED_PACKET;

    private static CaptureWriter onePacket() {
        return CaptureWriter.pcapng(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 0, -1, -1)
                .enhancedPacket(0, 1, payload(10, 1), 10);
    }

    private static void assertOnlyProblem(Recorder r, ProblemKind kind, long offset) {
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(kind);
            assertThat(p.offset()).isEqualTo(offset);
            assertThat(p.reason()).isNotBlank();
        });
        assertThat(r.stats.problems()).containsOnlyKeys(kind);
    }

    @Test
    void blockLengthNotAMultipleOfFourStops() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.rawBlock(UNKNOWN_TYPE, 18, 8, new byte[8]).enhancedPacket(0, 2, payload(5, 2), 5).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_LENGTH, at);
        assertThat(r.packets).hasSize(1);
        assertThat(r.stats.complete()).isFalse();
    }

    @Test
    void blockLengthBelowTwelveStops() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.rawBlock(EPB, 8, 4, new byte[4]).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_LENGTH, at);
        assertThat(r.packets).hasSize(1);
    }

    @Test
    void zeroLengthBlockStops() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.bytes(new byte[64]).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_LENGTH, at);
        assertThat(r.packets).hasSize(1);
    }

    @Test
    void blockLongerThanTheRestOfTheFile() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.rawBlock(EPB, 1000, 40, new byte[40]).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.TRUNCATED, at);
        assertThat(r.packets).hasSize(1);
        assertThat(r.stats.bytesRead()).isEqualTo(file.length);
    }

    @Test
    void unknownBlockLongerThanTheWindowAndTheRestOfTheFile() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.rawBlock(UNKNOWN_TYPE, 64 << 20, 40, new byte[40]).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.TRUNCATED, at);
        assertThat(r.stats.bytesRead()).isEqualTo(file.length);
    }

    @Test
    void hugeBlockLengthIsNeverAllocated() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.rawBlock(EPB, 0xFFFF_FFFC, 40, new byte[40]).toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.problems).extracting(Recorder.Problem::kind)
                .containsExactly(ProblemKind.BAD_LENGTH, ProblemKind.TRUNCATED);
        assertThat(r.problems).allSatisfy(p -> assertThat(p.offset()).isEqualTo(at));
    }

    @Test
    void packetBlockTooLargeForTheWindowIsSkippedAndReadingGoesOn() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.enhancedPacket(0, 2, new byte[2 << 20], 2 << 20)
                .enhancedPacket(0, 3, payload(7, 3), 7).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_LENGTH, at);
        assertThat(r.packets).extracting(p -> p.data().length).containsExactly(10, 7);
        assertThat(r.stats.complete()).isTrue();
    }

    @Test
    void packetOnAnUnknownInterfaceIsDroppedAndReadingGoesOn() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.enhancedPacket(7, 2, payload(5, 2), 5).enhancedPacket(0, 3, payload(6, 3), 6).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.UNKNOWN_INTERFACE, at);
        assertThat(r.packets).hasSize(2);
        assertThat(r.stats.complete()).isTrue();
    }

    @Test
    void simplePacketBeforeAnyInterface() {
        CaptureWriter w = CaptureWriter.pcapng(ByteOrder.BIG_ENDIAN);
        int at = w.size();
        byte[] file = w.simplePacket(payload(8, 0), 8).toBytes();

        assertOnlyProblem(Recorder.read(file), ProblemKind.UNKNOWN_INTERFACE, at);
    }

    @Test
    void capturedLengthBeyondTheBlockIsDroppedAndReadingGoesOn() {
        CaptureWriter w = onePacket();
        int at = w.size();
        ByteBuffer body = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0).putInt(0).putInt(1).putInt(500).putInt(500).putInt(0).putInt(0);
        byte[] file = w.block(EPB, body).enhancedPacket(0, 3, payload(6, 3), 6).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_LENGTH, at);
        assertThat(r.packets).hasSize(2);
    }

    @Test
    void trailingLengthMismatchIsReportedAndReadingGoesOn() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.enhancedPacket(0, 2, payload(4, 2), 4).enhancedPacket(0, 3, payload(6, 3), 6).toBytes();
        int trailer = at + 36 - 4; // a 4-byte packet makes a 36-byte block
        file[trailer] ^= 0x40;

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_BLOCK, at);
        assertThat(r.packets).hasSize(3);
    }

    @Test
    void badByteOrderMagicInALaterSection() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] file = w.section(ByteOrder.BIG_ENDIAN).toBytes();
        file[at + 8] = 0x55;

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.UNKNOWN_FORMAT, at + 8);
        assertThat(r.packets).hasSize(1);
    }

    @Test
    void unsupportedMajorVersion() {
        byte[] file = onePacket().toBytes();
        file[12] = 2; // little-endian major version

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.UNKNOWN_FORMAT, 12);
        assertThat(r.packets).isEmpty();
    }

    @Test
    void optionOverrunningItsBlockKeepsTheInterface() {
        CaptureWriter w = CaptureWriter.pcapng(ByteOrder.LITTLE_ENDIAN);
        int at = w.size();
        ByteBuffer body = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 1).putShort((short) 0).putInt(0).putShort((short) 9).putShort((short) 200);
        byte[] file = w.block(PcapngReader.INTERFACE_DESCRIPTION, body.position(16))
                .enhancedPacket(0, 5, payload(3, 0), 3).toBytes();

        Recorder r = Recorder.read(file);

        assertOnlyProblem(r, ProblemKind.BAD_BLOCK, at + 16);
        assertThat(r.packets).singleElement().satisfies(p -> assertThat(p.timestampNanos()).isEqualTo(5_000L));
    }

    @Test
    void unusableResolutionFallsBackToMicroseconds() {
        byte[] file = CaptureWriter.pcapng(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(1, 0, 0x80 | 70, -1)
                .enhancedPacket(0, 5, payload(3, 0), 3).toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.stats.problems(ProblemKind.BAD_BLOCK)).isEqualTo(1);
        assertThat(r.packets.get(0).timestampNanos()).isEqualTo(5_000L);
    }

    @Test
    void cutInsideABlockHeader() {
        CaptureWriter w = onePacket();
        int at = w.size();
        byte[] whole = w.enhancedPacket(0, 2, payload(4, 2), 4).toBytes();
        int cut = at + 6;

        Recorder r = Recorder.read(Arrays.copyOf(whole, cut));

        assertOnlyProblem(r, ProblemKind.TRUNCATED, at);
        assertThat(r.stats.bytesRead()).isEqualTo(cut);
    }
}
