package org.fenghuo.correlation.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fenghuo.detection.sigma.correlation.RuleHit;

/** Serialises detection's {@link RuleHit}: rule id and name, time, and the event as ECS JSON. */
public final class RuleHitSerializer extends ImmutableValueSerializer<RuleHit> {
    private static final long serialVersionUID = 1L;

    public static final RuleHitSerializer INSTANCE = new RuleHitSerializer();

    @Override
    public RuleHit createInstance() {
        return null;
    }

    @Override
    public void serialize(RuleHit hit, DataOutputView out) throws IOException {
        DataViews.writeString(out, hit.ruleId());
        DataViews.writeString(out, hit.ruleName());
        DataViews.writeInstant(out, hit.timestamp());
        SecurityEventSerializer.INSTANCE.serialize(hit.event(), out);
    }

    @Override
    public RuleHit deserialize(DataInputView in) throws IOException {
        return new RuleHit(DataViews.readString(in), DataViews.readString(in), DataViews.readInstant(in),
                SecurityEventSerializer.INSTANCE.deserialize(in));
    }

    @Override
    public TypeSerializerSnapshot<RuleHit> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; must keep a public no-argument constructor. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RuleHit> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
