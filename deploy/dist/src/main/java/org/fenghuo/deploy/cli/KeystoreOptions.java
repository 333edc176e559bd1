package org.fenghuo.deploy.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the keystore is and where its passphrase comes from; there is deliberately no passphrase option. */
final class KeystoreOptions {
    @Option(names = "--keystore", paramLabel = "PATH",
            description = "Keystore file (default: $FENGHUO_KEYSTORE, else conf/keystore.bcfks).")
    Path keystore;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "File holding the keystore passphrase (default: $FENGHUO_KEYSTORE_PASSPHRASE_FILE, "
                    + "else $FENGHUO_KEYSTORE_PASSPHRASE).")
    Path passphraseFile;
}
