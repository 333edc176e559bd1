package org.fenghuo.correlation.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One JVM started by the session-cluster fixture: its command, its output file (stdout and stderr
 * together) and its log4j file, so a failing test can show what the process said.
 */
final class JavaProcess {
    /** Flink's {@code --add-opens}/{@code --add-exports} list for Java 17 (flink-dist's {@code env.java.opts.all}). */
    static final List<String> JAVA17_OPENS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED",
            "--add-opens=java.sql/java.sql=ALL-UNNAMED");

    private final String name;
    private final Process process;
    private final Path output;
    private final Path logFile;

    private JavaProcess(String name, Process process, Path output, Path logFile) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java <jvmOptions> -cp <classpath> <mainClass> <args>} with the opens, log4j writing to
     * {@code <logDir>/<name>.log} and the console to {@code <logDir>/<name>.out}.
     */
    static JavaProcess start(String name, Path logDir, Path log4jConfig, String classpath, List<String> jvmOptions,
                             String mainClass, List<String> args, Map<String, String> environment) throws IOException {
        Path output = logDir.resolve(name + ".out");
        Path logFile = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(JAVA17_OPENS);
        command.add("-Dlog.file=" + logFile);
        command.add("-Dlog4j.configurationFile=" + log4jConfig.toUri());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(environment);
        Files.writeString(output, "$ " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
        return new JavaProcess(name, builder.start(), output, logFile);
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the process to end; -1 if it is still running after {@code seconds}. */
    int waitFor(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL, as a crashed machine or an OOM killer would: no shutdown hook, no goodbye to the JobManager. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if it has not gone after a while. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String output() {
        return tail(output, Long.MAX_VALUE);
    }

    /** The last {@code bytes} of the console output and of the log file, headed by the process name. */
    String tails(long bytes) {
        return "---- " + name + " (pid " + process.pid() + (process.isAlive() ? ", running" : ", ended") + ") "
                + output + " ----\n" + tail(output, bytes)
                + "---- " + logFile + " ----\n" + tail(logFile, bytes);
    }

    private static String tail(Path file, long bytes) {
        if (!Files.exists(file)) {
            return "(none)\n";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - bytes);
            in.seek(start);
            byte[] data = new byte[(int) (in.length() - start)];
            in.readFully(data);
            return (start > 0 ? "[...]" : "") + new String(data, StandardCharsets.UTF_8) + "\n";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")\n";
        }
    }
}
