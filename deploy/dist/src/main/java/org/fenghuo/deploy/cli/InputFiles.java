package org.fenghuo.deploy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The check every command that reads files makes before it starts any work. */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * @return true when every file is a readable regular file; otherwise says which is not, as
     *         {@code "<command>: cannot read FILE"}, and returns false (exit code 4)
     */
    static boolean allReadable(List<Path> files, String command, PrintWriter err) {
        for (Path file : files) {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                err.println(command + ": cannot read " + file);
                return false;
            }
        }
        return true;
    }
}
