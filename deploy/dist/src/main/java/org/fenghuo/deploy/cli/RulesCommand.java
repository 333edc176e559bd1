package org.fenghuo.deploy.cli;

import picocli.CommandLine.Command;

/** Its subcommands are in {@link FenghuoCli#SUBCOMMANDS}. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Sigma rule packs: check what loads and why the rest does not.")
final class RulesCommand {
}
