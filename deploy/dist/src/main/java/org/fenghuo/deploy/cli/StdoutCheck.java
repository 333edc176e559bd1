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
        if (System.out.checkError()) { // flushes first
            err.println(command + ": could not write all output to stdout (closed or full): the output is incomplete");
            return true;
        }
        return false;
    }
}
