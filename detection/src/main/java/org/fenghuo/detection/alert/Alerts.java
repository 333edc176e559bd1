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
import org.fenghuo.events.SecurityEvent;

/**
 * Builds the {@link Alert}s every detector emits, the same way: a deterministic id (so a replay or
 * a restored job overwrites instead of duplicating; derived from the rule, time, evidence ids,
 * entities and message), the evidence's entities, and at most
 * {@value #MAX_EVIDENCE} evidence event ids (the first ones: a scan over 60,000 ports must not make a
 * 60,000-element document; the message says how many there were).
 */
public final class Alerts {
    public static final int MAX_EVIDENCE = 100;
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
        List<String> kept = eventIds.size() > MAX_EVIDENCE ? eventIds.subList(0, MAX_EVIDENCE) : eventIds;
        return new Alert(id(rule.id(), timestamp, kept, entities, message), timestamp, rule.id(), rule.name(), rule.version(),
                rule.severity(), rule.severity().riskScore(), rule.category(), kept, entities, rule.tactics(),
                rule.techniques(), message);
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
