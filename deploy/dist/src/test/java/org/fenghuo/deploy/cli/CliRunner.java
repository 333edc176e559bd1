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
        java.io.PrintStream original = System.out;
        try {
            System.setOut(new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) throws java.io.IOException {
                    throw new java.io.IOException("No space left on device");
                }
            }, true, java.nio.charset.StandardCharsets.UTF_8));
            return run(args);
        } finally {
            System.setOut(original);
        }
    }

    /** {@link #run(CommandLine, String...)} with picocli's {@code out} failing every write, as a full disk does. */
    static Result runWithFailingOut(CommandLine cli, String... args) {
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new java.io.Writer() {
            @Override
            public void write(char[] buffer, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, "", err.toString());
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
