package org.fenghuo.collectors.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One record waiting for Kafka: what the Kafka record will hold (key, value) and where it goes,
 * plus the input it came from so that {@code sent} is counted per input when it leaves the spool.
 *
 * @param kind  which topic it goes to
 * @param input the input's name ({@code fenghuo.input})
 * @param key   Kafka key, or null
 * @param value Kafka value (ECS JSON of the event or dead letter)
 */
public record SpoolRecord(Kind kind, String input, byte[] key, byte[] value) {

    /** The topic a record is for; the topic names themselves come from the configuration at send time. */
    public enum Kind {
        EVENT, DEAD_LETTER
    }

    public SpoolRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(value, "value");
    }

    /** Payload layout: kind (1 byte), input length (2) and UTF-8, key length (4, -1 = null) and key, value. */
    byte[] encode() {
        byte[] inputBytes = input.getBytes(StandardCharsets.UTF_8);
        int inputLength = Math.min(inputBytes.length, 0xFFFF);
        int keyLength = key == null ? 0 : key.length;
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + inputLength + 4 + keyLength + value.length);
        out.put((byte) kind.ordinal());
        out.putShort((short) inputLength);
        out.put(inputBytes, 0, inputLength);
        out.putInt(key == null ? -1 : key.length);
        if (key != null) {
            out.put(key);
        }
        out.put(value);
        return out.array();
    }

    /** The inverse of {@link #encode()}; null when the payload is not one (a CRC collision, in practice never). */
    static SpoolRecord decode(ByteBuffer payload) {
        try {
            int kind = payload.get();
            if (kind < 0 || kind >= Kind.values().length) {
                return null;
            }
            byte[] inputBytes = new byte[Short.toUnsignedInt(payload.getShort())];
            payload.get(inputBytes);
            int keyLength = payload.getInt();
            byte[] key = null;
            if (keyLength >= 0) {
                key = new byte[keyLength];
                payload.get(key);
            }
            byte[] value = new byte[payload.remaining()];
            payload.get(value);
            return new SpoolRecord(Kind.values()[kind], new String(inputBytes, StandardCharsets.UTF_8), key, value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
