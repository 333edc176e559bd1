package org.fenghuo.correlation.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fenghuo.correlation.engine.PendingHits;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.junit.jupiter.api.Test;

/** The checkpoint format of the operator's state: what goes in comes out, an unknown format is refused. */
class StateSerializersTest {

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T back = serializer.deserialize(in);
        assertThat(in.available()).isZero();
        return back;
    }

    private static PendingHits pending() {
        RuleHit noName = new RuleHit("id-only", null, Scenario.T0.plusNanos(1_500_001),
                Scenario.hit("a", "2", 0, "10.0.0.2", "u").event());
        String longKey = "x".repeat(70_000) + "\u001f10.0.0.1"; // past writeUTF's 64 KB
        return new PendingHits(Scenario.at(9_000),
                List.of(new PendingHits.Pending(Scenario.hit("a", "1", 0, "10.0.0.1", "u"), List.of("burst", "users")),
                        new PendingHits.Pending(noName, List.of())),
                List.of(new PendingHits.Mute("burst", longKey, Scenario.at(1_000))));
    }

    @Test
    void pendingHitsComeBackEqual() throws IOException {
        PendingHits p = pending();
        assertThat(roundTrip(PendingHitsSerializer.INSTANCE, p)).isEqualTo(p);
    }

    @Test
    void aSubtaskStateComesBackEqual() throws IOException {
        SubtaskState s = new SubtaskState(64, 127, Scenario.at(8_000),
                List.of(Scenario.hit("c", "9", 8_500, "10.0.0.3", "v")), pending());
        assertThat(roundTrip(SubtaskStateSerializer.INSTANCE, s)).isEqualTo(s);
        assertThat(s.overlaps(0, 63)).isFalse();
        assertThat(s.overlaps(100, 200)).isTrue();
    }

    @Test
    void anUnknownFormatIsRefusedWithWhatItIs() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeByte(9);
        assertThatThrownBy(() -> PendingHitsSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .isInstanceOf(IOException.class).hasMessageContaining("pending hits state format 9");
    }
}
