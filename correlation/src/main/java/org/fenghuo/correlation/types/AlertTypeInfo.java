package org.fenghuo.correlation.types;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.fenghuo.events.Alert;

/** Flink type information for {@link Alert}, backed by {@link AlertSerializer}. */
public final class AlertTypeInfo extends SingletonTypeInfo<Alert> {
    private static final long serialVersionUID = 1L;

    public static final AlertTypeInfo INSTANCE = new AlertTypeInfo();

    private AlertTypeInfo() {
        super(Alert.class, "Alert");
    }

    @Override
    TypeSerializer<Alert> serializer() {
        return AlertSerializer.INSTANCE;
    }
}
