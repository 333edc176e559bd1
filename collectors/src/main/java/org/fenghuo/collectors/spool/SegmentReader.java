package org.fenghuo.collectors.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads the records of one segment file. On disk a record is its payload length (4 bytes, big
 * endian), the CRC32C of the payload (4 bytes) and the payload ({@link SpoolRecord#encode()}).
 * Never throws for bad content: a bad checksum is one {@link Item.Corrupt} record (its length is
 * still believed, so reading goes on after it); an impossible or cut-off length makes the rest of
 * the segment {@link Item.Unreadable}. Single-threaded.
 */
final class SegmentReader implements AutoCloseable {

    static final int HEADER_BYTES = 8;
    /** Larger than any event (frames are at most 16 MiB): a length above it is corruption. */
    static final int MAX_PAYLOAD_BYTES = 64 << 20;

    /** What is found at a position. */
    sealed interface Item {
        /** A good record ending at {@code end}. */
        record Valid(SpoolRecord record, long end) implements Item {
        }

        /** A record with a bad checksum or payload, skipped; the next one starts at {@code end}. */
        record Corrupt(long end, String reason) implements Item {
        }

        /** Nothing after this position can be read: a cut-off record or an impossible length. */
        record Unreadable(String reason) implements Item {
        }

        /** The position is the limit. */
        record End() implements Item {
        }
    }

    private final FileChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);

    SegmentReader(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    long size() throws IOException {
        return channel.size();
    }

    /** The item at {@code position} (a file offset), reading no byte at or beyond {@code limit}. */
    Item next(long position, long limit) throws IOException {
        if (position >= limit) {
            return new Item.End();
        }
        if (limit - position < HEADER_BYTES) {
            return new Item.Unreadable("a record header cut off after " + (limit - position) + " bytes");
        }
        header.clear();
        readFully(header, position);
        int length = header.getInt(0);
        int crc = header.getInt(4);
        if (length < 0 || length > MAX_PAYLOAD_BYTES) {
            return new Item.Unreadable("impossible record length " + length);
        }
        long end = position + HEADER_BYTES + length;
        if (end > limit) {
            return new Item.Unreadable("a record of " + length + " bytes cut off after " + (limit - position
                    - HEADER_BYTES) + " bytes");
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(payload, position + HEADER_BYTES);
        CRC32C actual = new CRC32C();
        actual.update(payload.array());
        if ((int) actual.getValue() != crc) {
            return new Item.Corrupt(end, "CRC32C mismatch");
        }
        SpoolRecord record = SpoolRecord.decode(payload.flip());
        return record == null ? new Item.Corrupt(end, "payload is not a spool record") : new Item.Valid(record, end);
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("segment shorter than its size while reading at " + at);
            }
            at += n;
        }
    }

    /** The bytes of one record as they go on disk. */
    static ByteBuffer frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        out.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        return out.flip();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
