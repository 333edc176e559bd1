package org.fenghuo.deploy.cli;

import java.nio.file.Path;
import java.util.Map;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import picocli.CommandLine.Command;

/** Its subcommands are in {@link FenghuoCli#SUBCOMMANDS}. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"The local keystore (BCFKS): the SM4 key-encryption key, the SM4 data keys it wraps, the "
                + "HMAC-SM3 blind-index key and the SM2 audit signing keys, each with versions.",
                "The passphrase comes from $" + KeystorePassphrase.VALUE_ENV + ", or the file named by --passphrase-file "
                        + "or $" + KeystorePassphrase.FILE_ENV + "; never from the command line."})
final class KeysCommand {
    static final String KEYSTORE_ENV = "FENGHUO_KEYSTORE";
    static final String DEFAULT_KEYSTORE = "conf/keystore.bcfks";

    /** The environment the subcommands read; tests replace it. */
    Map<String, String> environment = System.getenv();

    /** {@code --keystore}, else $FENGHUO_KEYSTORE, else conf/keystore.bcfks of the distribution (or of the working directory). */
    Path keystore(Path option) {
        if (option != null) {
            return option;
        }
        String fromEnv = environment.get(KEYSTORE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String dist = System.getProperty("fenghuo.dist.home");
        return dist != null ? Path.of(dist).resolve(DEFAULT_KEYSTORE) : Path.of(DEFAULT_KEYSTORE);
    }

    KeystorePassphrase passphrase(Path file) {
        return KeystorePassphrase.resolve(environment, file);
    }
}
