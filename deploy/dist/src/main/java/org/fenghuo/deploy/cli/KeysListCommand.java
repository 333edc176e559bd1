package org.fenghuo.deploy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.fenghuo.crypto.keys.KeyInfo;
import org.fenghuo.crypto.keys.Keystore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Print every key version: purpose, id, version, algorithm, created, status and, for data keys, "
                + "the KEK version wrapping it. Never key material.",
        footer = {"", "Exit codes: 0 listed, 2 usage or wrong passphrase, 4 keystore missing or unreadable."})
final class KeysListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    KeysCommand keys;

    @Mixin
    KeystoreOptions options;

    @Override
    public Integer call() throws Exception {
        return KeysCommand.guarded("list", spec.commandLine().getErr(), () -> {
            Keystore keystore = Keystore.open(keys.keystore(options.keystore), keys.passphrase(options.passphraseFile));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-12s %-16s %7s  %-14s %-24s %-8s %s%n", "PURPOSE", "ID", "VERSION", "ALGORITHM", "CREATED",
                    "STATUS", "WRAPPED-BY");
            for (KeyInfo k : keystore.list()) {
                out.printf("%-12s %-16s %7d  %-14s %-24s %-8s %s%n", k.purpose().label(), k.id(), k.version(),
                        k.purpose().algorithm(), k.created(), k.status().name().toLowerCase(java.util.Locale.ROOT),
                        k.wrappedBy() > 0 ? "kek v" + k.wrappedBy() : "-");
            }
            return FenghuoCli.EXIT_OK;
        });
    }
}
