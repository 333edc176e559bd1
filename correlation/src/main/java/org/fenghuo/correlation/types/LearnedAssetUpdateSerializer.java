package org.fenghuo.correlation.types;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fenghuo.correlation.incident.LearnedAsset;
import org.fenghuo.correlation.incident.LearnedAssetUpdate;

/** Serialises a {@link LearnedAssetUpdate}: the address, then what is known and until when. */
public final class LearnedAssetUpdateSerializer extends ImmutableValueSerializer<LearnedAssetUpdate> {
    private static final long serialVersionUID = 1L;

    public static final LearnedAssetUpdateSerializer INSTANCE = new LearnedAssetUpdateSerializer();

    @Override
    public LearnedAssetUpdate createInstance() {
        return null;
    }

    @Override
    public void serialize(LearnedAssetUpdate u, DataOutputView out) throws IOException {
        DataViews.writeString(out, u.ip());
        LearnedAsset l = u.learned();
        DataViews.writeString(out, l.ip());
        DataViews.writeInstant(out, l.since());
        out.writeInt(l.icsProtocols().size());
        for (Map.Entry<String, Instant> e : l.icsProtocols().entrySet()) {
            DataViews.writeString(out, e.getKey());
            DataViews.writeInstant(out, e.getValue());
        }
        out.writeInt(l.adminPorts().size());
        for (Map.Entry<Integer, Instant> e : l.adminPorts().entrySet()) {
            out.writeInt(e.getKey());
            DataViews.writeInstant(out, e.getValue());
        }
        DataViews.writeInstant(out, l.engineeringSince());
        DataViews.writeInstant(out, l.serverSince());
        DataViews.writeInstant(out, l.until());
    }

    @Override
    public LearnedAssetUpdate deserialize(DataInputView in) throws IOException {
        String ip = DataViews.readString(in);
        String learnedIp = DataViews.readString(in);
        Instant since = DataViews.readInstant(in);
        TreeMap<String, Instant> ics = new TreeMap<>();
        for (int i = 0, n = count(in); i < n; i++) {
            ics.put(DataViews.readString(in), DataViews.readInstant(in));
        }
        TreeMap<Integer, Instant> admin = new TreeMap<>();
        for (int i = 0, n = count(in); i < n; i++) {
            admin.put(in.readInt(), DataViews.readInstant(in));
        }
        Instant engineering = DataViews.readInstant(in);
        Instant server = DataViews.readInstant(in);
        return new LearnedAssetUpdate(ip, new LearnedAsset(learnedIp, since, ics, admin, engineering, server,
                DataViews.readInstant(in)));
    }

    private static int count(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 65_536) {
            throw new IOException("corrupt learned asset: " + n + " entries");
        }
        return n;
    }

    @Override
    public TypeSerializerSnapshot<LearnedAssetUpdate> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; must keep a public no-argument constructor. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<LearnedAssetUpdate> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
