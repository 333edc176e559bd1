package org.fenghuo.correlation.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.SecurityEventBinary;
import org.junit.jupiter.api.Test;

class SecurityEventSerializerTest {
    private final SecurityEventSerializer serializer = SecurityEventSerializer.INSTANCE;
    private final SecurityEvent event = TestEvents.sshFailure("id-1", Instant.parse("2026-11-23T10:00:00.123Z"), "10.1.2.3");

    @Test
    void roundTripsAnEvent() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(event, out);
        serializer.serialize(event, out);

        assertReadsTheEventTwiceAndNothingMore(out.getCopyOfBuffer());
    }

    @Test
    void roundTripsEveryStringFormAndExtraThroughFlinksBuffers() throws IOException {
        // Flink's DataOutputSerializer is not java.io's DataOutputStream (its writeBytes(String) is off by one)
        SecurityEvent rich = event.toBuilder().message("登录失败 \uD83D\uDE00 lone \uD800 é")
                .labels(Map.of("city", "杭州", "zone", "dmz"))
                .extra(Map.of("fenghuo.asset.tags", List.of("plc", 3, 4L, 0.5), "geo.city_name", "Hangzhou")).build();
        DataOutputSerializer out = new DataOutputSerializer(16);
        for (int i = 0; i < 100; i++) {
            serializer.serialize(rich, out);
        }

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        for (int i = 0; i < 100; i++) {
            assertThat(serializer.deserialize(in)).isEqualTo(rich);
        }
        assertThat(in.available()).isZero();
    }

    @Test
    void writesTheBinaryFormNotJson() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(event, out);

        byte[] bytes = out.getCopyOfBuffer();
        assertThat(bytes[0] & 0xFF).isEqualTo(SecurityEventBinary.FORMAT);
        assertThat(bytes.length).isLessThan(EcsJsonCodec.toJsonBytes(event).length);
    }

    @Test
    void readsTheJsonFormOfOlderCheckpoints() throws IOException {
        // what this serializer wrote before the binary form: a big-endian length, then ECS JSON
        byte[] json = EcsJsonCodec.toJsonBytes(event);
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeInt(json.length);
        out.write(json);
        serializer.serialize(event, out);

        assertReadsTheEventTwiceAndNothingMore(out.getCopyOfBuffer());
    }

    private void assertReadsTheEventTwiceAndNothingMore(byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        assertThat(serializer.deserialize(in)).isEqualTo(event);
        assertThat(serializer.deserialize(in)).isEqualTo(event);
        assertThat(in.available()).isZero();
    }

    @Test
    void copiesOneRecordAndNoMore() throws IOException {
        DataOutputSerializer first = new DataOutputSerializer(256);
        serializer.serialize(event, first);
        serializer.serialize(event, first);
        DataInputDeserializer in = new DataInputDeserializer(first.getCopyOfBuffer());
        DataOutputSerializer second = new DataOutputSerializer(256);

        serializer.copy(in, second);

        assertThat(serializer.deserialize(new DataInputDeserializer(second.getCopyOfBuffer()))).isEqualTo(event);
        assertThat(serializer.deserialize(in)).isEqualTo(event);
        assertThat(in.available()).isZero();
    }

    @Test
    void aFirstByteOfNeitherFormFailsLoudly() {
        byte[] bytes = {(byte) 0x90, 1, 2, 3};

        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class).hasMessageContaining("first byte 0x90");
    }

    @Test
    void snapshotRestoresTheSameSerializerFromEitherForm() {
        TypeSerializerSnapshot<SecurityEvent> snapshot = serializer.snapshotConfiguration();

        assertThat(snapshot).isInstanceOf(SecurityEventSerializer.BinarySnapshot.class);
        assertThat(snapshot.restoreSerializer()).isEqualTo(serializer);
        assertThat(new SecurityEventSerializer.Snapshot().restoreSerializer()).isEqualTo(serializer);
        assertThat(snapshot.resolveSchemaCompatibility(new SecurityEventSerializer.BinarySnapshot()).isCompatibleAsIs())
                .isTrue();
        // a checkpoint of the JSON form: the same serializer reads it, no migration
        assertThat(snapshot.resolveSchemaCompatibility(new SecurityEventSerializer.Snapshot()).isCompatibleAsIs())
                .isTrue();
    }

    @Test
    void aCorruptJsonLengthCostsAnEofNotItsSize() {
        // a first byte below 0x80 reads as the JSON form's length: 0x7F000000 bytes (2 GB) announced, 3 present
        byte[] bytes = {0x7F, 0, 0, 0, '{', '}', ' '};

        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void typeInfoUsesThisSerializer() {
        assertThat(SecurityEventTypeInfo.INSTANCE.createSerializer(null)).isSameAs(serializer);
        assertThat(SecurityEventTypeInfo.INSTANCE.getTypeClass()).isEqualTo(SecurityEvent.class);
    }
}
