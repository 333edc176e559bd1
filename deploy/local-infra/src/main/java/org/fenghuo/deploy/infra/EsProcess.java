package org.fenghuo.deploy.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the Elasticsearch launcher: start it, wait until it serves, stop it, or kill its whole tree. */
final class EsProcess {

    static final int LOG_TAIL_LINES = 40;
    private static final Duration POLL = Duration.ofMillis(250);

    private final Process process;
    private final Path log;

    private EsProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The file that receives the launcher's stdout and stderr (the server's console log). */
    static Path logFile(Path workDir) {
        return EsConfigWriter.logsDir(workDir).resolve("console.log");
    }

    static EsProcess launch(Path esHome, Path workDir, Path javaHome, RunAs runAs) {
        Path log = logFile(workDir);
        ProcessBuilder builder = new ProcessBuilder(runAs.wrap(List.of(esHome.resolve("bin/elasticsearch").toString())))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                // Never inherit our stdin: the launcher would read a keystore password from it.
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        // Options meant for this JVM (surefire, IDEs) must not leak into the server, nor a JAVA_HOME it ignores.
        for (String name : List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "ES_JAVA_OPTS",
                "JAVA_OPTS", "JAVA_HOME", "CLI_JAVA_OPTS")) {
            env.remove(name);
        }
        env.put("ES_PATH_CONF", EsConfigWriter.configDir(workDir).toString());
        env.put("ES_JAVA_HOME", javaHome.toString());
        String tmp = EsConfigWriter.tmpDir(workDir).toString();
        env.put("ES_TMPDIR", tmp);
        if (!tmp.contains(" ")) {
            // The launcher JVM leaves a final-flags* directory in its java.io.tmpdir at every start; keep that
            // litter in the instance (the script expands CLI_JAVA_OPTS unquoted, hence no spaces).
            env.put("CLI_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
        }
        // HOME may be /root, which the unprivileged account cannot even stat.
        env.put("HOME", workDir.toString());
        try {
            Files.writeString(log, "---- fenghuo: starting " + String.join(" ", builder.command()) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            return new EsProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /**
     * Waits for a yellow cluster ({@code GET /} answers 405 in this distribution, so it proves nothing).
     * Fails fast, with the log tail, if the launcher exits first.
     */
    void awaitHealthy(String url, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue()
                        + " before becoming healthy. Last lines of " + log + ":\n" + tail());
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Elasticsearch at " + url, e);
            }
            sleep(POLL);
        }
        throw new IllegalStateException("Elasticsearch at " + url + " was not healthy (yellow) within " + timeout
                + " (last answer: " + last + "). Last lines of " + log + ":\n" + tail());
    }

    String tail() {
        return LogTail.lastLines(log, LOG_TAIL_LINES);
    }

    /**
     * SIGTERM to the launcher, which asks the server to shut down cleanly (flushing translogs); whatever is
     * still running after {@code grace} is killed.
     */
    void stop(Duration grace) {
        List<ProcessHandle> tree = snapshotTree();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The server JVM is the launcher's child: make sure it did not outlive it.
        for (ProcessHandle handle : tree) {
            awaitOrKill(handle, Duration.ofSeconds(5));
        }
    }

    /** Immediate SIGKILL of the launcher and everything below it. */
    void kill() {
        List<ProcessHandle> tree = snapshotTree();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    private List<ProcessHandle> snapshotTree() {
        return process.descendants().toList();
    }

    private static void awaitOrKill(ProcessHandle handle, Duration grace) {
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
        }
    }
}
