package org.fenghuo.crypto.audit.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.AuditEncoding;
import org.fenghuo.crypto.audit.AuditEntry;
import org.fenghuo.crypto.audit.AuditJson;
import org.fenghuo.crypto.audit.AuditLimits;
import org.fenghuo.crypto.audit.AuditStore;
import org.fenghuo.crypto.audit.StoredEntry;

/**
 * The trail as a local file of JSON lines, one entry per line, opened in append mode (the OS
 * puts every write at the end whatever the offset) and locked against a second writer. On open
 * the last line is read back so the chain continues; a file whose last line is cut off or does
 * not hash to itself is refused rather than silently extended.
 */
public final class FileAuditStore implements AuditStore {

    private final Path file;
    private final FsyncPolicy fsync;
    private final FileChannel channel;
    private final FileLock lock;

    private FileAuditStore(Path file, FsyncPolicy fsync, FileChannel channel, FileLock lock) {
        this.file = file;
        this.fsync = fsync;
        this.channel = channel;
        this.lock = lock;
    }

    /** Opens (creating if needed) {@code file} for appending. */
    public static FileAuditStore open(Path file, FsyncPolicy fsync) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this JVM
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("audit file " + file + " is locked by another writer");
        }
        return new FileAuditStore(file, fsync, channel, lock);
    }

    /** Reads a trail file without opening it for writing (for verification). */
    public static List<StoredEntry> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<StoredEntry> out = new ArrayList<>();
        int start = 0;
        long line = 1;
        while (start < all.length) {
            int end = indexOf(all, (byte) '\n', start);
            boolean complete = end >= 0;
            int stop = complete ? end : all.length;
            int kept = Math.min(stop - start, AuditLimits.MAX_LINE_BYTES);
            out.add(new StoredEntry(line, "line " + line, Arrays.copyOfRange(all, start, start + kept), complete));
            start = stop + 1;
            line++;
        }
        return out;
    }

    @Override
    public Optional<AuditEntry> last() throws IOException {
        long size = channel.size();
        if (size == 0) {
            return Optional.empty();
        }
        int window = (int) Math.min(size, AuditLimits.MAX_LINE_BYTES + 1L);
        ByteBuffer buffer = ByteBuffer.allocate(window);
        try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
            reader.position(size - window);
            while (buffer.hasRemaining() && reader.read(buffer) >= 0) {
                // fill the tail window
            }
        }
        byte[] tail = Arrays.copyOf(buffer.array(), buffer.position());
        if (tail.length == 0 || tail[tail.length - 1] != '\n') {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "audit file " + file
                    + ": last line is cut off (no newline at the end); verify the trail before appending to it");
        }
        int lineStart = lastIndexOf(tail, (byte) '\n', tail.length - 2) + 1;
        if (lineStart == 0 && size > window) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "audit file " + file
                    + ": last line longer than " + AuditLimits.MAX_LINE_BYTES + " bytes");
        }
        AuditEntry entry = AuditJson.parse(Arrays.copyOfRange(tail, lineStart, tail.length - 1));
        if (!AuditEncoding.hashMatches(entry)) {
            throw new CryptoFailure(CryptoFailure.Reason.MALFORMED_INPUT, "audit file " + file + ": last entry (sequence "
                    + entry.sequence() + ") does not match its hash; verify the trail before appending to it");
        }
        return Optional.of(entry);
    }

    @Override
    public void append(AuditEntry entry) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((AuditJson.toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        if (fsync == FsyncPolicy.EVERY_ENTRY) {
            channel.force(false);
        }
    }

    @Override
    public void flush() throws IOException {
        if (fsync != FsyncPolicy.NONE) {
            channel.force(false);
        }
    }

    @Override
    public List<StoredEntry> readAll() throws IOException {
        return read(file);
    }

    @Override
    public String describe() {
        return "file " + file;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            lock.release();
        } finally {
            channel.close();
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
