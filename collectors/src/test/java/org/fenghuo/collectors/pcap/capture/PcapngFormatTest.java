package org.fenghuo.collectors.pcap.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fenghuo.collectors.pcap.capture.CaptureWriter.payload;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PcapngFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"BIG_ENDIAN", "LITTLE_ENDIAN"})
    void twoInterfacesWithTheirOwnLinkTypeAndResolution(String orderName) {
        ByteOrder order = orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] file = CaptureWriter.pcapng(order)
                .interfaceDescription(1, 65535, -1, -1)     // Ethernet, microseconds by default
                .interfaceDescription(113, 0, 9, -1)        // Linux SLL, nanoseconds
                .enhancedPacket(0, 1_700_000_000_123_456L, payload(60, 1), 60)
                .enhancedPacket(1, 1_700_000_000_123_456_789L, payload(33, 2), 1000)
                .toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.problems).isEmpty();
        assertThat(r.packets).hasSize(2);
        assertThat(r.packets.get(0).linkType()).isEqualTo(1);
        assertThat(r.packets.get(0).timestampNanos()).isEqualTo(1_700_000_000_123_456_000L);
        assertThat(r.packets.get(0).data()).isEqualTo(payload(60, 1));
        assertThat(r.packets.get(1).linkType()).isEqualTo(113);
        assertThat(r.packets.get(1).timestampNanos()).isEqualTo(1_700_000_000_123_456_789L);
        assertThat(r.packets.get(1).wireLength()).isEqualTo(1000);
        assertThat(r.packets.get(1).data()).isEqualTo(payload(33, 2));
        assertThat(r.stats.format()).isEqualTo(CaptureFormat.PCAPNG);
        assertThat(r.stats.linkTypes()).containsExactly(1, 113);
        assertThat(r.stats.sections()).isEqualTo(1);
        assertThat(r.stats.complete()).isTrue();
    }

    @Test
    void powerOfTwoResolutionAndOffset() {
        // 2^-10 s ticks: 3.5 s is 3584 ticks; if_tsoffset adds 1000 s.
        byte[] file = CaptureWriter.pcapng(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 0, 0x80 | 10, 1000)
                .enhancedPacket(0, 3584, payload(4, 0), 4)
                .toBytes();

        assertThat(Recorder.read(file).packets.get(0).timestampNanos()).isEqualTo(1_003_500_000_000L);
    }

    @Test
    void timestampConversionCoversTheResolutionRange() {
        assertThat(PcapngInterfaces.toNanos(5, 0)).isEqualTo(5_000_000_000L);
        assertThat(PcapngInterfaces.toNanos(5, 3)).isEqualTo(5_000_000L);
        assertThat(PcapngInterfaces.toNanos(123_456_789_012L, 12)).isEqualTo(123_456_789L);
        assertThat(PcapngInterfaces.toNanos(7, 0x80)).isEqualTo(7_000_000_000L);
        assertThat(PcapngInterfaces.toNanos(3L << 40 | 1L << 39, 0x80 | 40)).isEqualTo(3_500_000_000L);
        assertThat(PcapngInterfaces.toNanos(-1L, 0x80 | 63)).isEqualTo(1_999_999_999L);
        assertThat(PcapngInterfaces.supported(0x80 | 64)).isFalse();
        assertThat(PcapngInterfaces.supported(28)).isFalse();
    }

    @Test
    void simplePacketUsesInterfaceZeroAndItsSnaplen() {
        byte[] file = CaptureWriter.pcapng(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(228, 20, -1, -1)
                .simplePacket(payload(20, 5), 1500)
                .simplePacket(payload(12, 6), 12)
                .toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.problems).isEmpty();
        assertThat(r.packets).hasSize(2);
        assertThat(r.packets.get(0).linkType()).isEqualTo(228);
        assertThat(r.packets.get(0).wireLength()).isEqualTo(1500);
        assertThat(r.packets.get(0).data()).isEqualTo(payload(20, 5));
        assertThat(r.packets.get(1).data()).isEqualTo(payload(12, 6));
    }

    @Test
    void obsoletePacketBlock() {
        byte[] file = CaptureWriter.pcapng(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 0, 6, -1)
                .obsoletePacket(0, 2_000_000L, payload(42, 9))
                .toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.packets).singleElement().satisfies(p -> {
            assertThat(p.timestampNanos()).isEqualTo(2_000_000_000L);
            assertThat(p.data()).isEqualTo(payload(42, 9));
        });
    }

    @Test
    void sectionsInBothByteOrdersEachNumberTheirOwnInterfaces() {
        byte[] file = CaptureWriter.pcapng(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(1, 0, -1, -1)
                .enhancedPacket(0, 1, payload(10, 1), 10)
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(101, 0, 9, -1)
                .enhancedPacket(0, 7, payload(11, 2), 11)
                .section(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(113, 0, -1, -1)
                .enhancedPacket(0, 3, payload(12, 3), 12)
                .toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.problems).isEmpty();
        assertThat(r.packets).extracting(Recorder.Packet::linkType).containsExactly(1, 101, 113);
        assertThat(r.packets).extracting(Recorder.Packet::timestampNanos).containsExactly(1_000L, 7L, 3_000L);
        assertThat(r.stats.sections()).isEqualTo(3);
    }

    @Test
    void unknownBlocksAreSkippedByTheirLength() {
        byte[] big = new byte[3 << 20]; // larger than the reader's window
        byte[] file = CaptureWriter.pcapng(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(1, 0, -1, -1)
                .block(0x0000_0BAD, ByteBuffer.wrap(new byte[20]).position(20))
                .block(5, ByteBuffer.wrap(new byte[16]).position(16)) // interface statistics
                .block(0x4000_0BAD, ByteBuffer.wrap(big).position(big.length))
                .enhancedPacket(0, 1, payload(10, 1), 10)
                .toBytes();

        Recorder r = Recorder.read(file);

        assertThat(r.problems).isEmpty();
        assertThat(r.packets).hasSize(1);
        assertThat(r.stats.complete()).isTrue();
        assertThat(r.stats.bytesRead()).isEqualTo(file.length);
    }
}
