package org.fenghuo.correlation.correlate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fenghuo.correlation.types.ImmutableValueSerializer;
import org.fenghuo.correlation.types.RuleHitSerializer;
import org.fenghuo.detection.sigma.correlation.RuleHit;

/** Flink serializer for {@link SubtaskState}, the correlation operator's checkpointed state. */
public final class SubtaskStateSerializer extends ImmutableValueSerializer<SubtaskState> {
    private static final long serialVersionUID = 1L;
    private static final int FORMAT = 1;

    static final SubtaskStateSerializer INSTANCE = new SubtaskStateSerializer();

    @Override
    public SubtaskState createInstance() {
        return null;
    }

    @Override
    public void serialize(SubtaskState s, DataOutputView out) throws IOException {
        out.writeByte(FORMAT);
        out.writeInt(s.firstKeyGroup());
        out.writeInt(s.lastKeyGroup());
        out.writeLong(s.watermark());
        out.writeInt(s.buffered().size());
        for (RuleHit h : s.buffered()) {
            RuleHitSerializer.INSTANCE.serialize(h, out);
        }
        PendingHitsSerializer.INSTANCE.serialize(s.pending(), out);
    }

    @Override
    public SubtaskState deserialize(DataInputView in) throws IOException {
        PendingHitsSerializer.checkFormat(in, FORMAT, "correlation operator");
        int first = in.readInt();
        int last = in.readInt();
        long watermark = in.readLong();
        int n = in.readInt();
        List<RuleHit> buffered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            buffered.add(RuleHitSerializer.INSTANCE.deserialize(in));
        }
        return new SubtaskState(first, last, watermark, buffered, PendingHitsSerializer.INSTANCE.deserialize(in));
    }

    @Override
    public TypeSerializerSnapshot<SubtaskState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; must keep a public no-argument constructor. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SubtaskState> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
