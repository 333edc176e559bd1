package org.fenghuo.correlation.types;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEventBinary;

/**
 * Serialises {@link SecurityEvent} in {@link SecurityEventBinary}'s compact form between operators
 * and in operator state. Events carry open-ended maps ({@code extra}, labels) that Flink's POJO
 * serializer would hand to Kryo; the ECS JSON this serializer wrote before cost more than half of
 * the keyed anomaly operator's CPU.
 *
 * <p>State written by the JSON form (a big-endian length, then ECS JSON) is still read: that form's
 * first byte is below 0x80, the binary one's is {@link SecurityEventBinary#FORMAT}.
 */
public final class SecurityEventSerializer extends ImmutableValueSerializer<SecurityEvent> {
    private static final long serialVersionUID = 1L;

    public static final SecurityEventSerializer INSTANCE = new SecurityEventSerializer();

    @Override
    public SecurityEvent createInstance() {
        return SecurityEvent.builder().build();
    }

    @Override
    public void serialize(SecurityEvent event, DataOutputView target) throws IOException {
        SecurityEventBinary.write(event, target);
    }

    @Override
    public SecurityEvent deserialize(DataInputView source) throws IOException {
        int first = source.readUnsignedByte();
        if (first == SecurityEventBinary.FORMAT) {
            return SecurityEventBinary.readAfterFormat(source);
        }
        if (first >= 0x80) {
            throw new IOException(String.format("corrupt SecurityEvent in Flink state or network buffer: first byte "
                    + "0x%02x is neither the binary form (0x%02x) nor a JSON length", first, SecurityEventBinary.FORMAT));
        }
        return fromJsonForm(first, source);
    }

    /** The form before the binary one, kept for state in checkpoints and savepoints taken then. */
    private static SecurityEvent fromJsonForm(int firstLengthByte, DataInputView source) throws IOException {
        int length = firstLengthByte << 24 | source.readUnsignedByte() << 16 | source.readUnsignedByte() << 8
                | source.readUnsignedByte();
        byte[] json = SecurityEventBinary.readBytes(source, length);
        try {
            return EcsJsonCodec.fromJson(json);
        } catch (EcsJsonException e) {
            // Only our own serialize() wrote these bytes: failing to read them back is corruption.
            throw new IOException("corrupt SecurityEvent in Flink state or network buffer: " + e.getMessage(), e);
        }
    }

    /** {@link BinarySnapshot}: a jar from before the binary form then fails at restore naming a class it lacks. */
    @Override
    public TypeSerializerSnapshot<SecurityEvent> snapshotConfiguration() {
        return new BinarySnapshot();
    }

    /** Written into checkpoints since the binary form; restores this serializer. */
    public static final class BinarySnapshot extends SimpleTypeSerializerSnapshot<SecurityEvent> {
        public BinarySnapshot() {
            super(() -> INSTANCE);
        }

        /** State of either form reads as it is: {@link #deserialize} tells them apart by their first byte. */
        @Override
        public TypeSerializerSchemaCompatibility<SecurityEvent> resolveSchemaCompatibility(
                TypeSerializerSnapshot<SecurityEvent> oldSnapshot) {
            return oldSnapshot instanceof BinarySnapshot || oldSnapshot instanceof Snapshot
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }

    /**
     * Written into checkpoints while this serializer wrote ECS JSON; kept so they restore. Public with a
     * no-argument constructor, as Flink instantiates it by name.
     */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SecurityEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
