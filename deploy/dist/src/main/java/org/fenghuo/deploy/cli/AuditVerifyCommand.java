package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.Duration;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.AuditPublicKeyPem;
import org.fenghuo.crypto.audit.ChainHead;
import org.fenghuo.crypto.audit.CheckpointPolicy;
import org.fenghuo.crypto.audit.StoredEntries;
import org.fenghuo.crypto.audit.TrailId;
import org.fenghuo.crypto.audit.AuditStore;
import org.fenghuo.crypto.audit.AuditVerifier;
import org.fenghuo.crypto.audit.VerificationKeys;
import org.fenghuo.crypto.audit.VerificationReport;
import org.fenghuo.crypto.audit.store.ElasticsearchAuditStore;
import org.fenghuo.crypto.audit.store.FileAuditStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check an audit trail: every entry hashes to itself and carries the SM3 hash of the one before, "
                + "sequence numbers run without gaps, every checkpoint's SM2 signature verifies under a trusted "
                + "public key, and no more records are left unsigned than the checkpoint policy allows. Prints a summary "
                + "(with the head SEQ:HASH to keep as an anchor) and the first bad entry (line or document, and why)."},
        footer = {"", "Exit codes: 0 intact, 1 tampered (or too short, unsigned beyond the policy, another trail, "
                + "a head that does not match), 2 usage error, the trail or a key unreadable, or an intact trail "
                + "whose report could not be written to stdout (closed or full)."})
final class AuditVerifyCommand implements Callable<Integer> {
    private static final Pattern NAMED_KEY = Pattern.compile("([A-Za-z0-9._-]{1,64}):([0-9]{1,9})=(.+)");

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "PATH", description = "A trail file (JSON lines).")
    Path file;

    @Option(names = "--es", paramLabel = "URL", description = "Elasticsearch holding the trail, e.g. http://127.0.0.1:9200.")
    String esUrl;

    @Option(names = "--index", paramLabel = "NAME", description = "Index of the trail with --es (default: ${DEFAULT-VALUE}).",
            defaultValue = ElasticsearchAuditStore.DEFAULT_INDEX)
    String index;

    @Option(names = "--public-key", paramLabel = "[ID:VERSION=]PEM_FILE", required = true, arity = "1..*",
            description = "Trusted SM2 public key(s), SPKI PEM. With ID:VERSION= the key is trusted only for checkpoints "
                    + "naming that key id and version; without, for checkpoints carrying its fingerprint (a file may then "
                    + "hold several keys, as `keys export-public --all` writes).")
    List<String> publicKeys;

    @Option(names = "--require-signed-tail", description = "Fail when entries follow the last checkpoint.")
    boolean requireSignedTail;

    @Option(names = "--expect-sequence", paramLabel = "N", defaultValue = "0",
            description = "Fail when the trail ends before sequence N (an anchor kept elsewhere; detects a cut tail).")
    long expectSequence;

    @Option(names = "--expect-head", paramLabel = "SEQ:HASH",
            description = "Fail unless entry SEQ has hash HASH (the head printed by an earlier verify, or "
                    + "AuditTrail.head()): detects a cut tail and a rewrite, even one padded back to the same length.")
    String expectHead;

    @Option(names = "--trail-id", paramLabel = "HEX",
            description = "Fail unless the trail is this one (32 hex digits, printed by verify): detects a trail from "
                    + "another installation signed with the same key.")
    String trailId;

    @Option(names = "--max-unsigned", paramLabel = "N", description = "The writer's checkpoint policy: at most N records "
            + "unsigned between checkpoints and at the end (default: ${DEFAULT-VALUE}).", defaultValue = "100")
    int maxUnsigned;

    @Option(names = "--max-unsigned-seconds", paramLabel = "S", description = "The writer's checkpoint policy: at most S "
            + "seconds of record time unsigned (default: ${DEFAULT-VALUE}).", defaultValue = "60")
    long maxUnsignedSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((file == null) == (esUrl == null)) {
            err.println("fenghuo audit verify: give exactly one of --file PATH or --es URL");
            return FenghuoCli.EXIT_USAGE;
        }
        VerificationKeys keys;
        try {
            keys = trustedKeys();
        } catch (IOException | CryptoFailure e) {
            err.println("fenghuo audit verify: " + e.getMessage());
            return FenghuoCli.EXIT_USAGE;
        }
        AuditVerifier.Options options;
        try {
            options = new AuditVerifier.Options(requireSignedTail, expectSequence)
                    .withPolicy(new CheckpointPolicy(maxUnsigned, Duration.ofSeconds(maxUnsignedSeconds)))
                    .withExpectedHead(expectHead == null ? null : ChainHead.parse(expectHead))
                    .withExpectedTrailId(trailId == null ? null : new TrailId(trailId));
        } catch (IllegalArgumentException e) {
            err.println("fenghuo audit verify: " + e.getMessage());
            return FenghuoCli.EXIT_USAGE;
        }
        AuditVerifier verifier = new AuditVerifier(keys, options);
        VerificationReport report;
        String source;
        try {
            if (file != null) {
                source = "file " + file;
                try (StoredEntries entries = FileAuditStore.entries(file)) {
                    report = verifier.verify(entries);
                }
            } else {
                try (AuditStore store = ElasticsearchAuditStore.forReading(esUrl, index)) {
                    source = store.describe();
                    report = verifier.verify(store);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            err.println("fenghuo audit verify: cannot read the trail: " + e.getMessage());
            return FenghuoCli.EXIT_USAGE;
        }
        print(out, source, report);
        boolean lost = StdoutCheck.lostOutput("fenghuo audit verify", out, err);
        if (!report.ok()) {
            return FenghuoCli.EXIT_NOTHING; // tampered stays 1 whether or not its report got out
        }
        return lost ? FenghuoCli.EXIT_USAGE : FenghuoCli.EXIT_OK;
    }

    private VerificationKeys trustedKeys() throws IOException {
        Map<String, PublicKey> named = new HashMap<>();
        List<PublicKey> bare = new ArrayList<>();
        for (String given : publicKeys) {
            Matcher m = NAMED_KEY.matcher(given);
            Path pem = Path.of(m.matches() ? m.group(3) : given);
            if (!Files.isReadable(pem)) {
                throw new IOException("cannot read public key " + pem);
            }
            if (m.matches()) {
                named.put(m.group(1) + ":" + Integer.parseInt(m.group(2)), AuditPublicKeyPem.read(pem));
            } else {
                bare.addAll(AuditPublicKeyPem.readAll(pem));
            }
        }
        return VerificationKeys.byIdAndVersion(named).or(VerificationKeys.byFingerprint(bare));
    }

    private static void print(PrintWriter out, String source, VerificationReport r) {
        out.printf("audit trail: %s%s%n", source, r.trailId() == null ? "" : " (trail id " + r.trailId() + ")");
        out.printf("checked: %d entries (%d records, %d checkpoints verified), last sequence %d, last signed checkpoint %s%n",
                r.entriesChecked(), r.recordsChecked(), r.checkpointsVerified(), r.lastSequence(),
                r.lastCheckpointSequence() == 0 ? "none" : String.valueOf(r.lastCheckpointSequence()));
        if (r.head() != null) {
            out.printf("head: %s%n", r.head());
        }
        if (!r.ok()) {
            out.println("TAMPERED: first bad entry: " + r.failure());
            return;
        }
        if (r.unsignedTail() > 0) {
            out.printf("WARNING: %d entries after the last signed checkpoint are not signed: nothing proves they were not"
                    + " appended, changed or cut off%n", r.unsignedTail());
        }
        if (r.checkpointsVerified() == 0) {
            out.println("OK: the chain is intact, but no checkpoint signs it (within the checkpoint policy)");
        } else {
            out.println("OK: the chain is intact and every checkpoint verifies");
        }
    }
}
