package org.fenghuo.correlation.types;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.AttackTechnique;
import org.fenghuo.events.Entities;
import org.fenghuo.events.IncidentCategory;
import org.fenghuo.events.Severity;

/** Serialises {@link Alert} field by field (enums by name), for Flink state and network buffers. */
public final class AlertSerializer extends ImmutableValueSerializer<Alert> {
    private static final long serialVersionUID = 1L;

    public static final AlertSerializer INSTANCE = new AlertSerializer();

    @Override
    public Alert createInstance() {
        return null;
    }

    @Override
    public void serialize(Alert a, DataOutputView out) throws IOException {
        DataViews.writeString(out, a.id());
        DataViews.writeInstant(out, a.timestamp());
        DataViews.writeString(out, a.ruleId());
        DataViews.writeString(out, a.ruleName());
        DataViews.writeString(out, a.ruleVersion());
        DataViews.writeEnum(out, a.severity());
        out.writeInt(a.riskScore());
        DataViews.writeEnum(out, a.category());
        DataViews.writeStrings(out, a.eventIds());
        writeEntities(out, a.entities());
        DataViews.writeEnums(out, a.tactics());
        writeTechniques(out, a.techniques());
        DataViews.writeString(out, a.message());
    }

    @Override
    public Alert deserialize(DataInputView in) throws IOException {
        return new Alert(DataViews.readString(in), DataViews.readInstant(in), DataViews.readString(in),
                DataViews.readString(in), DataViews.readString(in), DataViews.readEnum(in, Severity.class), in.readInt(),
                DataViews.readEnum(in, IncidentCategory.class), DataViews.readStrings(in), readEntities(in),
                DataViews.readEnums(in, AttackTactic.class), readTechniques(in), DataViews.readString(in));
    }

    static void writeEntities(DataOutputView out, Entities e) throws IOException {
        DataViews.writeStrings(out, e.sourceIps());
        DataViews.writeStrings(out, e.destinationIps());
        DataViews.writeStrings(out, e.users());
        DataViews.writeStrings(out, e.hosts());
    }

    static Entities readEntities(DataInputView in) throws IOException {
        return new Entities(DataViews.readStrings(in), DataViews.readStrings(in), DataViews.readStrings(in),
                DataViews.readStrings(in));
    }

    static void writeTechniques(DataOutputView out, List<AttackTechnique> techniques) throws IOException {
        out.writeInt(techniques.size());
        for (AttackTechnique t : techniques) {
            DataViews.writeString(out, t.id());
            DataViews.writeString(out, t.name());
        }
    }

    static List<AttackTechnique> readTechniques(DataInputView in) throws IOException {
        int n = in.readInt();
        List<AttackTechnique> techniques = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            techniques.add(new AttackTechnique(DataViews.readString(in), DataViews.readString(in)));
        }
        return techniques;
    }

    @Override
    public TypeSerializerSnapshot<Alert> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; must keep a public no-argument constructor. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Alert> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
