package org.fenghuo.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of the {@code source}, {@code destination} and {@code network} objects one writer wrote
 * last, for a stream of events that share them: the packet collector builds these once per flow, and
 * a flow can carry thousands of protocol events (a Modbus poll), and many flows share a server's
 * endpoint. The records are immutable and the writer is a function of their content, so an equal
 * component writes the same bytes. A component is kept the second time it comes, so a flow with
 * one event costs nothing extra; many flows' events interleave, so each place keeps a small
 * table, not just the last one. Not thread-safe: one per {@link EcsJsonCodec.LineWriter}.
 */
final class ComponentMemo {
    final Slot source = new Slot();
    final Slot destination = new Slot();
    final Slot network = new Slot();

    private final ByteArrayBuilder captured = new ByteArrayBuilder(256);
    private final JsonGenerator captureGen;
    private final LazyJsonOut captureOut;

    ComponentMemo() {
        try {
            captureGen = JsonTreeParser.FACTORY.createGenerator(captured);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        captureGen.setRootValueSeparator(null);
        captureOut = new LazyJsonOut(captureGen);
    }

    /** Where a component is written to be kept: as a root object (its name passed as null). */
    LazyJsonOut captureOut() {
        return captureOut;
    }

    /** Ends a capture: the object written since the last one, or null if it had nothing to write. */
    SerializableString endCapture() throws IOException {
        captureGen.flush();
        byte[] json = captured.toByteArray();
        captured.reset();
        return json.length == 0 ? null : new SerializedString(new String(json, StandardCharsets.UTF_8));
    }

    /**
     * Components written at one place, in a small table indexed by a hash the caller derives from
     * the component's content (cached string hashes, no identity hash). The caller decides whether
     * the entry found holds an equal component; a collision replaces the entry.
     */
    static final class Slot {
        private static final int SIZE = 64;

        private final Object[] values = new Object[SIZE];
        private final boolean[] kept = new boolean[SIZE];
        private final SerializableString[] json = new SerializableString[SIZE];

        static int entry(int hash) {
            return (hash ^ (hash >>> 16)) & (SIZE - 1);
        }

        /** The component at {@code entry}, or null. */
        Object value(int entry) {
            return values[entry];
        }

        /** Puts {@code value} at {@code entry}, not kept yet: its next write finds it. */
        void remember(int entry, Object value) {
            values[entry] = value;
            kept[entry] = false;
            json[entry] = null;
        }

        boolean kept(int entry) {
            return kept[entry];
        }

        void keep(int entry, SerializableString json) {
            this.json[entry] = json;
            kept[entry] = true;
        }

        /** The kept JSON, null when the component writes nothing. */
        SerializableString json(int entry) {
            return json[entry];
        }
    }
}
