package org.fenghuo.deploy.cli;

import org.fenghuo.crypto.keys.KeyInfo;
import org.fenghuo.crypto.keys.Keystore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Add a new version of keys and make it current; older versions still open and verify. "
                + "Without an option rotates the data key. The keystore is rewritten atomically.",
                "Values already stored keep their old version until `fenghuo keys reencrypt` re-seals them."},
        footer = {"", "Exit codes: 0 rotated, 2 usage or wrong passphrase, 4 keystore missing or unreadable."})
final class KeysRotateCommand extends KeysSubcommand {
    @Option(names = "--data", description = "A new SM4 data key (the default).")
    boolean data;

    @Option(names = "--kek", description = "A new key-encryption key; every data key is re-wrapped with it.")
    boolean kek;

    @Option(names = "--signing", description = "A new SM2 audit signing key pair.")
    boolean signing;

    @Override
    int run() {
        Keystore keystore = openKeystore();
        // KEK last: it re-wraps the data key this run may have just added
        if (data || (!kek && !signing)) {
            print(keystore.rotateDataKey());
        }
        if (signing) {
            print(keystore.rotateSigningKey());
        }
        if (kek) {
            print(keystore.rotateKek());
        }
        keystore.save();
        return FenghuoCli.EXIT_OK;
    }

    private void print(KeyInfo key) {
        out().println("rotated " + key.purpose().label() + " " + key.id() + " -> v" + key.version());
    }
}
