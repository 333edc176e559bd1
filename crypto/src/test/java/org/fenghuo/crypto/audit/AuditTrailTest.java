package org.fenghuo.crypto.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.VerificationFailure.Reason;
import org.fenghuo.crypto.audit.store.FileAuditStore;
import org.fenghuo.crypto.audit.store.FsyncPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final InMemorySigningKeys keys = new InMemorySigningKeys("audit-signing", random);
    private final MutableClock clock = new MutableClock(TrailFixture.START);

    private List<AuditEntry> entries(Path file) throws IOException {
        return FileAuditStore.read(file).stream().map(s -> AuditJson.parse(s.json())).toList();
    }

    private AuditTrail open(Path file, CheckpointPolicy policy) throws IOException {
        return AuditTrail.open(FileAuditStore.open(file, FsyncPolicy.EVERY_ENTRY), keys, policy, clock, random);
    }

    @Test
    void firstRecordChainsToGenesisAndEachNextToThePrevious() throws IOException {
        Path file = dir.resolve("a.log");
        try (AuditTrail trail = open(file, CheckpointPolicy.DEFAULT)) {
            AuditRecord first = trail.append(TrailFixture.event(1));
            AuditRecord second = trail.append(TrailFixture.event(2));
            AuditEntry start = entries(file).get(0);
            assertThat(start.sequence()).isEqualTo(1);
            assertThat(start.previousHash()).isEqualTo(AuditEncoding.GENESIS_HEX);
            assertThat(TrailId.of(start)).isEqualTo(trail.trailId());
            assertThat(first.sequence()).isEqualTo(2);
            assertThat(first.previousHash()).isEqualTo(start.hash());
            assertThat(second.sequence()).isEqualTo(3);
            assertThat(second.previousHash()).isEqualTo(first.hash());
            assertThat(first.time()).isEqualTo(TrailFixture.START);
            assertThat(trail.head()).isEqualTo(new ChainHead(3, second.hash()));
        }
    }

    @Test
    void checkpointIsWrittenByTheAppendThatReachesTheRecordCount() throws IOException {
        Path file = dir.resolve("count.log");
        try (AuditTrail trail = open(file, new CheckpointPolicy(3, Duration.ofDays(1)))) {
            for (int i = 1; i <= 7; i++) {
                trail.append(TrailFixture.event(i));
            }
            // the start record counts like any record
            assertThat(entries(file)).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                    "AuditRecord", "AuditRecord", "AuditRecord", "AuditCheckpoint",
                    "AuditRecord", "AuditRecord", "AuditRecord", "AuditCheckpoint", "AuditRecord", "AuditRecord");
        }
        List<AuditEntry> closed = entries(file);
        assertThat(closed).hasSize(11);
        AuditCheckpoint last = (AuditCheckpoint) closed.get(10);
        assertThat(last.previousHash()).isEqualTo(closed.get(9).hash());
        assertThat(last.keyId()).isEqualTo("audit-signing");
        assertThat(last.keyFingerprint()).isEqualTo(keys.current().fingerprint());
    }

    @Test
    void checkpointIsWrittenWhenRecordTimeCrossesTheDuration() throws IOException {
        Path file = dir.resolve("time.log");
        try (AuditTrail trail = open(file, new CheckpointPolicy(1000, Duration.ofSeconds(60)))) {
            trail.append(TrailFixture.event(1)); // the start record, at START too, begins the unsigned run
            clock.advance(Duration.ofSeconds(59));
            trail.append(TrailFixture.event(2));
            assertThat(entries(file)).hasSize(3);
            clock.advance(Duration.ofSeconds(1));
            trail.append(TrailFixture.event(3));
            List<AuditEntry> entries = entries(file);
            assertThat(entries).hasSize(5);
            assertThat(entries.get(4)).isInstanceOf(AuditCheckpoint.class);
            assertThat(entries.get(4).time()).isEqualTo(TrailFixture.START.plusSeconds(60));
            clock.advance(Duration.ofHours(5)); // no append, no thread: nothing is written
            assertThat(entries(file)).hasSize(5);
        }
    }

    @Test
    void explicitCheckpointAndCloseSign() throws IOException {
        Path file = dir.resolve("explicit.log");
        AuditTrail trail = open(file, CheckpointPolicy.DEFAULT);
        trail.append(TrailFixture.event(1));
        AuditCheckpoint explicit = trail.checkpoint();
        assertThat(explicit.sequence()).isEqualTo(3);
        trail.close();
        assertThat(entries(file)).hasSize(3); // nothing unsigned after the explicit checkpoint: close adds none
        assertThatThrownBy(() -> trail.append(TrailFixture.event(2))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reopeningContinuesTheChainAndTheWholeTrailVerifies() throws IOException {
        Path file = dir.resolve("reopen.log");
        try (AuditTrail trail = open(file, new CheckpointPolicy(4, Duration.ofDays(1)))) {
            trail.append(TrailFixture.event(1));
            trail.append(TrailFixture.event(2));
        }
        AuditEntry lastBefore = entries(file).get(3);
        try (AuditTrail trail = open(file, new CheckpointPolicy(4, Duration.ofDays(1)))) {
            assertThat(trail.nextSequence()).isEqualTo(5);
            AuditRecord next = trail.append(TrailFixture.event(3));
            assertThat(next.previousHash()).isEqualTo(lastBefore.hash());
        }
        VerificationReport report = new AuditVerifier(VerificationKeys.of(keys)).verify(FileAuditStore.read(file));
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(6);
        assertThat(report.checkpointsVerified()).isEqualTo(2);
    }

    @Test
    void reopeningRefusesACutOffLastLineAndATamperedLastEntry() throws IOException {
        Path file = dir.resolve("cut.log");
        try (AuditTrail trail = open(file, CheckpointPolicy.DEFAULT)) {
            trail.append(TrailFixture.event(1));
        }
        Files.writeString(file, "{\"type\":\"rec", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> open(file, CheckpointPolicy.DEFAULT)).isInstanceOf(CryptoFailure.class)
                .hasMessageContaining("MALFORMED_INPUT").hasMessageContaining("last line is cut off");

        List<String> lines = Files.readAllLines(dir.resolve("cut.log")).subList(0, 3);
        Files.write(file, TrailFixture.withField(lines, 3, "key_id", "other", false));
        assertThatThrownBy(() -> open(file, CheckpointPolicy.DEFAULT)).isInstanceOf(CryptoFailure.class)
                .hasMessageContaining("does not match its hash");
    }

    @Test
    void secondWriterOnTheSameFileIsRefused() throws IOException {
        Path file = dir.resolve("locked.log");
        try (FileAuditStore first = FileAuditStore.open(file, FsyncPolicy.NONE)) {
            assertThatThrownBy(() -> FileAuditStore.open(file, FsyncPolicy.NONE))
                    .isInstanceOf(IOException.class).hasMessageContaining("locked by another writer");
            assertThat(first.describe()).contains(file.toString());
        }
    }

    @Test
    void rotatedKeyVersionsBothVerifyAndARetiredKeyLeftOutIsUnknown() throws IOException {
        Path file = dir.resolve("rotate.log");
        try (AuditTrail trail = open(file, new CheckpointPolicy(2, Duration.ofDays(1)))) {
            trail.append(TrailFixture.event(1));
            trail.append(TrailFixture.event(2));
            keys.rotate();
            trail.append(new AuditEvent("keys-admin", "keys.rotate", "audit-signing v2", AuditOutcome.SUCCESS,
                    Map.of("from_version", "1")));
            trail.append(TrailFixture.event(4));
        }
        List<AuditEntry> entries = entries(file);
        assertThat(((AuditCheckpoint) entries.get(2)).keyVersion()).isEqualTo(1);
        assertThat(((AuditCheckpoint) entries.get(5)).keyVersion()).isEqualTo(2);
        assertThat(new AuditVerifier(VerificationKeys.of(keys)).verify(FileAuditStore.read(file)).ok()).isTrue();

        VerificationKeys onlyV2 = VerificationKeys.byIdAndVersion(Map.of("audit-signing:2",
                keys.publicKey("audit-signing", 2)));
        VerificationReport report = new AuditVerifier(onlyV2).verify(FileAuditStore.read(file));
        assertThat(report.failure().reason()).isEqualTo(Reason.UNKNOWN_SIGNING_KEY);
        assertThat(report.failure().sequence()).isEqualTo(3);

        VerificationKeys byPrint = VerificationKeys.byFingerprint(List.of(keys.publicKey("audit-signing", 1),
                keys.publicKey("audit-signing", 2)));
        assertThat(new AuditVerifier(byPrint).verify(FileAuditStore.read(file)).ok()).isTrue();
    }

    @Test
    void emptyTrailVerifiesButNotAgainstAnAnchor() throws IOException {
        Path file = dir.resolve("empty.log");
        Files.createFile(file);
        assertThat(new AuditVerifier(VerificationKeys.of(keys)).verify(FileAuditStore.read(file)).ok()).isTrue();
        VerificationReport anchored = new AuditVerifier(VerificationKeys.of(keys), new AuditVerifier.Options(false, 1))
                .verify(FileAuditStore.read(file));
        assertThat(anchored.failure().reason()).isEqualTo(Reason.TRAIL_TOO_SHORT);
    }
}
