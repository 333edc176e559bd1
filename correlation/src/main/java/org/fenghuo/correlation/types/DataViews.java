package org.fenghuo.correlation.types;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Nullable strings, instants, enums and lists on Flink's data views, for our record serializers. */
final class DataViews {
    private DataViews() {
    }

    /** Length-prefixed UTF-8 (length -1 for null): {@code writeUTF} stops at 64 KB, messages need not. */
    static void writeString(DataOutputView out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeInstant(DataOutputView out, Instant value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    static Instant readInstant(DataInputView in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    /** By name, not ordinal, so adding a constant does not shift stored values. */
    static void writeEnum(DataOutputView out, Enum<?> value) throws IOException {
        writeString(out, value == null ? null : value.name());
    }

    static <E extends Enum<E>> E readEnum(DataInputView in, Class<E> type) throws IOException {
        String name = readString(in);
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown " + type.getSimpleName() + " '" + name + "' in Flink state or network buffer", e);
        }
    }

    static void writeStrings(DataOutputView out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            writeString(out, v);
        }
    }

    static List<String> readStrings(DataInputView in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(readString(in));
        }
        return values;
    }

    /** A list of enum constants, by name. */
    static <E extends Enum<E>> void writeEnums(DataOutputView out, List<E> values) throws IOException {
        out.writeInt(values.size());
        for (E v : values) {
            writeString(out, v.name());
        }
    }

    static <E extends Enum<E>> List<E> readEnums(DataInputView in, Class<E> type) throws IOException {
        List<String> names = readStrings(in);
        List<E> values = new ArrayList<>(names.size());
        for (String name : names) {
            try {
                values.add(Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                throw new IOException("unknown " + type.getSimpleName() + " '" + name + "' in Flink state or network buffer", e);
            }
        }
        return values;
    }
}
