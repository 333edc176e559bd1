package org.fenghuo.crypto.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.fenghuo.crypto.audit.VerificationFailure.Reason;
import org.fenghuo.crypto.audit.store.FileAuditStore;
import org.fenghuo.crypto.audit.store.FsyncPolicy;
import org.fenghuo.crypto.sm.Sm2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of tampering with a file trail is detected, at the right line, for the right reason. */
class FileTrailTamperTest {

    @TempDir
    Path dir;

    private final TrailFixture fixture = TrailFixture.create();
    private Path file;
    private List<String> lines;

    @BeforeEach
    void writeTrail() throws IOException {
        file = dir.resolve("audit.log");
        fixture.write(FileAuditStore.open(file, FsyncPolicy.NONE));
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private VerificationReport verify(List<String> tampered) throws IOException {
        return verify(tampered, AuditVerifier.Options.DEFAULT);
    }

    private VerificationReport verify(List<String> tampered, AuditVerifier.Options options) throws IOException {
        Files.write(file, tampered, StandardCharsets.UTF_8);
        return new AuditVerifier(fixture.trusted(), options).verify(FileAuditStore.read(file));
    }

    private static void assertFirstFailure(VerificationReport report, Reason reason, long line, long sequence) {
        assertThat(report.ok()).as("tampering detected").isFalse();
        assertThat(report.failure().reason()).as(report.failure().toString()).isEqualTo(reason);
        assertThat(report.failure().position()).as(report.failure().toString()).isEqualTo(line);
        assertThat(report.failure().location()).isEqualTo(reason == Reason.TRAIL_TOO_SHORT ? "end of trail" : "line " + line);
        assertThat(report.failure().sequence()).isEqualTo(sequence);
    }

    @Test
    void untamperedTrailVerifies() throws IOException {
        assertThat(lines).hasSize(16);
        VerificationReport report = verify(lines);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(16);
        assertThat(report.recordsChecked()).isEqualTo(13);
        assertThat(report.checkpointsVerified()).isEqualTo(3);
        assertThat(report.lastSequence()).isEqualTo(16);
        assertThat(report.lastCheckpointSequence()).isEqualTo(16);
        assertThat(report.unsignedTail()).isZero();
    }

    @Test
    void modifiedFieldIsTheFirstBadRecord() throws IOException {
        assertFirstFailure(verify(TrailFixture.withField(lines, 8, "actor", "someone-else", false)),
                Reason.HASH_MISMATCH, 8, 8);
    }

    @Test
    void modifiedAndRehashedRecordBreaksTheLinkToTheNext() throws IOException {
        VerificationReport report = verify(TrailFixture.withField(lines, 8, "target", "host 10.9.9.9", true));
        assertFirstFailure(report, Reason.CHAIN_BROKEN, 9, 9);
        assertThat(report.failure().detail()).contains("line 8 (sequence 8)");
        assertThat(report.entriesChecked()).isEqualTo(8);
    }

    @Test
    void chainRewrittenWithoutTheKeyFailsAtTheNextCheckpoint() throws IOException {
        List<String> tampered = TrailFixture.rechain(TrailFixture.withField(lines, 8, "outcome", "failure", true), 9, null,
                null, 0);
        assertFirstFailure(verify(tampered), Reason.BAD_SIGNATURE, 12, 12);
    }

    @Test
    void deletedRecordIsNamedByTheSequenceThatIsMissing() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.remove(7);
        VerificationReport report = verify(tampered);
        assertFirstFailure(report, Reason.MISSING_ENTRY, 8, 9);
        assertThat(report.failure().detail()).startsWith("sequence 8 missing");
    }

    @Test
    void deletedCheckpointIsDetected() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.remove(5);
        assertFirstFailure(verify(tampered), Reason.MISSING_ENTRY, 6, 7);
    }

    @Test
    void deletedRunOfRecordsIsNamedAsARange() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.subList(6, 9).clear();
        VerificationReport report = verify(tampered);
        assertFirstFailure(report, Reason.MISSING_ENTRY, 7, 10);
        assertThat(report.failure().detail()).startsWith("sequences 7..9 missing");
    }

    /**
     * The trail with a forged record claiming {@code sequence}, chained to line 7 with a correct SM3 hash (only its
     * place in the chain gives it away), inserted so that it becomes line {@code atLine}.
     */
    private List<String> withForgedRecord(long sequence, int atLine) {
        AuditEntry seven = AuditJson.parse(lines.get(6));
        AuditRecord forged = AuditRecord.create(sequence, seven.time(), AuditEvent.of("mallory", "pii.reveal", "ev-1",
                AuditOutcome.SUCCESS), seven.hash());
        List<String> tampered = new ArrayList<>(lines);
        tampered.add(atLine - 1, AuditJson.toJson(forged));
        return tampered;
    }

    @Test
    void insertedForgedRecordTakingAnExistingSequenceIsNamed() throws IOException {
        assertFirstFailure(verify(withForgedRecord(8, 8)), Reason.INSERTED_ENTRY, 8, 8);
    }

    @Test
    void insertedForgedRecordAfterTheGenuineOneIsNamed() throws IOException {
        assertFirstFailure(verify(withForgedRecord(8, 9)), Reason.INSERTED_ENTRY, 9, 8);
    }

    @Test
    void insertedForgedRecordWithAnUnusedSequenceIsNamed() throws IOException {
        assertFirstFailure(verify(withForgedRecord(99, 8)), Reason.INSERTED_ENTRY, 8, 99);
    }

    @Test
    void swappedRecordsAreReported() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        Collections.swap(tampered, 7, 8);
        VerificationReport report = verify(tampered);
        assertFirstFailure(report, Reason.REORDERED, 8, 9);
        assertThat(report.failure().detail()).contains("before sequence 8 (line 9)");
    }

    @Test
    void recordMovedBackwardsIsReported() throws IOException {
        List<String> tampered = new ArrayList<>(lines);
        tampered.add(10, tampered.remove(2));
        assertFirstFailure(verify(tampered), Reason.REORDERED, 3, 4);
    }

    @Test
    void truncationAfterTheLastCheckpointLeavesAnUnsignedTailThatIsReported() throws IOException {
        List<String> cut = lines.subList(0, 13); // drops records 14, 15 and the closing checkpoint 16
        VerificationReport lenient = verify(cut);
        assertThat(lenient.ok()).isTrue();
        assertThat(lenient.lastCheckpointSequence()).isEqualTo(12);
        assertThat(lenient.unsignedTail()).isEqualTo(1);

        assertFirstFailure(verify(cut, new AuditVerifier.Options(true, 0)), Reason.UNSIGNED_TAIL, 13, 13);
        VerificationReport anchored = verify(cut, new AuditVerifier.Options(false, 15));
        assertFirstFailure(anchored, Reason.TRAIL_TOO_SHORT, 14, -1);
        assertThat(anchored.failure().detail()).contains("ends at sequence 13, expected at least 15");
    }

    @Test
    void lineCutOffMidWriteIsReported() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));
        VerificationReport report = new AuditVerifier(fixture.trusted()).verify(FileAuditStore.read(file));
        assertFirstFailure(report, Reason.TRUNCATED_ENTRY, 16, -1);
        assertThat(report.entriesChecked()).isEqualTo(15);
    }

    @Test
    void checkpointSignedByTheAttackerUnderTheTrustedKeyNameIsForged() throws IOException {
        CheckpointKey real = fixture.keys.current();
        List<String> tampered = TrailFixture.rechain(TrailFixture.withField(lines, 10, "actor", "nobody", true), 11,
                Sm2.generateKeyPair(new SecureRandom()), real.id(), real.version());
        assertFirstFailure(verify(tampered), Reason.BAD_SIGNATURE, 12, 12);
    }

    @Test
    void checkpointWithAnAlteredSignatureIsForged() throws IOException {
        String signature = TrailFixture.node(lines.get(5)).get("signature").asText();
        byte[] der = java.util.Base64.getDecoder().decode(signature);
        der[der.length - 1] ^= 0x01;
        List<String> tampered = TrailFixture.withField(lines, 6, "signature",
                java.util.Base64.getEncoder().encodeToString(der), true);
        assertFirstFailure(verify(tampered), Reason.BAD_SIGNATURE, 6, 6);
    }

    @Test
    void checkpointSignedByAnUnknownKeyIsReported() throws IOException {
        List<String> tampered = TrailFixture.rechain(TrailFixture.withField(lines, 4, "action", "noop", true), 5,
                Sm2.generateKeyPair(new SecureRandom()), "mallory", 1);
        VerificationReport report = verify(tampered);
        assertFirstFailure(report, Reason.UNKNOWN_SIGNING_KEY, 6, 6);
        assertThat(report.failure().detail()).contains("mallory v1");
    }

    @Test
    void oneFlippedByteIsTheFirstBadRecord() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // event 9 is sequence 11: the start record is sequence 1 and checkpoint 6 sits between events 4 and 5
        int offset = new String(bytes, StandardCharsets.UTF_8).indexOf("analyst-9");
        bytes[offset] ^= 0x01;
        Files.write(file, bytes);
        assertFirstFailure(new AuditVerifier(fixture.trusted()).verify(FileAuditStore.read(file)),
                Reason.HASH_MISMATCH, 11, 11);
    }

    @Test
    void aFlippedBitAnywhereIsDetectedOnItsOwnLine() throws IOException {
        byte[] original = Files.readAllBytes(file);
        Random random = new Random(20261124);
        AuditVerifier verifier = new AuditVerifier(fixture.trusted());
        for (int n = 0; n < 300; n++) {
            int offset = random.nextInt(original.length);
            byte[] bytes = original.clone();
            bytes[offset] ^= (byte) (1 << random.nextInt(8));
            Files.write(file, bytes);
            VerificationReport report = verifier.verify(FileAuditStore.read(file));
            long line = 1;
            for (int i = 0; i < offset; i++) {
                line += original[i] == '\n' ? 1 : 0;
            }
            assertThat(report.ok()).as("bit flipped at byte %d", offset).isFalse();
            assertThat(report.failure().position()).as("byte %d: %s", offset, report.failure()).isEqualTo(line);
        }
    }
}
