package org.fenghuo.correlation.types;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.fenghuo.events.SecurityEvent;

/** Flink type information for {@link SecurityEvent}, backed by {@link SecurityEventSerializer}. */
public final class SecurityEventTypeInfo extends SingletonTypeInfo<SecurityEvent> {
    private static final long serialVersionUID = 1L;

    public static final SecurityEventTypeInfo INSTANCE = new SecurityEventTypeInfo();

    private SecurityEventTypeInfo() {
        super(SecurityEvent.class, "SecurityEvent(binary)");
    }

    @Override
    TypeSerializer<SecurityEvent> serializer() {
        return SecurityEventSerializer.INSTANCE;
    }
}
