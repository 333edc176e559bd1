package org.fenghuo.correlation.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fenghuo.detection.anomaly.auth.AuthState;
import org.junit.jupiter.api.Test;

class JavaSerializerTest {

    @Test
    void valuesAndTheSerializerSnapshotRoundTrip() throws Exception {
        JavaSerializer<DetectionUpdate> serializer = new JavaSerializer<>(DetectionUpdate.class);
        DetectionUpdate update = new DetectionUpdate(4, DetectionSettings.defaults().withSigmaRules("/r"));
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(update, out);
        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(update);

        DataOutputSerializer snapshotBytes = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(snapshotBytes, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<DetectionUpdate> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(snapshotBytes.getCopyOfBuffer()), getClass().getClassLoader());
        TypeSerializer<DetectionUpdate> restored = read.restoreSerializer();
        assertThat(restored).isEqualTo(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs()).isTrue();
        assertThat(new JavaSerializer<>(AuthState.class).snapshotConfiguration()
                .resolveSchemaCompatibility(new JavaSerializer<>(AuthState.class).snapshotConfiguration())
                .isCompatibleAsIs()).isTrue();
    }

    @Test
    void aCopyIsDetachedFromTheOriginal() {
        JavaSerializer<ArrayList> serializer = new JavaSerializer<>(ArrayList.class);
        ArrayList<String> original = new ArrayList<>(List.of("a"));
        List<Object> copy = new ArrayList<Object>(serializer.copy(original));
        original.add("b");
        assertThat(copy).containsExactly((Object) "a");
    }

    @Test
    void aValueThatCannotBeSerializedSaysWhichType() {
        JavaSerializer<ArrayList> serializer = new JavaSerializer<>(ArrayList.class);
        ArrayList<Object> list = new ArrayList<>(List.of(new Object()));
        assertThatThrownBy(() -> serializer.copy(list)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot serialize java.util.ArrayList");
    }
}
