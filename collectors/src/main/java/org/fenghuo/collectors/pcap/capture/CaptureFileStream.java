package org.fenghuo.collectors.pcap.capture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
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
 * bytes appended later are not read. A file that cannot be mapped (a FIFO, {@code /dev/stdin}, a
 * file of {@code /proc} or {@code /sys} that reports no length, a file system without mmap) is read
 * as a plain stream instead, from where mapping stopped.
 *
 * <p>A file cut shorter while it is read gives an {@link IOException}: each read checks the length
 * before it copies, and a fault while copying from a mapping (the file cut during the copy, a disk
 * or network file system error), which the JVM raises as an {@link InternalError}, is turned into
 * one; the length is checked again after the copy. The JVM may raise that error a little after
 * the copy instead, outside this class, where {@link CaptureReader} ends the read with the same I/O
 * problem if it comes while the reader runs (the packet being handled then may be partly counted),
 * and anywhere later it ends the command with the error. Reads and {@link #close} are synchronized,
 * so a close from another thread waits for a copy in progress instead of unmapping under it.
 */
public final class CaptureFileStream extends InputStream {
    static final long WINDOW = 64L << 20;
    private static final Object UNSAFE = unsafe();
    private static final Method UNMAP = invokeCleaner(UNSAFE);

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private final long window;
    private MappedByteBuffer mapped;
    /** Set when mapping failed: the rest of the file is read through this plain stream. */
    private InputStream plain;
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
            long size = channel.size();
            if (size == 0) {
                // empty, or a /proc or /sys file whose length says nothing about its contents
                return Channels.newInputStream(channel);
            }
            return new CaptureFileStream(file, channel, size, window);
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
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (len == 0) {
            return 0;
        }
        if (!mapNext()) {
            return plain == null ? -1 : plain.read(b, off, len);
        }
        int n = Math.min(len, mapped.remaining());
        // One fstat per read (reads are large: the capture reader asks for up to 1 MiB at a time), so
        // a file already cut shorter is reported here rather than by a fault in the copy.
        if (channel.size() < next + n) {
            throw shrank(null);
        }
        try {
            mapped.get(b, off, n);
        } catch (InternalError fault) {
            // SIGBUS while copying from the mapping: the file was cut during the copy, or the read failed
            throw shrank(fault);
        }
        // Checked again after the copy: a file cut during it may fault only later (see the class
        // comment), and the bytes copied past the new end are not to be handed out
        if (channel.size() < next + n) {
            throw shrank(null);
        }
        next += n;
        return n;
    }

    @Override
    public synchronized long skip(long n) throws IOException {
        ensureOpen();
        if (plain != null) {
            return plain.skip(n);
        }
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
    public synchronized int available() throws IOException {
        ensureOpen();
        return plain != null ? plain.available() : (int) Math.min(Integer.MAX_VALUE, size - next);
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            unmap();
            channel.close();
        }
    }

    /** @return true when {@code mapped} has bytes; false at the end of the file or once reading plainly */
    private boolean mapNext() throws IOException {
        if (plain != null) {
            return false;
        }
        if (mapped != null && mapped.hasRemaining()) {
            return true;
        }
        unmap();
        if (next >= size) {
            return false;
        }
        try {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, next, Math.min(window, size - next));
        } catch (IOException | UnsupportedOperationException cannotMap) {
            // e.g. ENODEV from a FUSE file system with direct I/O: read the rest as a plain stream
            plain = Channels.newInputStream(channel.position(next));
            return false;
        }
        mappedAt = next;
        return true;
    }

    private void unmap() {
        MappedByteBuffer done = mapped;
        mapped = null;
        if (done != null && UNMAP != null) {
            try {
                UNMAP.invoke(UNSAFE, done);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not unmapped now: the garbage collector unmaps it when the buffer is unreachable.
            }
        }
    }

    private IOException shrank(Throwable fault) throws IOException {
        long now = channel.size();
        if (fault != null && now >= size) {
            return new IOException(file + ": read error at byte " + next + " of a mapped window", fault);
        }
        return new IOException(file + " shrank to " + now + " bytes while being read (it had " + size
                + " when opened)", fault);
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
     * Called by reflection, not through a method handle: a handle's first call spins classes, ~10 ms
     * of a one-file decode's start, and a run makes only a few calls (one per window).
     */
    private static Method invokeCleaner(Object unsafe) {
        try {
            return unsafe == null ? null : unsafe.getClass().getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object unsafe() {
        try {
            Field theUnsafe = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            return theUnsafe.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
