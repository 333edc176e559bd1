package org.fenghuo.crypto.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fenghuo.crypto.audit.VerificationFailure.Reason;
import org.fenghuo.crypto.audit.store.FileAuditStore;
import org.fenghuo.crypto.audit.store.FsyncPolicy;
import org.fenghuo.crypto.sm.Sm2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the hash chain alone cannot catch: signed history rewritten as unsigned records (the
 * checkpoint policy), a retired key signing again, a trail from another installation, and a
 * rewrite padded back to the anchored length.
 */
class VerifierPolicyTest {

    @TempDir
    Path dir;

    private final TrailFixture fixture = TrailFixture.create();

    private List<String> writeTrail(String name, int records, CheckpointPolicy policy, Duration spacing,
                                    SigningKeys keys) throws IOException {
        Path file = dir.resolve(name);
        MutableClock clock = new MutableClock(TrailFixture.START);
        try (AuditTrail trail = AuditTrail.open(FileAuditStore.open(file, FsyncPolicy.NONE), keys, policy, clock,
                fixture.random)) {
            for (int i = 1; i <= records; i++) {
                trail.append(TrailFixture.event(i));
                clock.advance(spacing);
            }
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private VerificationReport verify(List<String> lines, AuditVerifier.Options options) throws IOException {
        Path file = dir.resolve("verify-" + System.nanoTime() + ".log");
        Files.write(file, lines, StandardCharsets.UTF_8);
        try (StoredEntries entries = FileAuditStore.entries(file)) {
            return new AuditVerifier(fixture.trusted(), options).verify(entries);
        }
    }

    /** Drops every checkpoint and re-chains from sequence 3 on, renumbering: what an attacker without the key can do. */
    private static List<String> unsignedRewrite(List<String> lines) {
        List<String> out = new ArrayList<>();
        long sequence = 0;
        for (String line : lines) {
            ObjectNode node = TrailFixture.node(line);
            if ("checkpoint".equals(node.get("type").asText())) {
                continue;
            }
            sequence++;
            out.add(node.put("sequence", sequence).toString());
        }
        return TrailFixture.rechain(out.stream().map(TrailFixture::rehashed).toList(), 2, null, null, 0);
    }

    @Test
    void signedHistoryRewrittenAsUnsignedRecordsFailsUnderTheDefaultPolicy() throws IOException {
        List<String> lines = writeTrail("long.log", 150, CheckpointPolicy.DEFAULT, Duration.ofMillis(10), fixture.keys);
        assertThat(verify(lines, AuditVerifier.Options.DEFAULT).ok()).isTrue();

        List<String> rewritten = unsignedRewrite(lines);
        assertThat(rewritten).hasSize(151);
        VerificationReport report = verify(rewritten, AuditVerifier.Options.DEFAULT);
        assertThat(report.ok()).isFalse();
        assertThat(report.checkpointsVerified()).isZero();
        assertThat(report.failure().reason()).as(report.failure().toString()).isEqualTo(Reason.UNSIGNED_TAIL);
        assertThat(report.failure().sequence()).isEqualTo(101);
        assertThat(report.failure().detail()).contains("record 101 without a checkpoint since sequence 1");
    }

    @Test
    void aShortRewriteFailsWhenTheVerifierIsGivenTheWritersPolicy() throws IOException {
        List<String> lines = writeTrail("short.log", TrailFixture.RECORDS, TrailFixture.EVERY_FIVE, Duration.ofSeconds(1),
                fixture.keys);
        List<String> rewritten = unsignedRewrite(lines);
        AuditVerifier.Options everyFive = AuditVerifier.Options.DEFAULT.withPolicy(TrailFixture.EVERY_FIVE);
        assertThat(verify(lines, everyFive).ok()).isTrue();
        VerificationReport report = verify(rewritten, everyFive);
        assertThat(report.failure().reason()).isEqualTo(Reason.UNSIGNED_TAIL);
        assertThat(report.failure().position()).isEqualTo(6);
    }

    @Test
    void unsignedRecordTimeBeyondThePolicyFailsBetweenCheckpointsAndInTheTail() throws IOException {
        CheckpointPolicy minute = new CheckpointPolicy(100, Duration.ofSeconds(60));
        List<String> lines = writeTrail("slow.log", 8, minute, Duration.ofSeconds(25), fixture.keys);
        AuditVerifier.Options options = AuditVerifier.Options.DEFAULT.withPolicy(minute);
        assertThat(verify(lines, options).ok()).isTrue();

        // drop the first checkpoint only, re-chaining (without the key) up to the next one
        int first = firstCheckpointLine(lines);
        List<String> withoutFirst = new ArrayList<>(lines);
        withoutFirst.remove(first - 1);
        List<String> renumbered = new ArrayList<>(withoutFirst.subList(0, first - 1));
        for (int i = first - 1; i < withoutFirst.size(); i++) {
            renumbered.add(TrailFixture.node(withoutFirst.get(i)).put("sequence", i + 1).toString());
        }
        VerificationReport between = verify(TrailFixture.rechain(renumbered, first, null, null, 0), options);
        assertThat(between.failure().reason()).as(between.failure().toString()).isIn(Reason.CHECKPOINT_OVERDUE,
                Reason.UNSIGNED_TAIL);
        assertThat(between.failure().position()).as("the first record after the removed checkpoint").isEqualTo(first);

        VerificationReport tail = verify(unsignedRewrite(lines), options);
        assertThat(tail.failure().reason()).isEqualTo(Reason.UNSIGNED_TAIL);
        assertThat(tail.failure().detail()).contains("s of record time");
    }

    private static int firstCheckpointLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("{\"type\":\"checkpoint\"")) {
                return i + 1;
            }
        }
        throw new AssertionError("no checkpoint");
    }

    @Test
    void removedCheckpointsWithTheChainKeptSignedLaterAreOverdue() throws IOException {
        // a writer with a looser policy than the verifier's looks the same as removed checkpoints
        List<String> lines = writeTrail("loose.log", 12, new CheckpointPolicy(10, Duration.ofHours(1)),
                Duration.ofSeconds(1), fixture.keys);
        VerificationReport report = verify(lines, AuditVerifier.Options.DEFAULT.withPolicy(TrailFixture.EVERY_FIVE));
        assertThat(report.failure().reason()).isEqualTo(Reason.CHECKPOINT_OVERDUE);
        assertThat(report.failure().sequence()).isEqualTo(6);
        assertThat(report.failure().detail()).contains("--max-unsigned");
    }

    @Test
    void expectedHeadCatchesARewritePaddedBackToTheSameLength() throws IOException {
        List<String> lines = writeTrail("head.log", TrailFixture.RECORDS, TrailFixture.EVERY_FIVE, Duration.ofSeconds(1),
                fixture.keys);
        AuditEntry last = AuditJson.parse(lines.get(lines.size() - 1));
        ChainHead anchor = ChainHead.parse(last.sequence() + ":" + last.hash());
        assertThat(verify(lines, AuditVerifier.Options.DEFAULT.withExpectedHead(anchor)).ok()).isTrue();

        List<String> padded = new ArrayList<>(unsignedRewrite(lines));
        while (padded.size() < lines.size()) {
            AuditEntry tail = AuditJson.parse(padded.get(padded.size() - 1));
            padded.add(AuditJson.toJson(AuditRecord.create(tail.sequence() + 1, tail.time(),
                    AuditEvent.of("nobody", "noop", "", AuditOutcome.SUCCESS), tail.hash())));
        }
        assertThat(verify(padded, AuditVerifier.Options.DEFAULT).ok()).as("the chain alone accepts it").isTrue();
        VerificationReport report = verify(padded, AuditVerifier.Options.DEFAULT.withExpectedHead(anchor));
        assertThat(report.failure().reason()).isEqualTo(Reason.HEAD_MISMATCH);
        assertThat(report.failure().sequence()).isEqualTo(anchor.sequence());

        VerificationReport cut = verify(lines.subList(0, 10), AuditVerifier.Options.DEFAULT.withExpectedHead(anchor));
        assertThat(cut.failure().reason()).isEqualTo(Reason.TRAIL_TOO_SHORT);
        assertThat(new AuditVerifier(fixture.trusted()).verify(FileAuditStore.read(dir.resolve("head.log"))).head())
                .isEqualTo(anchor);
    }

    /** Signs with whichever version it is told, as a stolen retired key would. */
    private static final class PinnedKeys implements SigningKeys {
        private final Map<Integer, CheckpointKey> versions = new HashMap<>();
        private final SigningKeys trusted;
        int version;

        PinnedKeys(SigningKeys trusted) {
            this.trusted = trusted;
        }

        void remember(CheckpointKey key) {
            versions.put(key.version(), key);
        }

        @Override
        public CheckpointKey current() {
            return versions.get(version);
        }

        @Override
        public PublicKey publicKey(String id, int v) {
            return trusted.publicKey(id, v);
        }
    }

    @Test
    void aRetiredKeySigningAfterRotationIsAKeyRollback() throws IOException {
        PinnedKeys keys = new PinnedKeys(fixture.keys);
        keys.remember(fixture.keys.current());
        keys.remember(fixture.keys.rotate());
        Path file = dir.resolve("rollback.log");
        MutableClock clock = new MutableClock(TrailFixture.START);
        try (AuditTrail trail = AuditTrail.open(FileAuditStore.open(file, FsyncPolicy.NONE), keys,
                new CheckpointPolicy(2, Duration.ofHours(1)), clock, fixture.random)) {
            keys.version = 1;
            trail.append(TrailFixture.event(1)); // cp 3 by v1
            keys.version = 2;
            trail.append(TrailFixture.event(2));
            trail.append(TrailFixture.event(3)); // cp 6 by v2
            keys.version = 1;
            trail.append(TrailFixture.event(4));
            trail.append(TrailFixture.event(5)); // cp 9 by v1 again
        }
        VerificationReport report = new AuditVerifier(fixture.trusted()).verify(FileAuditStore.read(file));
        assertThat(report.failure().reason()).as(report.failure().toString()).isEqualTo(Reason.KEY_ROLLBACK);
        assertThat(report.failure().sequence()).isEqualTo(9);
        assertThat(report.checkpointsVerified()).isEqualTo(2);
    }

    @Test
    void aTrailFromAnotherInstallationWithTheSameKeyFailsWhenTheTrailIdIsGiven() throws IOException {
        List<String> ours = writeTrail("ours.log", 3, TrailFixture.EVERY_FIVE, Duration.ofSeconds(1), fixture.keys);
        List<String> theirs = writeTrail("theirs.log", 3, TrailFixture.EVERY_FIVE, Duration.ofSeconds(1), fixture.keys);
        TrailId ourId = TrailId.of(AuditJson.parse(ours.get(0)));
        assertThat(TrailId.of(AuditJson.parse(theirs.get(0)))).isNotEqualTo(ourId);

        assertThat(verify(theirs, AuditVerifier.Options.DEFAULT).ok()).isTrue();
        assertThat(verify(ours, AuditVerifier.Options.DEFAULT.withExpectedTrailId(ourId)).ok()).isTrue();
        VerificationReport report = verify(theirs, AuditVerifier.Options.DEFAULT.withExpectedTrailId(ourId));
        assertThat(report.failure().reason()).isEqualTo(Reason.WRONG_TRAIL);
        assertThat(report.failure().position()).isEqualTo(1);
    }

    @Test
    void aCheckpointSignatureDoesNotVerifyInAnotherTrail() throws IOException {
        List<String> lines = writeTrail("moved.log", 6, TrailFixture.EVERY_FIVE, Duration.ofSeconds(1), fixture.keys);
        AuditCheckpoint checkpoint = (AuditCheckpoint) AuditJson.parse(lines.get(5));
        TrailId own = TrailId.of(AuditJson.parse(lines.get(0)));
        TrailId other = TrailId.random(new SecureRandom());
        PublicKey key = fixture.keys.publicKey("audit-signing", 1);
        assertThat(Sm2.verify(key, AuditEncoding.signedMessage(own, checkpoint), checkpoint.signature())).isTrue();
        assertThat(Sm2.verify(key, AuditEncoding.signedMessage(other, checkpoint), checkpoint.signature())).isFalse();

        // the same trail under another id (start record changed, chain re-hashed): the old signatures fail
        List<String> renamed = TrailFixture.withField(lines, 1, "details", "x", false);
        ObjectNode start = TrailFixture.node(lines.get(0));
        start.putObject("details").put(TrailId.DETAIL, other.hex());
        renamed.set(0, TrailFixture.rehashed(start.toString()));
        VerificationReport report = verify(TrailFixture.rechain(renamed, 2, null, null, 0), AuditVerifier.Options.DEFAULT);
        assertThat(report.failure().reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(report.failure().sequence()).isEqualTo(6);
        assertThat(report.failure().detail()).contains("for trail " + other.hex());
    }

    @Test
    void aTrailWhoseFirstEntryIsNoTrailStartFails() throws IOException {
        AuditRecord lone = AuditRecord.create(1, Instant.parse("2026-11-24T06:00:00Z"),
                AuditEvent.of("alice", "pii.reveal", "ev-1", AuditOutcome.SUCCESS), AuditEncoding.GENESIS_HEX);
        VerificationReport report = verify(List.of(AuditJson.toJson(lone)), AuditVerifier.Options.DEFAULT);
        assertThat(report.failure().reason()).isEqualTo(Reason.MISSING_TRAIL_ID);
    }
}
