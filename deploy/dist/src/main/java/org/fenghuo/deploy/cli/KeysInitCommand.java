package org.fenghuo.deploy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a keystore with version 1 of each key (mode 0600). Refuses to replace an existing one.",
        footer = {"", "Exit codes: 0 created, 2 usage (no passphrase, existing keystore without --force), 4 not writable."})
final class KeysInitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    KeysCommand keys;

    @Mixin
    KeystoreOptions options;

    @Option(names = "--key-id", defaultValue = Keystore.DEFAULT_KEY_ID, paramLabel = "ID",
            description = "Key id written into every sealed value's header (default: ${DEFAULT-VALUE}).")
    String keyId;

    @Option(names = "--force", description = "Replace an existing keystore: every value sealed under it becomes unreadable.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        return KeysCommand.guarded("init", spec.commandLine().getErr(), () -> {
            Path path = keys.keystore(options.keystore);
            if (Files.exists(path) && !force) {
                spec.commandLine().getErr().println("fenghuo keys init: keystore " + path
                        + " already exists; --force replaces it (and loses every key in it)");
                return FenghuoCli.EXIT_USAGE;
            }
            KeystorePassphrase passphrase = keys.passphrase(options.passphraseFile);
            Keystore keystore = Keystore.create(path, passphrase, keyId, force, new java.security.SecureRandom(),
                    java.time.Clock.systemUTC());
            spec.commandLine().getOut().println("created " + path + " with " + keystore.list().size() + " keys");
            return FenghuoCli.EXIT_OK;
        });
    }
}
