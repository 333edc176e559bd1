package org.fenghuo.collectors.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file {@code ack} of a spool: the offset of the first record Kafka has not acknowledged, as
 * decimal text. Replaced by write + rename, so a crash leaves the old or the new value, never half
 * of one. Losing an update only means re-sending (duplicates), never losing records.
 */
final class AckFile {

    private static final Logger LOG = LoggerFactory.getLogger(AckFile.class);
    private static final String NAME = "ack";

    private final Path file;
    private final Path temp;
    private final boolean force;

    /** @param force whether to fsync each update (the {@link FsyncPolicy#ALWAYS} policy) */
    AckFile(Path dir, boolean force) {
        this.file = dir.resolve(NAME);
        this.temp = dir.resolve(NAME + ".tmp");
        this.force = force;
    }

    /** The stored offset; 0 when there is none or it is unreadable (then everything is re-sent). */
    long read() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            LOG.error("spool ack file {} holds '{}', not an offset; re-reading from the oldest segment", file, text);
            return 0;
        }
    }

    void write(long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((offset + "\n").getBytes(StandardCharsets.US_ASCII)));
            if (force) {
                channel.force(false);
            }
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
