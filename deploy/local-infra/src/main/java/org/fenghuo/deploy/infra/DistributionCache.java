package org.fenghuo.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks a distribution zip once into a cache shared by all runs on the machine. Several JVMs may race:
 * each unpacks into its own temporary directory and renames it into place; the first rename wins and the
 * others throw their copy away, so a half-unpacked tree is never visible under the final name.
 */
final class DistributionCache {

    private static final Logger LOG = LoggerFactory.getLogger(DistributionCache.class);
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXEC = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-r--r--");
    /** Leftovers of unpackers that died; a live unpack of 100 MB never takes this long. */
    private static final Duration STALE = Duration.ofHours(1);

    private final Path base;

    DistributionCache(Path base) {
        this.base = base;
    }

    /**
     * The default cache root. As root it is under /var/tmp, not /root/.cache: the unprivileged account that
     * runs Elasticsearch must traverse it, and /root is mode 700.
     */
    static Path defaultBase(boolean root) {
        if (root) {
            return Path.of("/var/tmp/fenghuo");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("fenghuo");
    }

    Path base() {
        return base;
    }

    /** The unpacked tree for {@code name} (e.g. elasticsearch-8.19.21), unpacking {@code zip} if needed. */
    Path unpacked(Path zip, String name, String marker) {
        Path target = base.resolve(name);
        if (Files.isRegularFile(target.resolve(marker))) {
            return target;
        }
        try {
            createShared(base);
            removeStaleTemporaries(name);
            Path temporary = base.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
            long started = System.nanoTime();
            unzipStrippingTopDirectory(zip, temporary);
            if (!Files.isRegularFile(temporary.resolve(marker))) {
                Dirs.deleteQuietly(temporary);
                throw new IllegalStateException(zip + " does not look like the expected distribution: no " + marker);
            }
            publish(temporary, target);
            LOG.info("Unpacked {} into {} in {} ms", zip.getFileName(), target,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + target
                    + " (set " + ElasticsearchConfig.CACHE_DIR_ENV + " to use another cache directory)", e);
        }
    }

    private static void publish(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another JVM won the race; its tree is complete because it arrived by rename.
            Dirs.deleteQuietly(temporary);
        } catch (AtomicMoveNotSupportedException e) {
            Dirs.deleteQuietly(temporary);
            throw new IOException("the cache directory must allow atomic renames: " + temporary.getParent(), e);
        } catch (IOException e) {
            Dirs.deleteQuietly(temporary);
            if (!Files.isDirectory(target)) {
                throw e;
            }
        }
    }

    private static void createShared(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.setPosixFilePermissions(dir, DIR);
        } catch (IOException e) {
            // Someone else's directory: fine as long as we can write into it, which the unpack will tell.
        }
    }

    private void removeStaleTemporaries(String name) throws IOException {
        Instant cutoff = Instant.now().minus(STALE);
        try (Stream<Path> entries = Files.list(base)) {
            entries.filter(p -> p.getFileName().toString().startsWith("." + name + "."))
                    .filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .filter(p -> olderThan(p, cutoff))
                    .forEach(Dirs::deleteQuietly);
        }
    }

    private static boolean olderThan(Path path, Instant cutoff) {
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            return modified.toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Unzips with the zip filesystem because it exposes the Unix modes stored in the archive (java.util.zip
     * does not): bin/elasticsearch and friends must stay executable. Everything is made world-readable so
     * that another account can run it.
     */
    static void unzipStrippingTopDirectory(Path zip, Path destination) throws IOException {
        Files.createDirectories(destination);
        Files.setPosixFilePermissions(destination, DIR);
        try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.walk(fs.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getNameCount() < 2) {
                    continue;
                }
                Path relative = entry.subpath(1, entry.getNameCount());
                Path out = destination.resolve(relative.toString()).normalize();
                if (!out.startsWith(destination)) {
                    throw new IOException("zip entry escapes the destination: " + entry);
                }
                extract(entry, relative, out);
            }
        }
    }

    private static void extract(Path entry, Path relative, Path out) throws IOException {
        if (Files.isDirectory(entry)) {
            Files.createDirectories(out);
            Files.setPosixFilePermissions(out, DIR);
            return;
        }
        Files.createDirectories(out.getParent());
        Files.copy(entry, out, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(out, isExecutable(entry, relative) ? EXEC : FILE);
    }

    private static boolean isExecutable(Path entry, Path relative) {
        try {
            Set<PosixFilePermission> stored = Files.getPosixFilePermissions(entry);
            if (!stored.isEmpty()) {
                return stored.contains(PosixFilePermission.OWNER_EXECUTE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // No Unix modes recorded in the archive: fall back to the layout of the distribution.
        }
        return relative.getNameCount() == 2 && relative.getName(0).toString().equals("bin");
    }
}
