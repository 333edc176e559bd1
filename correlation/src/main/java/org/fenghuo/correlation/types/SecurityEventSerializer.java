package org.fenghuo.correlation.types;

import java.io.IOException;

import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;

/**
 * Serialises {@link SecurityEvent} as its ECS JSON, length-prefixed. JSON rather than Flink's POJO
 * serializer because events carry open-ended maps ({@code extra}, labels) that would otherwise fall
 * back to Kryo, and because state written as ECS JSON survives changes to the record's shape.
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
        byte[] json = EcsJsonCodec.toJsonBytes(event);
        target.writeInt(json.length);
        target.write(json);
    }

    @Override
    public SecurityEvent deserialize(DataInputView source) throws IOException {
        byte[] json = new byte[source.readInt()];
        source.readFully(json);
        try {
            return EcsJsonCodec.fromJson(json);
        } catch (EcsJsonException e) {
            // Only our own serialize() wrote these bytes: failing to read them back is corruption.
            throw new IOException("corrupt SecurityEvent in Flink state or network buffer: " + e.getMessage(), e);
        }
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        byte[] json = new byte[source.readInt()];
        source.readFully(json);
        target.writeInt(json.length);
        target.write(json);
    }

    @Override
    public TypeSerializerSnapshot<SecurityEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; must keep a public no-argument constructor. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SecurityEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

}
