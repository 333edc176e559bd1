package org.fenghuo.collectors.pcap.capture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A capture file read through memory-mapped windows, for {@link CaptureReader}. Bytes go from the
 * page cache straight into the reader's array: one copy, where a file stream behind a buffer makes
 * three (kernel to a temporary direct buffer, to the buffer's array, to the reader's), which was
 * ~12% of the CPU of decoding a capture into flows (bench/README.md, "Reading the file").
 *
 * <p>Windows of {@link #WINDOW} bytes are mapped in turn and each is unmapped as soon as it is read,
 * so a capture of any size holds one mapping at a time. The length is the file's at {@link #open}:
 * bytes appended later are not read. A file cut shorter while it is read gives an
 * {@link IOException}: each read checks the file's length before it copies. Only a file cut within
 * the microseconds between that check and the copy still ends the read with the JVM's
 * {@link InternalError} for a fault in a mapping.
 */
public final class CaptureFileStream extends InputStream {
    static final long WINDOW = 64L << 20;
    private static final MethodHandle UNMAP = unmapHandle();

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final long window;
    private MappedByteBuffer mapped;
    /** Offset in the file of {@code mapped}'s first byte. */
    private long mappedAt;
    /** Offset in the file of the next byte to read. */
    private long next;
    private boolean closed;

    private CaptureFileStream(Path file, FileChannel channel, long size, long window) {
        this.file = file;
        this.channel = channel;
        this.size = size;
        this.window = window;
    }

    /**
     * A mapped stream over a regular file; anything else (a FIFO, {@code /dev/stdin}, a process
     * substitution) is read as a plain stream, since it cannot be mapped.
     */
    public static InputStream open(Path file) throws IOException {
        return open(file, WINDOW);
    }

    static InputStream open(Path file, long window) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new CaptureFileStream(file, channel, channel.size(), window);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (len == 0) {
            return 0;
        }
        if (!mapNext()) {
            return -1;
        }
        int n = Math.min(len, mapped.remaining());
        // Copying from a mapping past the file's end faults (SIGBUS), which the JVM reports as an
        // InternalError at some later point of this thread, not here; so check the length first.
        // One fstat per read: reads are large (the capture reader asks for up to 1 MiB at a time).
        if (channel.size() < next + n) {
            throw shrank();
        }
        mapped.get(b, off, n);
        next += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        ensureOpen();
        long skipped = Math.max(0, Math.min(n, size - next));
        next += skipped;
        if (mapped != null && next < mappedAt + mapped.capacity()) {
            mapped.position((int) (next - mappedAt));
        } else {
            unmap();
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        ensureOpen();
        return (int) Math.min(Integer.MAX_VALUE, size - next);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            unmap();
            channel.close();
        }
    }

    /** @return false at the end of the file */
    private boolean mapNext() throws IOException {
        if (mapped != null && mapped.hasRemaining()) {
            return true;
        }
        unmap();
        if (next >= size) {
            return false;
        }
        mappedAt = next;
        mapped = channel.map(FileChannel.MapMode.READ_ONLY, mappedAt, Math.min(window, size - mappedAt));
        return true;
    }

    private void unmap() {
        MappedByteBuffer done = mapped;
        mapped = null;
        if (done != null && UNMAP != null) {
            try {
                UNMAP.invokeExact((ByteBuffer) done);
            } catch (Throwable e) {
                // Not unmapped now: the garbage collector unmaps it when the buffer is unreachable.
            }
        }
    }

    private IOException shrank() throws IOException {
        return new IOException(file + " shrank to " + channel.size() + " bytes while being read (it had " + size
                + " when opened)");
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException(file + ": stream closed");
        }
    }

    /**
     * {@code sun.misc.Unsafe.invokeCleaner}, the one way to unmap a buffer now rather than at some
     * later garbage collection (Java 17 has no public unmap). Null when absent; then mappings wait for
     * the collector, which is correct but holds address space and page-cache mappings longer.
     */
    private static MethodHandle unmapHandle() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            Object unsafe = theUnsafe.get(null);
            return MethodHandles.lookup()
                    .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
