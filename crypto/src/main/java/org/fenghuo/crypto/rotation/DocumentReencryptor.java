package org.fenghuo.crypto.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.DataKey;
import org.fenghuo.crypto.keys.KeyRing;

/**
 * Re-seals, in place, every sealed string of one document whose key is not the current one. A
 * value that does not open stays as it was and is counted by reason. Not thread-safe.
 */
final class DocumentReencryptor {

    static final String NO_DOCUMENT_ID = "no_document_id";

    private final KeyRing keys;
    private final FieldEnvelope envelope;
    private final ValueContext context;

    DocumentReencryptor(KeyRing keys, FieldEnvelope envelope, ValueContext context) {
        this.keys = keys;
        this.envelope = envelope;
        this.context = context;
    }

    /** Counts for one document; {@link #reencrypted} &gt; 0 means the source was changed. */
    static final class Outcome {
        long reencrypted;
        long current;
        final Map<String, Long> failed = new HashMap<>();
    }

    Outcome reencrypt(ObjectNode source) {
        Outcome outcome = new Outcome();
        DataKey current = keys.currentDataKey();
        walkObject(source, "", source, current, outcome);
        return outcome;
    }

    private void walkObject(ObjectNode node, String prefix, ObjectNode source, DataKey current, Outcome outcome) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + '.' + field.getKey();
            JsonNode replaced = walk(field.getValue(), path, source, current, outcome);
            if (replaced != null) {
                field.setValue(replaced);
            }
        }
    }

    /** The new node for a re-sealed string, else null (containers are changed in place). */
    private JsonNode walk(JsonNode value, String path, ObjectNode source, DataKey current, Outcome outcome) {
        if (value.isObject()) {
            walkObject((ObjectNode) value, path, source, current, outcome);
        } else if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = 0; i < array.size(); i++) {
                JsonNode replaced = walk(array.get(i), path, source, current, outcome);
                if (replaced != null) {
                    array.set(i, replaced);
                }
            }
        } else if (value.isTextual() && FieldEnvelope.isSealed(value.asText())) {
            return reseal(value.asText(), path, source, current, outcome);
        }
        return null;
    }

    private JsonNode reseal(String sealed, String path, ObjectNode source, DataKey current, Outcome outcome) {
        try {
            FieldEnvelope.Header header = FieldEnvelope.header(sealed);
            if (header.keyId().equals(current.id()) && header.keyVersion() == current.version()) {
                outcome.current++;
                return null;
            }
            String ctx = context.contextOf(path, source);
            if (ctx == null) {
                outcome.failed.merge(NO_DOCUMENT_ID, 1L, Long::sum);
                return null;
            }
            String resealed = envelope.seal(envelope.open(sealed, ctx), ctx);
            outcome.reencrypted++;
            return TextNode.valueOf(resealed);
        } catch (CryptoFailure e) {
            outcome.failed.merge(e.reason().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
            return null;
        }
    }
}
