package org.fenghuo.deploy.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fenghuo} command. Exit codes: 0 success, 1 ran but found nothing or lost input
 * (see each command), 2 usage error, 3 a required service (Kafka, Elasticsearch) unreachable or
 * failed to start, 4 input file unreadable.
 */
@Command(name = "fenghuo", mixinStandardHelpOptions = true, versionProvider = FenghuoVersion.class,
        description = "Fenghuo security situational-awareness platform.")
public final class FenghuoCli {
    /**
     * The subcommands, in the order help lists them. They are added by {@link #commandLine} rather
     * than named in {@code @Command}, so that a run of one command builds only that command's
     * branch: picocli reflects over every annotated class of the tree it builds, about 60 ms of
     * CPU of a 0.4 s start for the whole tree.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(VersionCommand.class, RunCommand.class, IngestCommand.class,
            SearchCommand.class, DecodeCommand.class, CollectorCommand.class, RulesCommand.class, DetectCommand.class,
            KeysCommand.class, AuditCommand.class, CommandLine.HelpCommand.class);

    public static final int EXIT_OK = 0;
    public static final int EXIT_NOTHING = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_SERVICE = 3;
    public static final int EXIT_INPUT = 4;

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The whole command tree. */
    static CommandLine commandLine() {
        return withSubcommands(SUBCOMMANDS);
    }

    /**
     * The tree {@code args} need: when the first argument names a subcommand (or an alias of one),
     * the root with that subcommand alone, which parses and runs those arguments exactly as the
     * whole tree would; otherwise (no arguments, an option, {@code help}, a mistyped name whose
     * error suggests the right ones) the whole tree.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                Command command = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class
                        && (command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0]))) {
                    return withSubcommands(List.of(c));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine withSubcommands(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new FenghuoCli());
        for (Class<?> c : subcommands) {
            cli.addSubcommand(c);
        }
        cli.setExitCodeExceptionMapper(new ExitCodes());
        cli.setExecutionExceptionHandler(new ErrorLine());
        return cli;
    }

    // Named classes, not lambdas: a lambda implementing one of picocli's (Java 5) interfaces makes the
    // start-up archive's dump link that interface, which excludes it, and the lambda is then spun at
    // every start (deploy/dist/README.md).

    /** Exit code per failure: service unreachable 3, input unreadable 4, anything else 2. */
    private static final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable e) {
            return e instanceof ServiceUnavailableException ? EXIT_SERVICE
                    : e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException ? EXIT_INPUT : EXIT_USAGE;
        }
    }

    /** A failed command prints one line naming itself, not a stack trace. */
    private static final class ErrorLine implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            commandLine.getErr().println("fenghuo " + commandLine.getCommandName() + ": " + e.getMessage());
            return commandLine.getExitCodeExceptionMapper().getExitCode(e);
        }
    }
}
