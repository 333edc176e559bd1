package org.fenghuo.deploy.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fenghuo.crypto.CryptoFailure;
import org.fenghuo.crypto.keys.Keystore;
import org.fenghuo.crypto.keys.KeystorePassphrase;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every {@code fenghuo keys} subcommand shares: the keystore options, the parent's
 * environment, and one way of turning the keystore's failures into a line on stderr and an exit
 * code: 4 for a keystore, passphrase or output file that is missing or unreadable, 3 for
 * Elasticsearch, 2 for the rest (no or wrong passphrase, missing key, a file that is no keystore).
 */
abstract class KeysSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    KeysCommand keys;

    @Mixin
    KeystoreOptions options;

    /** The command's work; failures of the keystore propagate as they are. */
    abstract int run() throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            return run();
        } catch (CryptoFailure | IllegalArgumentException e) {
            return fail(e, FenghuoCli.EXIT_USAGE);
        } catch (ServiceUnavailableException e) {
            return fail(e, FenghuoCli.EXIT_SERVICE);
        } catch (UncheckedIOException e) {
            return fail(e, FenghuoCli.EXIT_INPUT);
        }
    }

    Path keystorePath() {
        return keys.keystore(options.keystore);
    }

    /** The passphrase; its warnings (e.g. a passphrase file others can read) go to stderr first. */
    KeystorePassphrase passphrase() {
        KeystorePassphrase passphrase = keys.passphrase(options.passphraseFile);
        for (String warning : passphrase.warnings()) {
            err().println("fenghuo keys " + spec.name() + ": warning: " + warning);
        }
        return passphrase;
    }

    Keystore openKeystore() {
        return Keystore.open(keystorePath(), passphrase());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints {@code fenghuo keys <command>: <message>} and returns {@code code}. */
    int fail(String message, int code) {
        err().println("fenghuo keys " + spec.name() + ": " + message);
        return code;
    }

    private int fail(RuntimeException e, int code) {
        return fail(e.getMessage(), code);
    }
}
