package org.fenghuo.correlation.types;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.fenghuo.correlation.incident.LearnedAssetUpdate;

/** Flink type information for {@link LearnedAssetUpdate}, backed by {@link LearnedAssetUpdateSerializer}. */
public final class LearnedAssetUpdateTypeInfo extends SingletonTypeInfo<LearnedAssetUpdate> {
    private static final long serialVersionUID = 1L;

    public static final LearnedAssetUpdateTypeInfo INSTANCE = new LearnedAssetUpdateTypeInfo();

    private LearnedAssetUpdateTypeInfo() {
        super(LearnedAssetUpdate.class, "LearnedAssetUpdate");
    }

    @Override
    TypeSerializer<LearnedAssetUpdate> serializer() {
        return LearnedAssetUpdateSerializer.INSTANCE;
    }
}
