package org.fenghuo.deploy.cli;

import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Send input through the pipeline of a running Fenghuo.",
        subcommands = {IngestSyslogCommand.class, IngestPcapCommand.class})
final class IngestCommand {
}
