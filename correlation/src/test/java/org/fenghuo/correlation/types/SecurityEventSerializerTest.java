package org.fenghuo.correlation.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.api.Test;

class SecurityEventSerializerTest {
    private final SecurityEventSerializer serializer = SecurityEventSerializer.INSTANCE;
    private final SecurityEvent event = TestEvents.sshFailure("id-1", Instant.parse("2026-11-23T10:00:00.123Z"), "10.1.2.3");

    @Test
    void roundTripsAnEvent() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(event, out);
        serializer.serialize(event, out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(serializer.deserialize(in)).isEqualTo(event);
        assertThat(serializer.deserialize(in)).isEqualTo(event);
        assertThat(in.available()).isZero();
    }

    @Test
    void copiesSerializedFormWithoutDecoding() throws IOException {
        DataOutputSerializer first = new DataOutputSerializer(256);
        serializer.serialize(event, first);
        DataOutputSerializer second = new DataOutputSerializer(256);
        serializer.copy(new DataInputDeserializer(first.getCopyOfBuffer()), second);
        assertThat(second.getCopyOfBuffer()).isEqualTo(first.getCopyOfBuffer());
    }

    @Test
    void corruptBytesFailLoudly() {
        DataOutputSerializer out = new DataOutputSerializer(16);
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        try {
            out.writeInt(garbage.length);
            out.write(garbage);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .isInstanceOf(IOException.class).hasMessageContaining("corrupt SecurityEvent");
    }

    @Test
    void snapshotRestoresTheSameSerializer() {
        TypeSerializerSnapshot<SecurityEvent> snapshot = serializer.snapshotConfiguration();
        TypeSerializer<SecurityEvent> restored = snapshot.restoreSerializer();
        assertThat(restored).isEqualTo(serializer);
        assertThat(snapshot.resolveSchemaCompatibility(new SecurityEventSerializer.Snapshot()).isCompatibleAsIs()).isTrue();
    }

    @Test
    void typeInfoUsesTheJsonSerializer() {
        assertThat(SecurityEventTypeInfo.INSTANCE.createSerializer(null)).isSameAs(serializer);
        assertThat(SecurityEventTypeInfo.INSTANCE.getTypeClass()).isEqualTo(SecurityEvent.class);
    }
}
