package org.fenghuo.deploy.cli;

import java.io.PrintWriter;
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

    /** As {@code bin/fenghuo} runs: with the tree {@link FenghuoCli#commandLine(String[])} builds for these arguments. */
    static Result run(String... args) {
        return run(FenghuoCli.commandLine(args), args);
    }

    /** Runs with System.out captured into {@code stdout} (commands that stream NDJSON write there, not to the picocli writer). */
    static Result runWithStdout(java.io.ByteArrayOutputStream stdout, String... args) {
        java.io.PrintStream original = System.out;
        try {
            System.setOut(new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8));
            return run(args);
        } finally {
            System.setOut(original);
        }
    }

    /** Runs with a System.out whose every write fails, as with a full disk or a reader gone away. */
    static Result runWithFailingStdout(String... args) {
        return runAsMainWithFailingStdout(null, args);
    }

    /**
     * Runs the CLI {@code build} makes (null: the tree for {@code args}, with stdout captured as
     * {@link #run(CommandLine, String...)} does) with a System.out whose every write fails (a full
     * disk, a reader gone away); stderr is kept. With {@code build}, picocli's {@code out} is left to
     * wrap {@code System.out}, as {@code main} runs it, and the CLI is built after System.out is
     * replaced, since picocli takes it when it is built.
     */
    static Result runAsMainWithFailingStdout(java.util.function.Supplier<CommandLine> build, String... args) {
        java.io.PrintStream original = System.out;
        try {
            System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) throws java.io.IOException {
                    throw new java.io.IOException("No space left on device");
                }
            }, true, java.nio.charset.StandardCharsets.UTF_8));
            if (build == null) {
                return run(args);
            }
            CommandLine cli = build.get();
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Result(code, "", err.toString());
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
