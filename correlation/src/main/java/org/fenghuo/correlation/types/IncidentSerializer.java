package org.fenghuo.correlation.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.Incident;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.IncidentStatus;
import org.fenghuo.events.Severity;
import org.fenghuo.events.WarningLevel;

/** Serialises {@link Incident} field by field (enums by name), for Flink state and network buffers. */
public final class IncidentSerializer extends ImmutableValueSerializer<Incident> {
    private static final long serialVersionUID = 1L;

    public static final IncidentSerializer INSTANCE = new IncidentSerializer();

    @Override
    public Incident createInstance() {
        return null;
    }

    @Override
    public void serialize(Incident i, DataOutputView out) throws IOException {
        DataViews.writeString(out, i.id());
        DataViews.writeInstant(out, i.created());
        DataViews.writeInstant(out, i.updated());
        DataViews.writeString(out, i.title());
        DataViews.writeEnum(out, i.status());
        DataViews.writeEnum(out, i.severity());
        out.writeInt(i.riskScore());
        DataViews.writeStrings(out, i.alertIds());
        AlertSerializer.writeEntities(out, i.entities());
        DataViews.writeEnums(out, i.tactics());
        AlertSerializer.writeTechniques(out, i.techniques());
        DataViews.writeEnum(out, i.category());
        DataViews.writeEnum(out, i.warningLevel());
    }

    @Override
    public Incident deserialize(DataInputView in) throws IOException {
        return new Incident(DataViews.readString(in), DataViews.readInstant(in), DataViews.readInstant(in),
                DataViews.readString(in), DataViews.readEnum(in, IncidentStatus.class),
                DataViews.readEnum(in, Severity.class), in.readInt(), DataViews.readStrings(in),
                AlertSerializer.readEntities(in), DataViews.readEnums(in, AttackTactic.class),
                AlertSerializer.readTechniques(in), DataViews.readEnum(in, IncidentCategory.class),
                DataViews.readEnum(in, WarningLevel.class));
    }

    @Override
    public TypeSerializerSnapshot<Incident> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; must keep a public no-argument constructor. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Incident> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
