package org.fenghuo.deploy.cli;

import picocli.CommandLine.Command;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Sigma rule packs: check what loads and why the rest does not.",
        subcommands = {RulesCheckCommand.class})
final class RulesCommand {
}
