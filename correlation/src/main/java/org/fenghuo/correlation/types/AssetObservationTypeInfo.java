package org.fenghuo.correlation.types;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.fenghuo.correlation.incident.AssetObservation;

/** Flink type information for {@link AssetObservation}, backed by {@link AssetObservationSerializer}. */
public final class AssetObservationTypeInfo extends SingletonTypeInfo<AssetObservation> {
    private static final long serialVersionUID = 1L;

    public static final AssetObservationTypeInfo INSTANCE = new AssetObservationTypeInfo();

    private AssetObservationTypeInfo() {
        super(AssetObservation.class, "AssetObservation");
    }

    @Override
    TypeSerializer<AssetObservation> serializer() {
        return AssetObservationSerializer.INSTANCE;
    }
}
