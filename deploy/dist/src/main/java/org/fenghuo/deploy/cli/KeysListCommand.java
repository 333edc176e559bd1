package org.fenghuo.deploy.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.fenghuo.crypto.keys.KeyInfo;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Print every key version: purpose, id, version, algorithm, created, status and, for data keys, "
                + "the KEK version wrapping it. Never key material.",
        footer = {"", "Exit codes: 0 listed, 2 usage or wrong passphrase, 4 keystore missing or unreadable."})
final class KeysListCommand extends KeysSubcommand {
    private static final String ROW = "%-12s %-16s %7s  %-14s %-24s %-8s %s%n";

    @Override
    int run() {
        java.util.List<KeyInfo> list = openKeystore().list();
        PrintWriter out = out();
        out.printf(ROW, "PURPOSE", "ID", "VERSION", "ALGORITHM", "CREATED", "STATUS", "WRAPPED-BY");
        for (KeyInfo k : list) {
            out.printf(ROW, k.purpose().label(), k.id(), k.version(), k.purpose().algorithm(), k.created(),
                    k.status().name().toLowerCase(Locale.ROOT), k.wrappedBy() > 0 ? "kek v" + k.wrappedBy() : "-");
        }
        return FenghuoCli.EXIT_OK;
    }
}
