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

    /** {@link #lostOutput(String, PrintWriter)} for a command that prints through picocli's {@code out}. */
    static boolean lostOutput(String command, PrintWriter out, PrintWriter err) {
        return lost(out.checkError(), command, err); // a PrintWriter swallows write errors too
    }

    private static boolean lost(boolean failed, String command, PrintWriter err) {
        if (failed) {
            err.println(command + ": could not write all output to stdout (closed or full): the output is incomplete");
        }
        return failed;
    }
}
