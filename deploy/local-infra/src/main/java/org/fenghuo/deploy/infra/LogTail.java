package org.fenghuo.deploy.infra;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a log file, for exception messages that must explain a failure without opening files. */
final class LogTail {

    /** Enough for the usual multi-line Java stack trace of a failed boot, without reading gigabytes. */
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static String lastLines(Path file, int lines) {
        if (file == null || !Files.isReadable(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            if (all.size() <= 1 && all.get(0).isEmpty()) {
                return "(" + file + " is empty)";
            }
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
