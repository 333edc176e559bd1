package org.fenghuo.correlation.types;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fenghuo.correlation.incident.AssetObservation;

/** Serialises an {@link AssetObservation}: time, responder, initiator, port, industrial protocol. */
public final class AssetObservationSerializer extends ImmutableValueSerializer<AssetObservation> {
    private static final long serialVersionUID = 1L;

    public static final AssetObservationSerializer INSTANCE = new AssetObservationSerializer();

    @Override
    public AssetObservation createInstance() {
        return null;
    }

    @Override
    public void serialize(AssetObservation o, DataOutputView out) throws IOException {
        DataViews.writeInstant(out, o.timestamp());
        DataViews.writeString(out, o.server());
        DataViews.writeString(out, o.client());
        out.writeInt(o.port() == null ? -1 : o.port());
        DataViews.writeString(out, o.icsProtocol());
    }

    @Override
    public AssetObservation deserialize(DataInputView in) throws IOException {
        var timestamp = DataViews.readInstant(in);
        String server = DataViews.readString(in);
        String client = DataViews.readString(in);
        int port = in.readInt();
        return new AssetObservation(timestamp, server, client, port < 0 ? null : port, DataViews.readString(in));
    }

    @Override
    public TypeSerializerSnapshot<AssetObservation> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; must keep a public no-argument constructor. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<AssetObservation> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
