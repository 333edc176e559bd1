package org.fenghuo.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Help, version and exit codes of every command, without any server running. */
class FenghuoCliTest {
    @RegisterExtension
    final IsolatedHome isolatedHome = new IsolatedHome();

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"--help"}, {"version", "--help"}, {"run", "--help"},
                {"ingest", "--help"}, {"ingest", "syslog", "--help"}, {"search", "--help"}, {"decode", "--help"},
                {"decode", "pcap", "--help"}}) {
            CliRunner.Result result = CliRunner.run(command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(result.out()).as(String.join(" ", command)).startsWith("Usage: fenghuo");
        }
    }

    /**
     * A run builds only the branch its first argument names; help, usage and errors must read as
     * with the whole tree, for every subcommand and alias.
     */
    @Test
    void aCommandsOwnBranchBehavesAsTheWholeTree() {
        CommandLine whole = FenghuoCli.commandLine();
        assertThat(whole.getSubcommands()).hasSize(FenghuoCli.SUBCOMMANDS.size());
        java.util.Set<CommandLine> commands = new java.util.LinkedHashSet<>(whole.getSubcommands().values());
        for (CommandLine sub : commands) {
            String name = sub.getCommandName();
            if (name.equals("help")) {
                continue;
            }
            java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(name));
            names.addAll(java.util.List.of(sub.getCommandSpec().aliases()));
            for (String n : names) {
                CommandLine branch = FenghuoCli.commandLine(new String[] {n, "--help"});
                assertThat(branch.getSubcommands().values()).as(n).extracting(CommandLine::getCommandName)
                        .containsOnly(name);
                assertThat(branch.getSubcommands().get(n).getSubcommands().keySet()).as("%s --help", n)
                        .isEqualTo(sub.getSubcommands().keySet());
                assertThat(CliRunner.run(branch, n, "--help"))
                        .as(n).isEqualTo(CliRunner.run(FenghuoCli.commandLine(), n, "--help"));
                assertThat(CliRunner.run(FenghuoCli.commandLine(new String[] {n, "--no-such-option"}), n, "--no-such-option"))
                        .as(n).isEqualTo(CliRunner.run(FenghuoCli.commandLine(), n, "--no-such-option"));
                for (CommandLine grandchild : sub.getSubcommands().values()) {
                    String[] args = {n, grandchild.getCommandName(), "--help"};
                    assertThat(CliRunner.run(FenghuoCli.commandLine(args), args))
                            .as(String.join(" ", args)).isEqualTo(CliRunner.run(FenghuoCli.commandLine(), args));
                    assertThat(FenghuoCli.commandLine(args).getSubcommands().get(n).getSubcommands().keySet())
                            .as(String.join(" ", args)).containsOnly(grandchild.getCommandName());
                    String[] mistyped = {n, grandchild.getCommandName() + "x"};
                    assertThat(CliRunner.run(FenghuoCli.commandLine(mistyped), mistyped))
                            .as(String.join(" ", mistyped)).isEqualTo(CliRunner.run(FenghuoCli.commandLine(), mistyped));
                }
            }
        }
        for (String[] args : new String[][] {{}, {"--help"}, {"help"}, {"help", "decode"}, {"decdoe"}, {"-V"}}) {
            assertThat(FenghuoCli.commandLine(args).getSubcommands()).as(String.join(" ", args))
                    .hasSize(FenghuoCli.SUBCOMMANDS.size());
        }
    }

    /** The tree's names are those the commands' annotations give, which help and errors print. */
    @Test
    void theTreeNamesEachCommandAsItsAnnotationDoes() {
        java.util.Deque<FenghuoCli.Node> nodes = new java.util.ArrayDeque<>(FenghuoCli.SUBCOMMANDS);
        int seen = 0;
        while (!nodes.isEmpty()) {
            FenghuoCli.Node node = nodes.pop();
            CommandLine.Command command = node.type().getAnnotation(CommandLine.Command.class);
            assertThat(command.name()).isEqualTo(node.name());
            assertThat(command.aliases()).as("%s: an alias would need matching in FenghuoCli", node.name()).isEmpty();
            assertThat(command.subcommands()).as("%s: subcommands belong in FenghuoCli.SUBCOMMANDS", node.name())
                    .isEmpty();
            nodes.addAll(node.children());
            seen++;
        }
        assertThat(seen).as("commands in the tree (a new one must be added to it)").isEqualTo(23);
    }

    /** Help lists the commands in this order (the tree's order, which nothing else checks). */
    @Test
    void helpListsTheCommandsInTheirOrder() {
        assertThat(listed("--help")).containsExactly("version", "run", "ingest", "search", "decode", "collector", "rules",
                "detect", "keys", "audit", "help");
        assertThat(listed("ingest", "--help")).containsExactly("syslog", "pcap");
        assertThat(listed("decode", "--help")).containsExactly("pcap", "syslog", "netflow");
        assertThat(listed("rules", "--help")).containsExactly("check");
        assertThat(listed("keys", "--help")).containsExactly("init", "rotate", "list", "export-public", "reencrypt");
        assertThat(listed("audit", "--help")).containsExactly("verify");
    }

    /** The names of the "Commands:" section of a help text. */
    private static java.util.List<String> listed(String... args) {
        CliRunner.Result help = CliRunner.run(args);
        assertThat(help.exitCode()).isZero();
        String commands = help.out().substring(help.out().indexOf("Commands:\n") + "Commands:\n".length());
        return commands.lines().filter(line -> line.matches("  \\S.*")).map(line -> line.trim().split("\\s+")[0])
                .toList();
    }

    @Test
    void versionNamesFenghuoAndJava() {
        CliRunner.Result result = CliRunner.run("version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("fenghuo ").contains("Java 17");
    }

    @Test
    void unknownCommandOrOptionIsAUsageError() {
        assertThat(CliRunner.run("frobnicate").exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(CliRunner.run("run", "--syslog-port", "70000").exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(CliRunner.run("run", "--syslog-port", "70000").err()).contains("--syslog-port must be 0..65535");
        assertThat(CliRunner.run("search", "--size", "-1", "--es", "http://127.0.0.1:1").exitCode())
                .isEqualTo(FenghuoCli.EXIT_USAGE);
        CliRunner.Result badPolicy = CliRunner.run("run", "--pii-policy", "/nonexistent/policy.yml");
        assertThat(badPolicy.exitCode()).isEqualTo(FenghuoCli.EXIT_USAGE);
        assertThat(badPolicy.err()).contains("--pii-policy: pii.policy = /nonexistent/policy.yml: no such file");
    }

    @Test
    void searchWithoutARunningFenghuoSaysWhatToDo() {
        CliRunner.Result result = CliRunner.run("search", "*");
        assertThat(result.exitCode()).isEqualTo(FenghuoCli.EXIT_SERVICE);
        assertThat(result.err()).contains("fenghuo run").contains("--es").contains("FENGHUO_ES_URL");
    }

    @Test
    void unreachableServicesAreExitCodeThree() {
        assertThat(CliRunner.run("search", "--es", "http://127.0.0.1:1", "*").exitCode()).isEqualTo(FenghuoCli.EXIT_SERVICE);
        Path file = isolatedHome.path().resolve("x.log");
        try {
            java.nio.file.Files.writeString(file, "<13>hello\n");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        CliRunner.Result ingest = CliRunner.run("ingest", "syslog", "--kafka", "127.0.0.1:1", file.toString());
        assertThat(ingest.exitCode()).isEqualTo(FenghuoCli.EXIT_SERVICE);
        assertThat(ingest.err()).contains("cannot reach Kafka at 127.0.0.1:1");
    }

    @Test
    void runWithAnUnreachableElasticsearchFailsAtOnceNamingIt() {
        CliRunner.Result result = CliRunner.run("run", "--es-url", "http://127.0.0.1:1", "--syslog-port", "0");
        assertThat(result.exitCode()).isEqualTo(FenghuoCli.EXIT_SERVICE);
        assertThat(result.err()).contains("cannot reach Elasticsearch at http://127.0.0.1:1");
    }

    @Test
    void unreadableFileIsExitCodeFour() {
        CliRunner.Result result = CliRunner.run("ingest", "syslog", "--kafka", "127.0.0.1:1", isolatedHome.path().resolve("missing.log").toString());
        assertThat(result.exitCode()).isEqualTo(FenghuoCli.EXIT_INPUT);
        assertThat(result.err()).contains("cannot read");
    }
}
