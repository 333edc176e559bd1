package org.fenghuo.crypto.audit.store;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.AuditEncoding;
import org.fenghuo.crypto.audit.AuditEntry;
import org.fenghuo.crypto.audit.AuditJson;
import org.fenghuo.crypto.audit.AuditLimits;
import org.fenghuo.crypto.audit.AuditStore;
import org.fenghuo.crypto.audit.StoredEntries;
import org.fenghuo.crypto.audit.StoredEntry;

/**
 * The trail as a local file of JSON lines, one entry per line, opened in append mode (the OS
 * puts every write at the end whatever the offset). On open the last line is read back so the
 * chain continues; a file whose last line is cut off or does not hash to itself is refused
 * rather than silently extended.
 *
 * <p>One writer per file: the store locks a sibling file {@code <name>.lock}, which it opens once
 * and never reopens, and not the trail itself. POSIX drops every lock a process holds on a file
 * when the process closes <em>any</em> descriptor of that file, so a lock on the trail would be
 * lost to the first read of it (by this store or anyone else in the JVM). Within one JVM a second
 * open is refused from a registry of held locks, before any channel to the lock file is opened.
 * The lock file stays on disk after close: deleting it would let two writers lock two inodes.
 */
public final class FileAuditStore implements AuditStore {

    /** Real paths of the lock files this JVM holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FsyncPolicy fsync;
    private final FileChannel channel;
    private final Path lockPath;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private FileAuditStore(Path file, FsyncPolicy fsync, FileChannel channel, Path lockPath, FileChannel lockChannel,
                           FileLock lock) {
        this.file = file;
        this.fsync = fsync;
        this.channel = channel;
        this.lockPath = lockPath;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The lock file of {@code file}: {@code <file>.lock} beside it. */
    public static Path lockFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /**
     * Opens (creating if needed) {@code file} for appending.
     *
     * @throws IOException naming the file when another writer (in this or another process) holds it
     */
    public static FileAuditStore open(Path file, FsyncPolicy fsync) throws IOException {
        Path lockPath = lockFile(file);
        try {
            Files.createFile(lockPath);
        } catch (FileAlreadyExistsException e) {
            // a previous writer left it; it is only a lock
        }
        Path key = lockPath.toRealPath();
        if (!HELD.add(key)) {
            throw new IOException("audit file " + file + " is locked by another writer (in this process)");
        }
        FileChannel lockChannel = null;
        try {
            lockChannel = FileChannel.open(key, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // a hard link to a lock this JVM holds
            }
            if (lock == null) {
                throw new IOException("audit file " + file + " is locked by another writer (" + lockPath + ")");
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            return new FileAuditStore(file, fsync, channel, key, lockChannel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            if (lockChannel != null) {
                lockChannel.close();
            }
            throw e;
        }
    }

    /** Reads a trail file without opening it for writing (for verification and tests); the whole file in memory. */
    public static List<StoredEntry> read(Path file) throws IOException {
        List<StoredEntry> out = new ArrayList<>();
        try (StoredEntries entries = entries(file)) {
            for (StoredEntry e = entries.next(); e != null; e = entries.next()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Streams a trail file line by line (any size); a line over {@link AuditLimits#MAX_LINE_BYTES} is kept cut short. */
    public static StoredEntries entries(Path file) throws IOException {
        return new LineReader(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
    }

    @Override
    public StoredEntries entries() throws IOException {
        return entries(file);
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
            while (buffer.hasRemaining() && reader.read(buffer, size - window + buffer.position()) >= 0) {
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
        byte[] json = AuditJson.toUtf8(entry);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
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
        } finally {
            try {
                channel.close();
            } finally {
                try {
                    lock.release();
                    lockChannel.close();
                } finally {
                    HELD.remove(lockPath);
                }
            }
        }
    }

    private static int lastIndexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** JSON lines from a stream, keeping line numbers; a missing final newline marks the last entry incomplete. */
    private static final class LineReader implements StoredEntries {
        private final InputStream in;
        private long line;
        private boolean done;

        LineReader(InputStream in) {
            this.in = in;
        }

        @Override
        public StoredEntry next() throws IOException {
            if (done) {
                return null;
            }
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
            long length = 0;
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (length < AuditLimits.MAX_LINE_BYTES) {
                    buffer.write(b);
                }
                length++;
            }
            if (b < 0) {
                done = true;
                if (length == 0) {
                    return null;
                }
            }
            line++;
            return new StoredEntry(line, "line " + line, buffer.toByteArray(), b == '\n');
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
