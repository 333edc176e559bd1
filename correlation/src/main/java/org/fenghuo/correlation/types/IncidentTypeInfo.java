package org.fenghuo.correlation.types;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.fenghuo.events.Incident;

/** Flink type information for {@link Incident}, backed by {@link IncidentSerializer}. */
public final class IncidentTypeInfo extends SingletonTypeInfo<Incident> {
    private static final long serialVersionUID = 1L;

    public static final IncidentTypeInfo INSTANCE = new IncidentTypeInfo();

    private IncidentTypeInfo() {
        super(Incident.class, "Incident");
    }

    @Override
    TypeSerializer<Incident> serializer() {
        return IncidentSerializer.INSTANCE;
    }
}
