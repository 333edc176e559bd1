package org.fenghuo.deploy.cli;

import picocli.CommandLine.Command;

/** Its subcommands are in {@link FenghuoCli#SUBCOMMANDS}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Send input through the pipeline of a running Fenghuo.")
final class IngestCommand {
}
