package org.fenghuo.deploy.cli;

import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.fenghuo.crypto.keys.Keystore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a keystore with version 1 of each key (mode 0600). Refuses to replace an existing one.",
        footer = {"", "Exit codes: 0 created, 2 usage (no passphrase, existing keystore without --force), 4 not writable."})
final class KeysInitCommand extends KeysSubcommand {
    @Option(names = "--key-id", defaultValue = Keystore.DEFAULT_KEY_ID, paramLabel = "ID",
            description = "Key id written into every sealed value's header (default: ${DEFAULT-VALUE}).")
    String keyId;

    @Option(names = "--force", description = "Replace an existing keystore: every value sealed under it becomes unreadable.")
    boolean force;

    @Override
    int run() {
        Path path = keystorePath();
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !force) {
            return alreadyExists(path);
        }
        Keystore keystore;
        try {
            keystore = Keystore.create(path, passphrase(), keyId, force, new SecureRandom(), Clock.systemUTC());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof FileAlreadyExistsException) {
                return alreadyExists(path); // another init won the race after the check above
            }
            throw e;
        }
        out().println("created " + path + " with " + keystore.list().size() + " keys");
        return FenghuoCli.EXIT_OK;
    }

    private int alreadyExists(Path path) {
        return fail("keystore " + path + " already exists; --force replaces it (and loses every key in it)",
                FenghuoCli.EXIT_USAGE);
    }
}
