package org.fenghuo.detection.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Entities;
import org.fenghuo.events.EventIds;
import org.fenghuo.events.SecurityEvent;

/**
 * Builds the {@link Alert}s every detector emits, the same way: a deterministic id (so a replay or
 * a restored job overwrites instead of duplicating; derived from the rule, time, evidence ids,
 * entities and message), the evidence's entities, and at most
 * {@value #MAX_EVIDENCE} evidence event ids (the first ones: a scan over 60,000 ports must not make a
 * 60,000-element document; the message says how many there were).
 *
 * <p>Sizes are bounded whatever the events hold, because an alert and its incident go to Kafka
 * (about 1 MB a record at most) and a record too large failed the job on every replay: at most
 * {@value #MAX_ENTITY_VALUES} values per entity list, each cut to {@value #MAX_VALUE_CHARS}
 * characters, an evidence id too long for an Elasticsearch {@code _id} replaced by the hash its event is
 * indexed under ({@link EventIds#documentId}), the message cut to {@value #MAX_MESSAGE_CHARS}.
 * A cut value ends with {@value #CUT_MARK}.
 */
public final class Alerts {
    public static final int MAX_EVIDENCE = 100;
    public static final int MAX_ENTITY_VALUES = 200;
    public static final int MAX_VALUE_CHARS = 256;
    public static final int MAX_MESSAGE_CHARS = 4096;
    static final String CUT_MARK = "…";
    private static final byte[] SCHEME = "fenghuo/alert/v1".getBytes(StandardCharsets.US_ASCII);

    private Alerts() {
    }

    /** An alert on {@code evidence} (non-empty, time-ordered or not), timed at its latest event. */
    public static Alert of(RuleInfo rule, List<SecurityEvent> evidence, String message) {
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one evidence event");
        }
        Instant last = null;
        Entities entities = Entities.NONE;
        List<String> ids = new ArrayList<>(Math.min(evidence.size(), MAX_EVIDENCE));
        for (SecurityEvent e : evidence) {
            if (e.timestamp() != null && (last == null || e.timestamp().isAfter(last))) {
                last = e.timestamp();
            }
            entities = entities.merge(Entities.of(e));
            if (ids.size() < MAX_EVIDENCE && e.event() != null && e.event().id() != null) {
                ids.add(e.event().id());
            }
        }
        if (last == null) {
            throw new IllegalArgumentException("no evidence event has a @timestamp");
        }
        return of(rule, last, ids, entities, message);
    }

    /**
     * An alert whose evidence the detector has already summarised (ids kept in its state); the id
     * is derived from the rule, the time and the evidence ids, so the same input gives the same id.
     */
    public static Alert of(RuleInfo rule, Instant timestamp, List<String> eventIds, Entities entities,
            String message) {
        List<String> kept = documentIds(eventIds.size() > MAX_EVIDENCE ? eventIds.subList(0, MAX_EVIDENCE) : eventIds);
        Entities bounded = entities == null ? null : new Entities(cut(entities.sourceIps(), MAX_ENTITY_VALUES,
                MAX_VALUE_CHARS), cut(entities.destinationIps(), MAX_ENTITY_VALUES, MAX_VALUE_CHARS),
                cut(entities.users(), MAX_ENTITY_VALUES, MAX_VALUE_CHARS), cut(entities.hosts(), MAX_ENTITY_VALUES,
                MAX_VALUE_CHARS));
        String text = message == null ? null : cut(message, MAX_MESSAGE_CHARS);
        return new Alert(id(rule.id(), timestamp, kept, bounded, text), timestamp, rule.id(), rule.name(), rule.version(),
                rule.severity(), rule.severity().riskScore(), rule.category(), kept, bounded, rule.tactics(),
                rule.techniques(), text);
    }

    /**
     * Each id as its event's Elasticsearch document id: the id, or the hash the event sink indexes an
     * event under when its id is too long for an {@code _id}; the list itself when every id is short.
     */
    private static List<String> documentIds(List<String> ids) {
        List<String> out = null;
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String document = id == null ? null : EventIds.documentId(id);
            if (out == null && document != id) {
                out = new ArrayList<>(ids.subList(0, i));
            }
            if (out != null) {
                out.add(document);
            }
        }
        return out == null ? ids : out;
    }

    /** The first {@code maxValues}, each cut to {@code maxChars}; the list itself when nothing is cut. */
    private static List<String> cut(List<String> values, int maxValues, int maxChars) {
        boolean fits = values.size() <= maxValues;
        for (int i = 0; fits && i < values.size(); i++) {
            fits = values.get(i) == null || values.get(i).length() <= maxChars;
        }
        if (fits) {
            return values;
        }
        List<String> out = new ArrayList<>(Math.min(values.size(), maxValues));
        for (String v : values.subList(0, Math.min(values.size(), maxValues))) {
            out.add(v == null ? null : cut(v, maxChars));
        }
        return out;
    }

    private static String cut(String value, int maxChars) {
        if (value.length() <= maxChars) {
            return value;
        }
        int end = maxChars - CUT_MARK.length();
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--; // never half a character
        }
        return value.substring(0, end) + CUT_MARK;
    }

    /**
     * Hashes everything that tells two alerts apart. The entities and the message count too: evidence
     * without {@code event.id}s (or a detector that keeps none) must not make the alerts of two
     * sources at the same instant one document.
     */
    static String id(String ruleId, Instant timestamp, List<String> eventIds, Entities entities, String message) {
        MessageDigest sha = sha256();
        sha.update(SCHEME);
        update(sha, ruleId);
        update(sha, timestamp.toString());
        update(sha, Integer.toString(eventIds.size()));
        for (String id : eventIds) {
            update(sha, id);
        }
        Entities e = entities == null ? Entities.NONE : entities;
        for (List<String> values : List.of(e.sourceIps(), e.destinationIps(), e.users(), e.hosts())) {
            update(sha, Integer.toString(values.size()));
            for (String v : values) {
                update(sha, v);
            }
        }
        update(sha, message == null ? "" : message);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), 16));
    }

    /** Length-prefixed, so ("ab","c") and ("a","bc") differ. */
    private static void update(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
                (byte) bytes.length});
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
