package org.fenghuo.crypto.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.sm.Sm3;
import org.junit.jupiter.api.Test;

/** The hashed encoding is the documented one, unambiguous, and independent of JSON and map order. */
class AuditEncodingTest {

    private static final Instant TIME = Instant.parse("2026-11-24T06:00:00.123456789Z");

    private static AuditRecord record(Map<String, String> details, String actor, String action) {
        return AuditRecord.create(7, TIME, new AuditEvent(actor, action, "host 10.0.0.5", AuditOutcome.DENIED, details),
                AuditEncoding.GENESIS_HEX);
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    @Test
    void genesisIsTheSm3OfTheDocumentedString() {
        assertThat(AuditEncoding.GENESIS_HEX).isEqualTo(
                HexFormat.of().formatHex(Sm3.digest("fenghuo-audit/1 genesis".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void recordEncodingIsTheDocumentedLengthPrefixedLayout() throws IOException {
        AuditRecord r = record(Map.of("zone", "东区", "b", "2"), "alice", "playbook.isolate");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        str(out, "fenghuo-audit/1");
        out.writeByte(1);
        out.writeLong(7);
        out.writeLong(TIME.getEpochSecond());
        out.writeInt(123456789);
        out.write(HexFormat.of().parseHex(AuditEncoding.GENESIS_HEX));
        str(out, "alice");
        str(out, "playbook.isolate");
        str(out, "host 10.0.0.5");
        str(out, "denied");
        out.writeInt(2);
        str(out, "b");
        str(out, "2");
        str(out, "zone");
        str(out, "东区");
        assertThat(AuditEncoding.canonical(r)).isEqualTo(bytes.toByteArray());
        assertThat(r.hash()).isEqualTo(HexFormat.of().formatHex(Sm3.digest(bytes.toByteArray())));
    }

    @Test
    void hashDoesNotDependOnDetailOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        assertThat(record(ab, "alice", "x").hash()).isEqualTo(record(ba, "alice", "x").hash());
        assertThat(record(Map.of("a", "2", "b", "1"), "alice", "x").hash()).isNotEqualTo(record(ab, "alice", "x").hash());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        assertThat(record(Map.of(), "ab", "c").hash()).isNotEqualTo(record(Map.of(), "a", "bc").hash());
        assertThat(record(Map.of("ab", "c"), "x", "y").hash()).isNotEqualTo(record(Map.of("a", "bc"), "x", "y").hash());
    }

    @Test
    void jsonWhitespaceAndFieldOrderDoNotChangeTheHash() {
        AuditRecord r = record(Map.of("k", "v"), "alice", "pii.reveal");
        String pretty = """
                {
                  "hash" : "%s",  "previous_hash" : "%s",
                  "details" : { "k" : "v" },
                  "outcome" : "denied", "target" : "host 10.0.0.5", "action" : "pii.reveal", "actor" : "alice",
                  "time" : "2026-11-24T06:00:00.123456789Z", "sequence" : 7, "type" : "record"
                }
                """.formatted(r.hash(), r.previousHash());
        AuditEntry parsed = AuditJson.parse(pretty);
        assertThat(parsed).isEqualTo(r);
        assertThat(AuditEncoding.hashMatches(parsed)).isTrue();
        assertThat(AuditJson.parse(AuditJson.toJson(r))).isEqualTo(r);
    }

    @Test
    void strictParsingRefusesWhatIsNotExactlyAnEntry() {
        String json = AuditJson.toJson(record(Map.of(), "alice", "x"));
        String[] bad = {
            json.replace("\"actor\"", "\"actor2\""),
            json.replace("{\"type\":\"record\",", "{\"type\":\"record\",\"type\":\"record\","),
            json + " {}",
            json.replace("\"sequence\":7", "\"sequence\":\"7\""),
            json.replace("\"sequence\":7", "\"sequence\":0"),
            json.replace("\"outcome\":\"denied\"", "\"outcome\":\"maybe\""),
            json.replace(",\"details\":{}", ""),
            "[]",
            "{\"type\":\"rec",
        };
        for (String b : bad) {
            assertThatThrownBy(() -> AuditJson.parse(b)).as(b).isInstanceOf(CryptoFailure.class)
                    .extracting(e -> ((CryptoFailure) e).reason()).isEqualTo(CryptoFailure.Reason.MALFORMED_INPUT);
        }
    }

    @Test
    void nonCanonicalBase64SignatureIsRefused() {
        InMemorySigningKeys keys = new InMemorySigningKeys("k", new java.security.SecureRandom());
        byte[] signature = new byte[70]; // 70 bytes: the last base64 character carries 2 spare bits
        AuditCheckpoint c = new AuditCheckpoint(2, TIME, "k", 1, keys.current().fingerprint(), signature,
                AuditEncoding.GENESIS_HEX, AuditEncoding.GENESIS_HEX);
        String json = AuditJson.toJson(c);
        String encoded = java.util.Base64.getEncoder().encodeToString(signature);
        String spareBitsSet = encoded.substring(0, encoded.length() - 3) + "B==";
        assertThat(java.util.Base64.getDecoder().decode(spareBitsSet)).isEqualTo(signature);
        assertThatThrownBy(() -> AuditJson.parse(json.replace(encoded, spareBitsSet)))
                .hasMessageContaining("not canonical base64");
    }

    @Test
    void recordRefusesOversizedAndMissingFields() {
        assertThatThrownBy(() -> AuditEvent.of("", "x", "", AuditOutcome.SUCCESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actor");
        assertThatThrownBy(() -> AuditEvent.of("a", "x".repeat(AuditLimits.MAX_TEXT_CHARS + 1), "", AuditOutcome.SUCCESS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action");
        Map<String, String> many = new java.util.HashMap<>();
        for (int i = 0; i <= AuditLimits.MAX_DETAILS; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> new AuditEvent("a", "x", "", AuditOutcome.SUCCESS, many))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("details");
    }

    @Test
    void signedMessageIsTheDocumentedLayoutWithTheTrailId() throws IOException {
        TrailId trail = new TrailId("00112233445566778899aabbccddeeff");
        String head = "ab".repeat(32);
        String print = "cd".repeat(32);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        str(out, "fenghuo-audit-checkpoint/2");
        out.write(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
        out.writeLong(9);
        out.writeLong(TIME.getEpochSecond());
        out.writeInt(TIME.getNano());
        out.write(HexFormat.of().parseHex(head));
        str(out, "audit-signing");
        out.writeInt(2);
        out.write(HexFormat.of().parseHex(print));
        assertThat(AuditEncoding.signedMessage(trail, 9, TIME, head, "audit-signing", 2, print))
                .isEqualTo(bytes.toByteArray());
    }
}
