package org.fenghuo.correlation.detect;

import java.io.IOException;
import java.io.Serializable;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

/**
 * A value written with Java serialization, length-prefixed. For the anomaly detectors' per-key
 * states, which detection/ declares {@link Serializable} and nothing more (no Flink types there), and
 * for the small control records of the detection operator. Chosen over Kryo because the job runs
 * with generic types disabled, and because Java serialization is the contract detection/ promises
 * for these classes: a state class's {@code serialVersionUID} is its compatibility promise.
 * Mutable values: {@link #copy} is a serialization round trip, so the heap backend's
 * copy-on-write snapshots never share a state object with the running operator.
 *
 * @param <T> the serializable type
 */
public final class JavaSerializer<T extends Serializable> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    public JavaSerializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        return from == null ? null : fromBytes(toBytes(from));
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        byte[] bytes = toBytes(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return fromBytes(bytes);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    private byte[] toBytes(T value) {
        try {
            return InstantiationUtil.serializeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private T fromBytes(byte[] bytes) {
        try {
            return type.cast(InstantiationUtil.deserializeObject(bytes, type.getClassLoader()));
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot deserialize " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    Class<T> type() {
        return type;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof JavaSerializer<?> other && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(type);
    }

    /** Remembers the class by name; compatible as long as the class is the same (Java serialization decides the rest). */
    public static final class Snapshot<T extends Serializable> implements TypeSerializerSnapshot<T> {
        private Class<T> type;

        /** For Flink, which instantiates snapshots reflectively before {@link #readSnapshot}. */
        public Snapshot() {
        }

        Snapshot(Class<T> type) {
            this.type = type;
        }

        @Override
        public int getCurrentVersion() {
            return 1;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(type.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
            String name = in.readUTF();
            try {
                type = (Class<T>) Class.forName(name, false, classLoader);
            } catch (ClassNotFoundException e) {
                throw new IOException("state class " + name + " is not on the classpath", e);
            }
        }

        @Override
        public TypeSerializer<T> restoreSerializer() {
            return new JavaSerializer<>(type);
        }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
            if (oldSnapshot instanceof Snapshot<T> old && old.type.getName().equals(type.getName())) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
