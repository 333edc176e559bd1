package org.fenghuo.deploy.cli;

import java.io.PrintWriter;

/**
 * Whether what a command printed on stdout got there. {@code System.out} swallows write errors (a
 * reader that went away, a full disk), so without this check a command whose output was lost would
 * still exit 0.
 */
final class StdoutCheck {
    private StdoutCheck() {
    }

    /**
     * Flushes {@code System.out}; if any write to it failed, says so on {@code err} and returns true
     * (the command then exits {@link FenghuoCli#EXIT_NOTHING}: it ran, but lost output).
     */
    static boolean lostOutput(String command, PrintWriter err) {
        return lost(System.out.checkError(), command, err); // checkError flushes first
    }

    /**
     * {@link #lostOutput(String, PrintWriter)} for a command that prints through picocli's {@code out}.
     * Both are asked: picocli's writer wraps {@code System.out} in its own writers, so a failed write
     * to stdout sets {@code System.out}'s error flag, not {@code out}'s ({@code System.out} swallows
     * the error before the writer could see it); {@code out}'s own flag is set when it is some other
     * stream that fails.
     */
    static boolean lostOutput(String command, PrintWriter out, PrintWriter err) {
        boolean outFailed = out.checkError(); // flushes out into System.out first
        return lost(outFailed | System.out.checkError(), command, err);
    }

    private static boolean lost(boolean failed, String command, PrintWriter err) {
        if (failed) {
            err.println(command + ": could not write all output to stdout (closed or full): the output is incomplete");
        }
        return failed;
    }
}
