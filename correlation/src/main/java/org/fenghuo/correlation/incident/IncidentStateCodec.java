package org.fenghuo.correlation.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The builder's and the learned assets' state as JSON bytes, for a Flink {@code ValueState<byte[]>}
 * or operator state: no Kryo, and a state written by an older version still reads (unknown fields
 * are ignored, missing lists are empty). Instants as ISO-8601 text. Thread-safe.
 */
public final class IncidentStateCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS) // Entities.isEmpty() is not state
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("fenghuo-instant")
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeString(v.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    }))
            .build();

    private IncidentStateCodec() {
    }

    public static byte[] encode(IncidentBuilderState state) {
        return write(state);
    }

    public static IncidentBuilderState decodeIncidentState(byte[] json) {
        return read(json, IncidentBuilderState.class);
    }

    public static byte[] encode(LearnedAssetsState state) {
        return write(state);
    }

    public static LearnedAssetsState decodeLearnedAssets(byte[] json) {
        return read(json, LearnedAssetsState.class);
    }

    public static byte[] encode(LearnedAsset learned) {
        return write(learned);
    }

    public static LearnedAsset decodeLearnedAsset(byte[] json) {
        return read(json, LearnedAsset.class);
    }

    private static byte[] write(Object state) {
        try {
            return JSON.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + state.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode " + type.getSimpleName() + " (" + e.getMessage() + ")", e);
        }
    }
}
