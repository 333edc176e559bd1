package org.fenghuo.deploy.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.util.List;

import picocli.CommandLine;

/** Runs the CLI in-process and keeps what it printed. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.isBlank() ? List.of() : List.of(out.strip().split("\n"));
        }
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        return run(FenghuoCli.commandLine(), args);
    }

    /**
     * Runs with {@code System.out} captured into {@code stdout}, for commands that stream NDJSON
     * straight to {@code System.out} rather than through picocli's writer.
     */
    static Result runCapturingStdout(ByteArrayOutputStream stdout, List<String> command, String... args) {
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            String[] all = new String[command.size() + args.length];
            command.toArray(all);
            System.arraycopy(args, 0, all, command.size(), args.length);
            return run(all);
        } finally {
            System.setOut(original);
        }
    }

    static Result run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
