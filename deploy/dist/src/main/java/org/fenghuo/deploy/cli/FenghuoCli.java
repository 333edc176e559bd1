package org.fenghuo.deploy.cli;

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
     * The command tree by name, each level in the order help lists it. It is here rather than in
     * {@code @Command(subcommands = ...)} so that a run builds only the branch its arguments name:
     * picocli reflects over every annotated class of the tree it builds, and the whole tree took
     * about 60 ms of CPU of a 0.4 s start; reading each class's {@code @Command} to find a name
     * took more than the lookup needs. {@code FenghuoCliTest} checks the names against the annotations.
     */
    static final List<Node> SUBCOMMANDS = List.of(
            Node.of("version", VersionCommand.class),
            Node.of("run", RunCommand.class),
            Node.of("ingest", IngestCommand.class,
                    Node.of("syslog", IngestSyslogCommand.class), Node.of("pcap", IngestPcapCommand.class)),
            Node.of("search", SearchCommand.class),
            Node.of("decode", DecodeCommand.class, Node.of("pcap", DecodePcapCommand.class),
                    Node.of("syslog", DecodeSyslogCommand.class), Node.of("netflow", DecodeNetflowCommand.class)),
            Node.of("collector", CollectorCommand.class),
            Node.of("rules", RulesCommand.class, Node.of("check", RulesCheckCommand.class)),
            Node.of("detect", DetectCommand.class),
            Node.of("keys", KeysCommand.class, Node.of("init", KeysInitCommand.class),
                    Node.of("rotate", KeysRotateCommand.class), Node.of("list", KeysListCommand.class),
                    Node.of("export-public", KeysExportPublicCommand.class),
                    Node.of("reencrypt", KeysReencryptCommand.class)),
            Node.of("audit", AuditCommand.class, Node.of("verify", AuditVerifyCommand.class)),
            Node.of("help", CommandLine.HelpCommand.class));

    /** A command of the tree: its name, its class, and its own subcommands (none for a leaf). */
    record Node(String name, Class<?> type, List<Node> children) {
        static Node of(String name, Class<?> type, Node... children) {
            return new Node(name, type, List.of(children));
        }
    }

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
        return commandLine(new String[0]);
    }

    /**
     * The tree {@code args} need. Where an argument names a subcommand of the level it is on, that
     * subcommand alone, which parses and runs the arguments exactly as the whole tree would;
     * otherwise (no more arguments, an option, {@code help}, a mistyped name whose error suggests
     * the right ones) the whole level below.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new FenghuoCli());
        addLevel(cli, SUBCOMMANDS, args, 0);
        cli.setExitCodeExceptionMapper(new ExitCodes());
        cli.setExecutionExceptionHandler(new ErrorLine());
        return cli;
    }

    private static void addLevel(CommandLine parent, List<Node> level, String[] args, int at) {
        Node named = at < args.length ? named(level, args[at]) : null;
        for (Node node : named != null ? List.of(named) : level) {
            CommandLine command = new CommandLine(node.type());
            addLevel(command, node.children(), args, node == named ? at + 1 : args.length);
            parent.addSubcommand(command);
        }
    }

    /** The node {@code name} names; never {@code help}, which needs the whole tree to explain it. */
    private static Node named(List<Node> level, String name) {
        for (Node node : level) {
            if (node.name().equals(name) && node.type() != CommandLine.HelpCommand.class) {
                return node;
            }
        }
        return null;
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
