package org.fenghuo.correlation.correlate;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Common part of this package's state serializers: immutable records, variable length, a
 * stream-to-stream copy by reading and writing (the values are small and rarely copied).
 *
 * @param <T> the record
 */
abstract class StateSerializer<T> extends TypeSerializerSingleton<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public final T createInstance() {
        return null;
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final T copy(T from, T reuse) {
        return from;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    /** Reads the leading format byte and refuses one this code does not know. */
    static void checkFormat(DataInputView in, int expected, String what) throws IOException {
        int format = in.readUnsignedByte();
        if (format != expected) {
            throw new IOException("unknown " + what + " state format " + format + " (this version reads " + expected
                    + "); was the checkpoint written by a newer Fenghuo?");
        }
    }
}
