package org.fenghuo.correlation.detect;

import java.io.Serializable;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for a {@link Serializable} class written by {@link JavaSerializer}: the
 * anomaly detectors' states and the detection control records, without Kryo.
 *
 * @param <T> the serializable type
 */
public final class JavaSerializedTypeInfo<T extends Serializable> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    public JavaSerializedTypeInfo(Class<T> type) {
        this.type = type;
    }

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
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new JavaSerializer<>(type);
    }

    @Override
    public String toString() {
        return "JavaSerialized<" + type.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof JavaSerializedTypeInfo<?> other && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof JavaSerializedTypeInfo<?>;
    }
}
