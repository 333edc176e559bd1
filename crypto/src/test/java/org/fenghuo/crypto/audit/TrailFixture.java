package org.fenghuo.crypto.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.fenghuo.crypto.sm.Sm2;

/**
 * Writes a known trail and tampers with it the way an attacker with write access (but without
 * the signing key) would: editing JSON, recomputing SM3 hashes, signing with a key of their own.
 *
 * <p>With {@link #RECORDS} = 12 and checkpoints every 5 records, the trail is
 * {@code start record 1, events 1-4 (seq 2-5), cp 6, events 5-9 (seq 7-11), cp 12, events 10-12 (seq 13-15),
 * cp 16 (written by close)}: the trail start record counts like any record.
 */
final class TrailFixture {
    static final int RECORDS = 12;
    static final CheckpointPolicy EVERY_FIVE = new CheckpointPolicy(5, Duration.ofHours(1));
    static final Instant START = Instant.parse("2026-11-24T06:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    final SecureRandom random = new SecureRandom();
    final InMemorySigningKeys keys = new InMemorySigningKeys("audit-signing", random);

    private TrailFixture() {
    }

    static TrailFixture create() {
        return new TrailFixture();
    }

    /** Appends {@link #RECORDS} records of varied actions, one second apart, then closes. */
    void write(AuditStore store) throws IOException {
        MutableClock clock = new MutableClock(START);
        try (AuditTrail trail = AuditTrail.open(store, keys, EVERY_FIVE, clock, random)) {
            for (int i = 1; i <= RECORDS; i++) {
                trail.append(event(i));
                clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    static AuditEvent event(int i) {
        return switch (i % 3) {
            case 0 -> new AuditEvent("analyst-" + i, "pii.reveal", "event ev-" + i + " user.id", AuditOutcome.SUCCESS,
                    Map.of("reason", "case " + i, "field", "user.id"));
            case 1 -> new AuditEvent("playbook-run-" + i, "playbook.isolate", "host 10.0.0." + i, AuditOutcome.SUCCESS,
                    Map.of("playbook", "isolate-host", "incident", "inc-" + i));
            default -> new AuditEvent("keys-admin", "keys.rotate", "data-key v" + i, AuditOutcome.DENIED, Map.of());
        };
    }

    VerificationKeys trusted() {
        return VerificationKeys.of(keys);
    }

    // ---- tampering on JSON lines (index 0 = line 1 = sequence 1 in an untampered trail) ----

    static List<String> withField(List<String> lines, int line, String field, String value, boolean rehash) {
        List<String> out = new ArrayList<>(lines);
        ObjectNode node = node(out.get(line - 1));
        node.put(field, value);
        String json = node.toString();
        out.set(line - 1, rehash ? rehashed(json) : json);
        return out;
    }

    /** Recomputes the entry's own hash, as anyone can: SM3 needs no key. */
    static String rehashed(String json) {
        AuditEntry e = AuditJson.parse(json);
        AuditEntry fixed = e instanceof AuditRecord r ? r.withHash(AuditEncoding.hashHex(r))
                : ((AuditCheckpoint) e).withHash(AuditEncoding.hashHex(e));
        return AuditJson.toJson(fixed);
    }

    /**
     * Rewrites lines from {@code fromLine} on so the chain is consistent again: each previous_hash set to the hash of
     * the line before, each hash recomputed; checkpoints re-signed with {@code forger} under {@code id}/{@code version}
     * (or left with their old, now wrong, signature when forger is null).
     */
    static List<String> rechain(List<String> lines, int fromLine, KeyPair forger, String id, int version) {
        List<String> out = new ArrayList<>(lines);
        String head = AuditJson.parse(out.get(fromLine - 2)).hash();
        TrailId trail = TrailId.of(AuditJson.parse(out.get(0)));
        for (int i = fromLine - 1; i < out.size(); i++) {
            ObjectNode node = node(out.get(i));
            node.put("previous_hash", head);
            if (forger != null && "checkpoint".equals(node.get("type").asText())) {
                String fingerprint = AuditEncoding.fingerprint(forger.getPublic());
                node.put("key_id", id).put("key_version", version).put("key_fingerprint", fingerprint);
                byte[] message = AuditEncoding.signedMessage(trail, node.get("sequence").asLong(),
                        Instant.parse(node.get("time").asText()), head, id, version, fingerprint);
                node.put("signature", Base64.getEncoder().encodeToString(
                        Sm2.sign(forger.getPrivate(), message, new SecureRandom())));
            }
            String json = rehashed(node.toString());
            out.set(i, json);
            head = AuditJson.parse(json).hash();
        }
        return out;
    }

    static ObjectNode node(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
