package org.fenghuo.deploy.cli;

import picocli.CommandLine.Command;

@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode input offline and print ECS events as NDJSON, without Kafka or Elasticsearch.",
        subcommands = {DecodePcapCommand.class, DecodeSyslogCommand.class, DecodeNetflowCommand.class})
final class DecodeCommand {
}
