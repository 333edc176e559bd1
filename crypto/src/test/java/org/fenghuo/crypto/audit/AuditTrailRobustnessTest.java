package org.fenghuo.crypto.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.store.FileAuditStore;
import org.fenghuo.crypto.audit.store.FsyncPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer across restarts, quiet periods, oversized input, a failing key and concurrent callers. */
class AuditTrailRobustnessTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final InMemorySigningKeys keys = new InMemorySigningKeys("audit-signing", random);
    private final MutableClock clock = new MutableClock(TrailFixture.START);

    private AuditTrail open(Path file, CheckpointPolicy policy, SigningKeys signing) throws IOException {
        return AuditTrail.open(FileAuditStore.open(file, FsyncPolicy.NONE), signing, policy, clock, random);
    }

    private static List<AuditEntry> entries(Path file) throws IOException {
        return FileAuditStore.read(file).stream().map(s -> AuditJson.parse(s.json())).toList();
    }

    private VerificationReport verify(Path file, CheckpointPolicy policy) throws IOException {
        return new AuditVerifier(VerificationKeys.of(keys), AuditVerifier.Options.DEFAULT.withPolicy(policy))
                .verify(FileAuditStore.read(file));
    }

    /** Cuts the closing checkpoint off, as a crash before close would have left the file. */
    private static void dropLastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
    }

    @Test
    void reopeningCountsTheRealUnsignedTail() throws IOException {
        CheckpointPolicy everyThree = new CheckpointPolicy(3, Duration.ofDays(1));
        Path file = dir.resolve("restart.log");
        try (AuditTrail trail = open(file, everyThree, keys)) {
            trail.append(TrailFixture.event(1));
            trail.append(TrailFixture.event(2)); // start, 1, 2 -> cp 4
            trail.append(TrailFixture.event(3));
            trail.append(TrailFixture.event(4)); // 5, 6 unsigned; close signs them at 7
        }
        dropLastLine(file);
        try (AuditTrail trail = open(file, everyThree, keys)) {
            assertThat(trail.unsignedRecords()).isEqualTo(2);
            trail.append(TrailFixture.event(5)); // the third unsigned record: signed now, not two appends later
            assertThat(entries(file).get(7)).isInstanceOf(AuditCheckpoint.class);
            assertThat(trail.unsignedRecords()).isZero();
        }
        VerificationReport report = verify(file, everyThree);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
    }

    @Test
    void reopeningSignsATailThatIsAlreadyDueByTime() throws IOException {
        CheckpointPolicy minute = new CheckpointPolicy(100, Duration.ofSeconds(60));
        Path file = dir.resolve("old-tail.log");
        try (AuditTrail trail = open(file, minute, keys)) {
            trail.append(TrailFixture.event(1));
        }
        dropLastLine(file);
        clock.advance(Duration.ofMinutes(10));
        try (AuditTrail trail = open(file, minute, keys)) {
            List<AuditEntry> entries = entries(file);
            assertThat(entries).hasSize(3);
            assertThat(entries.get(2)).isInstanceOf(AuditCheckpoint.class);
            assertThat(entries.get(2).time()).isEqualTo(TrailFixture.START.plus(Duration.ofMinutes(10)));
            assertThat(trail.unsignedRecords()).isZero();
        }
    }

    @Test
    void checkpointIfDueSignsAQuietTrailOnceItsTimeHasCome() throws IOException {
        CheckpointPolicy minute = new CheckpointPolicy(100, Duration.ofSeconds(60));
        Path file = dir.resolve("quiet.log");
        try (AuditTrail trail = open(file, minute, keys)) {
            trail.append(TrailFixture.event(1));
            assertThat(trail.checkpointIfDue(TrailFixture.START.plusSeconds(59))).isEmpty();
            Optional<AuditCheckpoint> due = trail.checkpointIfDue(TrailFixture.START.plusSeconds(60));
            assertThat(due).isPresent();
            assertThat(due.get().sequence()).isEqualTo(3);
            assertThat(due.get().time()).isEqualTo(TrailFixture.START.plusSeconds(60));
            assertThat(trail.checkpointIfDue(TrailFixture.START.plusSeconds(600))).as("nothing unsigned").isEmpty();
            assertThat(entries(file)).hasSize(3);
        }
        assertThat(entries(file)).hasSize(3);
    }

    @Test
    void anEventWhoseJsonWouldExceedTheLineLimitIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path file = dir.resolve("escaped.log");
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < AuditLimits.MAX_DETAILS; i++) {
            // keys and values of control characters: 6 bytes each once escaped, ~390 KB of JSON in all
            details.put(i + "\u0004".repeat(1000), "\u0001".repeat(AuditLimits.MAX_TEXT_CHARS));
        }
        AuditEvent huge = new AuditEvent("alice", "pii.reveal", "\u0002".repeat(AuditLimits.MAX_TEXT_CHARS),
                AuditOutcome.SUCCESS, details);
        try (AuditTrail trail = open(file, CheckpointPolicy.DEFAULT, keys)) {
            long before = Files.size(file);
            assertThatThrownBy(() -> trail.append(huge)).isInstanceOf(CryptoFailure.class)
                    .hasMessageStartingWith("MALFORMED_INPUT").hasMessageContaining("bytes of JSON")
                    .hasMessageContaining("nothing was written");
            assertThat(Files.size(file)).isEqualTo(before);
            AuditRecord next = trail.append(new AuditEvent("alice", "pii.reveal", "ctl \u0001\u001f",
                    AuditOutcome.SUCCESS, Map.of("k", "\u0003".repeat(100))));
            assertThat(next.sequence()).isEqualTo(2);
        }
        VerificationReport report = verify(file, CheckpointPolicy.DEFAULT);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(2);
    }

    /** Keys whose signing can be switched off, as a keystore that became unreadable. */
    private static final class FlakyKeys implements SigningKeys {
        private final SigningKeys real;
        boolean failing;

        FlakyKeys(SigningKeys real) {
            this.real = real;
        }

        @Override
        public CheckpointKey current() {
            if (failing) {
                throw new CryptoFailure(CryptoFailure.Reason.MISSING_KEY, "keystore unavailable");
            }
            return real.current();
        }

        @Override
        public PublicKey publicKey(String id, int version) {
            return real.publicKey(id, version);
        }
    }

    @Test
    void aFailedAutomaticCheckpointDoesNotFailTheStoredRecordAndIsRetried() throws IOException {
        CheckpointPolicy everyTwo = new CheckpointPolicy(2, Duration.ofDays(1));
        FlakyKeys flaky = new FlakyKeys(keys);
        Path file = dir.resolve("flaky.log");
        try (AuditTrail trail = open(file, everyTwo, flaky)) {
            trail.append(TrailFixture.event(1)); // start + 1 -> cp 3
            flaky.failing = true;
            trail.append(TrailFixture.event(2));
            AuditRecord stored = trail.append(TrailFixture.event(3)); // reaches the count; the checkpoint fails
            assertThat(stored.sequence()).isEqualTo(5);
            assertThat(trail.lastCheckpointFailure()).get().extracting(Throwable::getMessage).asString()
                    .contains("keystore unavailable");
            assertThat(entries(file)).hasSize(5);
            assertThatThrownBy(trail::checkpoint).isInstanceOf(CryptoFailure.class); // explicit calls still throw

            flaky.failing = false;
            AuditRecord after = trail.append(TrailFixture.event(4)); // signs the overdue run first
            assertThat(after.sequence()).isEqualTo(7);
            assertThat(entries(file).get(5)).isInstanceOf(AuditCheckpoint.class);
            assertThat(trail.lastCheckpointFailure()).isEmpty();
        }
        List<AuditEntry> all = entries(file);
        assertThat(all.stream().filter(e -> e instanceof AuditRecord r && r.actor().equals("playbook-run-4"))).hasSize(1);
        VerificationReport report = verify(file, everyTwo);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
    }

    @Test
    void concurrentAppendsFromRequestThreadsMakeOneValidChain() throws Exception {
        Path file = dir.resolve("threads.log");
        CheckpointPolicy everyTen = new CheckpointPolicy(10, Duration.ofDays(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (AuditTrail trail = open(file, everyTen, keys)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        trail.append(AuditEvent.of("thread-" + thread, "pii.reveal", "ev-" + i, AuditOutcome.SUCCESS));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        VerificationReport report = verify(file, everyTen);
        assertThat(report.ok()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.recordsChecked()).isEqualTo(201);
    }
}
