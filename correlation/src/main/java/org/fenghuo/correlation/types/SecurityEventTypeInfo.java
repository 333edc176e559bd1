package org.fenghuo.correlation.types;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.fenghuo.events.SecurityEvent;

/** Flink type information for {@link SecurityEvent}, backed by {@link SecurityEventSerializer}. */
public final class SecurityEventTypeInfo extends TypeInformation<SecurityEvent> {
    private static final long serialVersionUID = 1L;

    public static final SecurityEventTypeInfo INSTANCE = new SecurityEventTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<SecurityEvent> getTypeClass() {
        return SecurityEvent.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<SecurityEvent> createSerializer(SerializerConfig config) {
        return SecurityEventSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "SecurityEvent(ECS JSON)";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof SecurityEventTypeInfo;
    }

    @Override
    public int hashCode() {
        return SecurityEventTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof SecurityEventTypeInfo;
    }
}
