package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.SigningKey;
import org.fenghuo.crypto.sm.Sm2Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export-public", mixinStandardHelpOptions = true,
        description = {"Write the audit signing public key as SPKI PEM (what `openssl pkey -pubin` reads) so a "
                + "verifier can check the audit trail without the keystore. The current version unless --key-version "
                + "or --all; with --all each key is preceded by a line naming its version.",
                "Audit checkpoints are SM2 signatures with the signer ID 1234567812345678 (GM/T 0009's default); "
                        + "OpenSSL 3 assumes an empty ID unless told, so check one with `openssl pkeyutl -verify -pubin "
                        + "-inkey KEY.pem -rawin -digest sm3 -pkeyopt distid:1234567812345678 -in DATA -sigfile SIG`."},
        footer = {"", "Exit codes: 0 written, 2 usage, wrong passphrase or no such version, 4 keystore unreadable "
                + "or output (--out FILE, or stdout: closed or full) not writable."})
final class KeysExportPublicCommand extends KeysSubcommand {
    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path out;

    @Option(names = "--key-version", paramLabel = "N", description = "This signing key version.")
    Integer version;

    @Option(names = "--all", description = "Every signing key version, oldest first.")
    boolean all;

    @Override
    int run() {
        if (all && version != null) {
            return fail("give --key-version or --all, not both", FenghuoCli.EXIT_USAGE);
        }
        Keystore keystore = openKeystore();
        StringBuilder pem = new StringBuilder();
        if (all) {
            for (SigningKey key : keystore.signingKeys()) {
                pem.append("signing:").append(key.id()).append(':').append(key.version()).append('\n')
                        .append(Sm2Pem.writePublicKey(key.publicKey()));
            }
        } else {
            SigningKey key = version == null ? keystore.currentSigningKey() : keystore.signingKey(version);
            pem.append(Sm2Pem.writePublicKey(key.publicKey()));
        }
        if (out == null) {
            out().print(pem);
            return StdoutCheck.lostOutput("fenghuo keys export-public", out(), err())
                    ? FenghuoCli.EXIT_INPUT : FenghuoCli.EXIT_OK;
        }
        try {
            Files.writeString(out, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getClass().getSimpleName(), e);
        }
        return FenghuoCli.EXIT_OK;
    }
}
