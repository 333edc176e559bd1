package org.fenghuo.deploy.cli;

import picocli.CommandLine.Command;

/** Its subcommands are in {@link FenghuoCli#SUBCOMMANDS}. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode input offline and print ECS events as NDJSON, without Kafka or Elasticsearch.")
final class DecodeCommand {
}
