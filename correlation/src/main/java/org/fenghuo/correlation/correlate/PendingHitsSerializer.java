package org.fenghuo.correlation.correlate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fenghuo.correlation.engine.PendingHits;
import org.fenghuo.correlation.types.ImmutableValueSerializer;
import org.fenghuo.correlation.types.RuleHitSerializer;

/**
 * Flink serializer for the correlator's {@link PendingHits}: the clock, each hit (with
 * {@link RuleHitSerializer}) and its replay targets, the mutes. Strings through Flink's
 * {@link StringSerializer} (nullable, no 64 KB limit: a group key joins field values).
 */
public final class PendingHitsSerializer extends ImmutableValueSerializer<PendingHits> {
    private static final long serialVersionUID = 1L;
    private static final int FORMAT = 1;

    public static final PendingHitsSerializer INSTANCE = new PendingHitsSerializer();

    @Override
    public PendingHits createInstance() {
        return null;
    }

    @Override
    public void serialize(PendingHits p, DataOutputView out) throws IOException {
        out.writeByte(FORMAT);
        out.writeLong(p.clockMillis());
        out.writeInt(p.hits().size());
        for (PendingHits.Pending h : p.hits()) {
            RuleHitSerializer.INSTANCE.serialize(h.hit(), out);
            out.writeInt(h.targets().size());
            for (String t : h.targets()) {
                StringSerializer.INSTANCE.serialize(t, out);
            }
        }
        out.writeInt(p.mutes().size());
        for (PendingHits.Mute m : p.mutes()) {
            StringSerializer.INSTANCE.serialize(m.rule(), out);
            StringSerializer.INSTANCE.serialize(m.groupKey(), out);
            out.writeLong(m.firedMillis());
        }
    }

    @Override
    public PendingHits deserialize(DataInputView in) throws IOException {
        checkFormat(in, FORMAT, "pending hits");
        long clock = in.readLong();
        int n = in.readInt();
        List<PendingHits.Pending> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var hit = RuleHitSerializer.INSTANCE.deserialize(in);
            int targets = in.readInt();
            List<String> to = new ArrayList<>(targets);
            for (int j = 0; j < targets; j++) {
                to.add(StringSerializer.INSTANCE.deserialize(in));
            }
            hits.add(new PendingHits.Pending(hit, to));
        }
        int m = in.readInt();
        List<PendingHits.Mute> mutes = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            mutes.add(new PendingHits.Mute(StringSerializer.INSTANCE.deserialize(in),
                    StringSerializer.INSTANCE.deserialize(in), in.readLong()));
        }
        return new PendingHits(clock, hits, mutes);
    }

    /** Reads the leading format byte and refuses one this code does not know. */
    static void checkFormat(DataInputView in, int expected, String what) throws IOException {
        int format = in.readUnsignedByte();
        if (format != expected) {
            throw new IOException("unknown " + what + " state format " + format + " (this version reads " + expected
                    + "); was the checkpoint written by a newer Fenghuo?");
        }
    }

    @Override
    public TypeSerializerSnapshot<PendingHits> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; must keep a public no-argument constructor. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PendingHits> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
