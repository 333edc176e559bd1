package org.fenghuo.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fenghuo} command. Exit codes: 0 success, 1 ran but found nothing or lost input
 * (see each command), 2 usage error, 3 a required service (Kafka, Elasticsearch) unreachable or
 * failed to start, 4 input file unreadable.
 */
@Command(name = "fenghuo", mixinStandardHelpOptions = true, versionProvider = FenghuoVersion.class,
        description = "Fenghuo security situational-awareness platform.",
        subcommands = {VersionCommand.class, RunCommand.class, IngestCommand.class, SearchCommand.class, DecodeCommand.class,
                CollectorCommand.class, RulesCommand.class, DetectCommand.class, KeysCommand.class, AuditCommand.class,
                CommandLine.HelpCommand.class})
public final class FenghuoCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_NOTHING = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_SERVICE = 3;
    public static final int EXIT_INPUT = 4;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FenghuoCli());
        cli.setExitCodeExceptionMapper(e -> e instanceof ServiceUnavailableException ? EXIT_SERVICE
                : e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException ? EXIT_INPUT : EXIT_USAGE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("fenghuo " + commandLine.getCommandName() + ": " + e.getMessage());
            return commandLine.getExitCodeExceptionMapper().getExitCode(e);
        });
        return cli;
    }
}
