package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import java.security.PublicKey;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fenghuo.crypto.audit.AuditEncoding;
import org.fenghuo.crypto.audit.AuditEntry;
import org.fenghuo.crypto.audit.AuditEvent;
import org.fenghuo.crypto.audit.AuditJson;
import org.fenghuo.crypto.audit.AuditRecord;
import org.fenghuo.crypto.audit.AuditOutcome;
import org.fenghuo.crypto.audit.AuditTrail;
import org.fenghuo.crypto.audit.CheckpointPolicy;
import org.fenghuo.crypto.audit.InMemorySigningKeys;
import org.fenghuo.crypto.audit.store.ElasticsearchAuditStore;
import org.fenghuo.crypto.audit.store.FileAuditStore;
import org.fenghuo.crypto.audit.store.FsyncPolicy;
import org.fenghuo.crypto.audit.store.TeeAuditStore;
import org.fenghuo.crypto.sm.Sm2;
import org.fenghuo.crypto.sm.Sm2Pem;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCommandTest {
    @RegisterExtension
    final IsolatedHome isolatedHome = new IsolatedHome();

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final InMemorySigningKeys keys = new InMemorySigningKeys("audit-signing", random);
    private Path trail;
    private Path publicKey;

    /** start record 1, r2 r3 cp4 r5 r6 r7 cp8 r9 cp10 (the last written by close). */
    @BeforeEach
    void writeTrail() throws IOException {
        trail = dir.resolve("audit.log");
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC);
        try (AuditTrail t = AuditTrail.open(FileAuditStore.open(trail, FsyncPolicy.NONE), keys,
                new CheckpointPolicy(3, Duration.ofHours(1)), clock, random)) {
            for (int i = 1; i <= 6; i++) {
                t.append(new AuditEvent("analyst-" + i, "pii.reveal", "event ev-" + i, AuditOutcome.SUCCESS,
                        Map.of("field", "user.id")));
            }
        }
        publicKey = pem("audit.pub.pem", keys.current().keyPair().getPublic());
    }

    private Path pem(String name, Object key) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(key);
        }
        Path file = dir.resolve(name);
        Files.writeString(file, out.toString());
        return file;
    }

    @Test
    void intactTrailExitsZeroWithASummary() {
        CliRunner.Result r = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key", publicKey.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("checked: 10 entries (7 records, 3 checkpoints verified), last sequence 10,"
                + " last signed checkpoint 10").contains("OK: the chain is intact and every checkpoint verifies")
                .containsPattern("head: 10:[0-9a-f]{64}").containsPattern("trail id [0-9a-f]{32}");
        assertThat(r.out()).doesNotContain("WARNING");
    }

    @Test
    void aReportThatCannotBeWrittenIsNotAnIntactExitZero() throws IOException {
        String[] args = {"audit", "verify", "--file", trail.toString(), "--public-key", publicKey.toString()};
        CliRunner.Result intact = CliRunner.runAsMainWithFailingStdout(() -> FenghuoCli.commandLine(args), args);
        assertThat(intact.exitCode()).isEqualTo(2);
        assertThat(intact.err()).contains("fenghuo audit verify: could not write all output to stdout");

        List<String> lines = Files.readAllLines(trail, StandardCharsets.UTF_8);
        lines.set(5, lines.get(5).replace("analyst-4", "analyst-X"));
        Files.write(trail, lines, StandardCharsets.UTF_8);
        assertThat(CliRunner.runAsMainWithFailingStdout(() -> FenghuoCli.commandLine(args), args).exitCode())
                .as("tampered is still 1").isEqualTo(1);
    }

    @Test
    void keyNamedByIdAndVersionIsTrustedOnlyForThatVersion() {
        CliRunner.Result ok = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                "audit-signing:1=" + publicKey);
        assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
        CliRunner.Result wrongVersion = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                "audit-signing:2=" + publicKey);
        assertThat(wrongVersion.exitCode()).isEqualTo(1);
        assertThat(wrongVersion.out()).contains("UNKNOWN_SIGNING_KEY at line 4 (sequence 4)");
    }

    @Test
    void modifiedRecordExitsOneAndNamesTheLine() throws IOException {
        List<String> lines = Files.readAllLines(trail, StandardCharsets.UTF_8);
        lines.set(5, lines.get(5).replace("analyst-4", "analyst-X"));
        Files.write(trail, lines, StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key", publicKey.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("checked: 5 entries").contains("TAMPERED: first bad entry: HASH_MISMATCH at line 6"
                + " (sequence 6)");
    }

    @Test
    void deletedRecordExitsOne() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(trail, StandardCharsets.UTF_8));
        lines.remove(1);
        Files.write(trail, lines, StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key", publicKey.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("MISSING_ENTRY at line 2 (sequence 3): sequence 2 missing");
    }

    @Test
    void someoneElsesKeyMakesEveryCheckpointUnknown() throws IOException {
        Path other = pem("other.pem", Sm2.generateKeyPair(random).getPublic());
        CliRunner.Result r = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key", other.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("UNKNOWN_SIGNING_KEY at line 4");
    }

    @Test
    void unsignedTailIsAWarningUnlessASignedTailIsRequired() throws IOException {
        List<String> lines = Files.readAllLines(trail, StandardCharsets.UTF_8);
        Files.write(trail, lines.subList(0, 6), StandardCharsets.UTF_8);
        CliRunner.Result lenient = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString());
        assertThat(lenient.exitCode()).isZero();
        assertThat(lenient.out()).contains("WARNING: 2 entries after the last signed checkpoint are not signed")
                .contains("last signed checkpoint 4");
        CliRunner.Result strict = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString(), "--require-signed-tail");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("UNSIGNED_TAIL at line 5");
        CliRunner.Result anchored = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString(), "--expect-sequence", "8");
        assertThat(anchored.exitCode()).isEqualTo(1);
        assertThat(anchored.out()).contains("TRAIL_TOO_SHORT");
    }

    @Test
    void trailInElasticsearchIsVerifiedAndADeletedDocumentNamed() throws Exception {
        String url = ElasticsearchFixture.shared().url();
        String index = "fenghuo-audit-cli-" + UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newHttpClient();
        try {
            TeeAuditStore tee = new TeeAuditStore(
                    FileAuditStore.open(trail, FsyncPolicy.NONE),
                    List.of(ElasticsearchAuditStore.open(url, index)));
            AuditTrail.open(tee, keys, CheckpointPolicy.DEFAULT, Clock.systemUTC(), random).close(); // replays the file
            CliRunner.Result ok = CliRunner.run("audit", "verify", "--es", url, "--index", index, "--public-key",
                    publicKey.toString());
            assertThat(ok.exitCode()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out()).contains("Elasticsearch index " + index).contains("checked: 10 entries");

            http.send(HttpRequest.newBuilder(URI.create(url + "/" + index + "/_doc/3")).DELETE()
                    .build(), HttpResponse.BodyHandlers.discarding());
            CliRunner.Result deleted = CliRunner.run("audit", "verify", "--es", url, "--index", index, "--public-key",
                    publicKey.toString());
            assertThat(deleted.exitCode()).isEqualTo(1);
            assertThat(deleted.out()).contains("MISSING_ENTRY at " + index + "/_doc/4 (sequence 4): sequence 3 missing");
        } finally {
            http.send(HttpRequest.newBuilder(URI.create(url + "/" + index)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void usageAndUnreadableInputExitTwo() throws IOException {
        assertThat(CliRunner.run("audit", "verify", "--public-key", publicKey.toString()).exitCode()).isEqualTo(2);
        CliRunner.Result both = CliRunner.run("audit", "verify", "--file", trail.toString(), "--es", "http://127.0.0.1:1",
                "--public-key", publicKey.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one of --file PATH or --es URL");
        assertThat(CliRunner.run("audit", "verify", "--file", trail.toString()).exitCode()).isEqualTo(2);
        CliRunner.Result missing = CliRunner.run("audit", "verify", "--file", dir.resolve("nope.log").toString(),
                "--public-key", publicKey.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read the trail");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN PUBLIC KEY-----\n!!\n-----END PUBLIC KEY-----\n");
        CliRunner.Result badKey = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                garbage.toString());
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.err()).contains("MALFORMED_KEY").contains("garbage.pem");
        CliRunner.Result unreachable = CliRunner.run("audit", "verify", "--es", "http://127.0.0.1:1", "--public-key",
                publicKey.toString());
        assertThat(unreachable.exitCode()).isEqualTo(2);
        assertThat(unreachable.err()).contains("cannot read the trail");
    }

    /** Drops every checkpoint and re-chains the records, renumbered: what someone without the signing key can do. */
    private static List<String> unsignedRewrite(List<String> lines, int keep) {
        List<String> out = new ArrayList<>();
        String head = AuditEncoding.GENESIS_HEX;
        for (String line : lines) {
            if (AuditJson.parse(line) instanceof AuditRecord r && out.size() < keep) {
                AuditRecord copy = AuditRecord.create(out.size() + 1, r.time(), new AuditEvent(r.actor(), r.action(),
                        r.target(), r.outcome(), r.details()), head);
                out.add(AuditJson.toJson(copy));
                head = copy.hash();
            }
        }
        return out;
    }

    private static String head(String out) {
        Matcher m = Pattern.compile("head: ([0-9]+:[0-9a-f]{64})").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    @Test
    void historyRewrittenWithoutCheckpointsFailsThePolicyAndIsNeverCalledSigned() throws IOException {
        List<String> lines = Files.readAllLines(trail, StandardCharsets.UTF_8);
        Files.write(trail, unsignedRewrite(lines, 99), StandardCharsets.UTF_8);
        CliRunner.Result defaults = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString());
        assertThat(defaults.out()).doesNotContain("every checkpoint verifies");
        CliRunner.Result policy = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString(), "--max-unsigned", "3");
        assertThat(policy.exitCode()).isEqualTo(1);
        assertThat(policy.out()).contains("UNSIGNED_TAIL at line 4 (sequence 4)").contains("0 checkpoints verified");

        Files.write(trail, unsignedRewrite(lines, 3), StandardCharsets.UTF_8);
        CliRunner.Result withinPolicy = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString(), "--max-unsigned", "3");
        assertThat(withinPolicy.exitCode()).isZero();
        assertThat(withinPolicy.out()).contains("no checkpoint signs it").doesNotContain("every checkpoint verifies");
        assertThat(CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key", publicKey.toString(),
                "--max-unsigned", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void expectedHeadCatchesARewritePaddedToTheSameLength() throws IOException {
        CliRunner.Result first = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString());
        String anchor = head(first.out());
        List<String> lines = Files.readAllLines(trail, StandardCharsets.UTF_8);
        List<String> padded = new ArrayList<>(unsignedRewrite(lines, 99));
        while (padded.size() < lines.size()) {
            AuditEntry tail = AuditJson.parse(padded.get(padded.size() - 1));
            padded.add(AuditJson.toJson(AuditRecord.create(tail.sequence() + 1, tail.time(),
                    AuditEvent.of("nobody", "noop", "", AuditOutcome.SUCCESS), tail.hash())));
        }
        Files.write(trail, padded, StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString(), "--expect-head", anchor);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("HEAD_MISMATCH at line 10 (sequence 10)");
        CliRunner.Result bad = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString(), "--expect-head", "ten:abc");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("SEQUENCE:HASH");
    }

    @Test
    void trailIdNamesTheInstallation() throws IOException {
        CliRunner.Result first = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString());
        Matcher m = Pattern.compile("trail id ([0-9a-f]{32})").matcher(first.out());
        assertThat(m.find()).isTrue();
        assertThat(CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key", publicKey.toString(),
                "--trail-id", m.group(1)).exitCode()).isZero();
        CliRunner.Result other = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                publicKey.toString(), "--trail-id", "0".repeat(32));
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.out()).contains("WRONG_TRAIL at line 1");
    }

    @Test
    void aFileWithEveryKeyVersionVerifiesATrailSignedAcrossARotation() throws IOException {
        PublicKey v1 = keys.current().keyPair().getPublic();
        keys.rotate();
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T07:00:00Z"), ZoneOffset.UTC);
        try (AuditTrail t = AuditTrail.open(FileAuditStore.open(trail, FsyncPolicy.NONE), keys,
                new CheckpointPolicy(3, Duration.ofHours(1)), clock, random)) {
            t.append(AuditEvent.of("keys-admin", "keys.rotate", "audit-signing v2", AuditOutcome.SUCCESS));
        }
        Path all = dir.resolve("all.pem");
        Files.writeString(all, "# audit-signing v1\n" + Sm2Pem.writePublicKey(v1) + "# audit-signing v2\n"
                + Sm2Pem.writePublicKey(keys.current().keyPair().getPublic()));
        CliRunner.Result r = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key", all.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("4 checkpoints verified");
        CliRunner.Result named = CliRunner.run("audit", "verify", "--file", trail.toString(), "--public-key",
                "audit-signing:1=" + all);
        assertThat(named.exitCode()).isEqualTo(2);
        assertThat(named.err()).contains("2 public keys where one was expected");
    }
}
