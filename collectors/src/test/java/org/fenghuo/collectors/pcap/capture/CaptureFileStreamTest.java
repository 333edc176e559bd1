package org.fenghuo.collectors.pcap.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFileStreamTest {
    @TempDir
    Path dir;

    private Path fileOf(int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path file = dir.resolve("capture-" + size + ".pcap");
        Files.write(file, bytes);
        return file;
    }

    /** Reads in odd-sized pieces so reads straddle the window boundaries. */
    private static byte[] readAll(InputStream in, int piece) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[piece + 3];
        int n;
        while ((n = in.read(buf, 3, piece)) >= 0) {
            out.write(buf, 3, n);
        }
        return out.toByteArray();
    }

    @Test
    void readsEveryByteAcrossWindows() throws IOException {
        Path file = fileOf(10_000);
        for (long window : new long[] {1, 7, 4096, 9_999, 10_000, 1 << 20}) {
            try (InputStream in = CaptureFileStream.open(file, window)) {
                assertThat(in).isInstanceOf(CaptureFileStream.class);
                assertThat(in.available()).isEqualTo(10_000);
                assertThat(readAll(in, 333)).as("window %d", window).isEqualTo(Files.readAllBytes(file));
                assertThat(in.read()).isEqualTo(-1);
                assertThat(in.available()).isZero();
            }
        }
    }

    @Test
    void eachWindowIsUnmappedOnceRead() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(maps), "no /proc/self/maps here");
        Path file = fileOf(1 << 20);
        try (InputStream in = CaptureFileStream.open(file, 64 << 10)) {
            byte[] buf = new byte[100_000];
            assertThat(in.read(buf, 0, buf.length)).isEqualTo(64 << 10);
            assertThat(Files.readString(maps)).as("the window being read is mapped").contains(file.toString());
            readAll(in, 100_000);
            // 16 windows read: without an unmap they would stay mapped until some garbage collection
            assertThat(Files.readString(maps)).doesNotContain(file.toString());
        }
    }

    @Test
    void emptyFileEndsAtOnce() throws IOException {
        try (InputStream in = CaptureFileStream.open(fileOf(0))) {
            assertThat(in.read(new byte[8], 0, 8)).isEqualTo(-1);
            assertThat(in.read(new byte[8], 0, 0)).isZero();
        }
    }

    @Test
    void singleBytesAndSkipsMatchTheFile() throws IOException {
        Path file = fileOf(1000);
        byte[] bytes = Files.readAllBytes(file);
        try (InputStream in = CaptureFileStream.open(file, 64)) {
            assertThat(in.read()).isEqualTo(bytes[0] & 0xFF);
            assertThat(in.skip(10)).isEqualTo(10);
            assertThat(in.read()).isEqualTo(bytes[11] & 0xFF);
            assertThat(in.skip(200)).as("past the mapped window").isEqualTo(200);
            assertThat(in.read()).isEqualTo(bytes[212] & 0xFF);
            assertThat(in.skip(5000)).as("only what is left").isEqualTo(1000 - 213);
            assertThat(in.read()).isEqualTo(-1);
            assertThat(in.skip(1)).isZero();
        }
    }

    @Test
    void aFileCutShorterWhileReadGivesAnIoExceptionNotACrash() throws IOException {
        Path file = fileOf(64 * 1024);
        try (InputStream in = CaptureFileStream.open(file, 16 * 1024)) {
            byte[] buf = new byte[4096];
            assertThat(in.read(buf, 0, buf.length)).isEqualTo(4096);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(1024);
            }
            assertThatThrownBy(() -> readAll(in, 4096)).isInstanceOf(IOException.class)
                    .hasMessageContaining("shrank to 1024 bytes");
        }
    }

    @Test
    void aFileThatReportsNoLengthIsReadAsAPlainStream() throws IOException {
        Path status = Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(status), "no /proc here");
        try (InputStream in = CaptureFileStream.open(status)) {
            assertThat(in).isNotInstanceOf(CaptureFileStream.class);
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)).contains("Name:");
        }
    }

    @Test
    void aCloseFromAnotherThreadWaitsForTheCopyInsteadOfUnmappingUnderIt() throws Exception {
        // Without the wait this crashes the JVM (a copy from an unmapped window), failing the whole run.
        Path file = dir.resolve("big.pcap");
        Files.write(file, new byte[32 << 20]);
        for (int round = 0; round < 20; round++) {
            InputStream in = CaptureFileStream.open(file, 4 << 20);
            java.util.concurrent.atomic.AtomicReference<Throwable> ended = new java.util.concurrent.atomic.AtomicReference<>();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[1 << 20];
                try {
                    while (in.read(buf, 0, buf.length) >= 0) {
                        // keep copying until the stream ends or is closed
                    }
                } catch (IOException e) {
                    ended.set(e);
                }
            });
            reader.start();
            Thread.sleep(round % 3);
            in.close();
            reader.join();
            if (ended.get() != null) {
                assertThat(ended.get()).hasMessageContaining("closed");
            }
        }
    }

    private static final String MAPPED_FAULT =
            "a fault occurred in a recent unsafe memory access operation in compiled Java code";

    private Path twoPackets() throws IOException {
        Path file = dir.resolve("two.pcap");
        Files.write(file, CaptureWriter.pcap(java.nio.ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MICROS, 65535, 1)
                .record(1, 0, CaptureWriter.payload(60, 1))
                .record(2, 0, CaptureWriter.payload(60, 2))
                .toBytes());
        return file;
    }

    @Test
    void aMappedReadFaultRaisedAfterTheCopyEndsTheReadAsAnIoProblem() throws IOException {
        java.util.List<String> problems = new java.util.ArrayList<>();
        // HotSpot's words when a SIGBUS in mapped memory surfaces in compiled code after the copy
        try (InputStream in = CaptureFileStream.open(twoPackets())) {
            CaptureStats stats = CaptureReader.read(in, (link, nanos, wire, data, offset, length) -> {
                throw new InternalError(MAPPED_FAULT);
            }, (kind, offset, reason) -> problems.add(kind + " " + reason));

            assertThat(problems).singleElement().asString().startsWith("IO_ERROR fault reading the mapped file");
            assertThat(stats.complete()).isFalse();
            assertThat(stats.problems(ProblemKind.IO_ERROR)).isEqualTo(1);
        }
    }

    @Test
    void theSameErrorFromAnInputThatIsNotMappedOrAnyOtherInternalErrorPropagates() throws IOException {
        byte[] bytes = Files.readAllBytes(twoPackets());
        assertThatThrownBy(() -> CaptureReader.read(new java.io.ByteArrayInputStream(bytes),
                (link, nanos, wire, data, offset, length) -> {
                    throw new InternalError(MAPPED_FAULT);
                }, (kind, offset, reason) -> { })).isInstanceOf(InternalError.class).hasMessage(MAPPED_FAULT);
        try (InputStream in = CaptureFileStream.open(twoPackets())) {
            assertThatThrownBy(() -> CaptureReader.read(in, (link, nanos, wire, data, offset, length) -> {
                throw new InternalError("something else");
            }, (kind, offset, reason) -> { })).isInstanceOf(InternalError.class).hasMessage("something else");
        }
    }

    @Test
    void closedStreamRefusesReads() throws IOException {
        InputStream in = CaptureFileStream.open(fileOf(100));
        in.close();
        in.close();
        assertThatThrownBy(() -> in.read(new byte[4], 0, 4)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    }

    @Test
    void notARegularFileIsReadAsAPlainStream() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, new byte[] {1, 2, 3});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        try (InputStream in = CaptureFileStream.open(fifo)) {
            assertThat(in).isNotInstanceOf(CaptureFileStream.class);
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        writer.join();
    }

    @Test
    void capturesReadThroughItDecodeAsFromMemory() throws IOException {
        byte[] capture = CaptureWriter.pcap(java.nio.ByteOrder.LITTLE_ENDIAN, PcapReader.MAGIC_MICROS, 65535, 1)
                .record(1_700_000_000L, 1, CaptureWriter.payload(60, 1))
                .record(1_700_000_001L, 2, CaptureWriter.payload(1514, 2))
                .record(1_700_000_002L, 3, CaptureWriter.payload(42, 3))
                .toBytes();
        Path file = dir.resolve("three.pcap");
        Files.write(file, capture);
        java.util.List<String> fromMemory = new java.util.ArrayList<>();
        CaptureStats memoryStats = CaptureReader.read(new java.io.ByteArrayInputStream(capture),
                (link, nanos, wire, data, offset, length) -> fromMemory.add(nanos + " " + java.util.HexFormat.of()
                        .formatHex(data, offset, offset + length)), (kind, offset, reason) -> { });
        java.util.List<String> mapped = new java.util.ArrayList<>();
        try (InputStream in = CaptureFileStream.open(file, 100)) {
            CaptureStats mappedStats = CaptureReader.read(in, (link, nanos, wire, data, offset, length) -> mapped.add(
                    nanos + " " + java.util.HexFormat.of().formatHex(data, offset, offset + length)),
                    (kind, offset, reason) -> { });
            assertThat(mappedStats).isEqualTo(memoryStats);
        }
        assertThat(mapped).hasSize(3).isEqualTo(fromMemory);
    }
}
