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
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.audit.AuditPublicKeyPem;
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
                + "sequence numbers run without gaps, and every checkpoint's SM2 signature verifies under a trusted "
                + "public key. Prints a summary and the first bad entry (line or document, and why)."},
        footer = {"", "Exit codes: 0 intact, 1 tampered (or too short / unsigned tail when asked), "
                + "2 usage error or the trail or a key unreadable."})
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
                    + "naming that key id and version; without, for checkpoints carrying its fingerprint.")
    List<String> publicKeys;

    @Option(names = "--require-signed-tail", description = "Fail when entries follow the last checkpoint.")
    boolean requireSignedTail;

    @Option(names = "--expect-sequence", paramLabel = "N", defaultValue = "0",
            description = "Fail when the trail ends before sequence N (an anchor kept elsewhere; detects a cut tail).")
    long expectSequence;

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
        AuditVerifier verifier = new AuditVerifier(keys, new AuditVerifier.Options(requireSignedTail, expectSequence));
        VerificationReport report;
        String source;
        try {
            if (file != null) {
                source = "file " + file;
                report = verifier.verify(FileAuditStore.read(file));
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
        return report.ok() ? FenghuoCli.EXIT_OK : FenghuoCli.EXIT_NOTHING;
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
            PublicKey key = AuditPublicKeyPem.read(pem);
            if (m.matches()) {
                named.put(m.group(1) + ":" + Integer.parseInt(m.group(2)), key);
            } else {
                bare.add(key);
            }
        }
        return VerificationKeys.byIdAndVersion(named).or(VerificationKeys.byFingerprint(bare));
    }

    private static void print(PrintWriter out, String source, VerificationReport r) {
        out.printf("audit trail: %s%n", source);
        out.printf("checked: %d entries (%d records, %d checkpoints verified), last sequence %d, last signed checkpoint %s%n",
                r.entriesChecked(), r.recordsChecked(), r.checkpointsVerified(), r.lastSequence(),
                r.lastCheckpointSequence() == 0 ? "none" : String.valueOf(r.lastCheckpointSequence()));
        if (!r.ok()) {
            out.println("TAMPERED: first bad entry: " + r.failure());
            return;
        }
        if (r.unsignedTail() > 0) {
            out.printf("WARNING: %d entries after the last signed checkpoint are not signed: nothing proves they were not"
                    + " appended, changed or cut off%n", r.unsignedTail());
        }
        out.println("OK: the chain is intact and every checkpoint verifies");
    }
}
