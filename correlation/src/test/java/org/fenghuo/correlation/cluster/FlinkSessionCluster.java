package org.fenghuo.correlation.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * A real Flink session cluster for tests, made of Maven Central jars only: a JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code TaskManagerRunner}) as separate
 * {@code java} processes on 127.0.0.1, jobs submitted with {@code CliFrontend run} as a third kind of
 * process, exactly as {@code bin/flink run} would. Everything lives under one directory: {@code lib/}
 * (links to the provided jars, see {@link FlinkLib}), {@code conf/config.yaml}, logs, checkpoints.
 *
 * <p>{@link #close()} cancels the jobs and stops every process; a shutdown hook does the same if the test
 * JVM ends without it, so a failed test leaves no JVM behind.
 */
final class FlinkSessionCluster implements AutoCloseable {
    static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    static final String CLIENT_MAIN = "org.apache.flink.client.cli.CliFrontend";
    private static final Pattern JOB_ID = Pattern.compile("JobID ([0-9a-f]{32})");
    private static final long TAIL_BYTES = 6_000;

    private final Path home;
    private final Path conf;
    private final Path log4j;
    private final String classpath;
    private final Map<String, String> environment;
    private final FlinkRest rest;
    private final List<JavaProcess> processes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopProcesses, "flink-session-cluster-shutdown");
    private JavaProcess jobManager;
    private int taskManagerCount;
    private int clientCount;

    private FlinkSessionCluster(Path home, Map<String, String> environment, int restPort) {
        this.home = home;
        this.conf = home.resolve("conf");
        this.log4j = conf.resolve("log4j.properties");
        this.classpath = home.resolve("lib") + "/*";
        this.environment = environment;
        this.rest = new FlinkRest("127.0.0.1", restPort);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Lays out {@code home} (lib/, conf/) and starts the JobManager and {@code taskManagers} TaskManagers
     * without waiting for them: call {@link #awaitTaskManagers} before submitting.
     *
     * @param slotsPerTaskManager {@code taskmanager.numberOfTaskSlots}
     * @param environment         extra environment of every process (e.g. {@code FENGHUO_KEYSTORE_PASSPHRASE})
     */
    static FlinkSessionCluster start(Path home, Path modulePom, int taskManagers, int slotsPerTaskManager,
                                     Map<String, String> environment) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("log"));
        List<Path> lib = FlinkLib.fromPom(modulePom).populate(System.getProperty("java.class.path"), home.resolve("lib"));
        if (lib.stream().noneMatch(p -> p.getFileName().toString().startsWith("flink-runtime-"))) {
            throw new IllegalStateException("no flink-runtime jar on the test classpath to build lib/ from: " + lib);
        }
        int restPort = freePort();
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("FLINK_CONF_DIR", home.resolve("conf").toString());
        FlinkSessionCluster cluster = new FlinkSessionCluster(home, env, restPort);
        try {
            cluster.writeConfig(restPort, freePort(), slotsPerTaskManager);
            cluster.startJobManager();
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager();
            }
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void writeConfig(int restPort, int rpcPort, int slots) throws IOException {
        String yaml = """
                # written by FlinkSessionCluster (test fixture): everything on 127.0.0.1, free ports
                jobmanager.rpc.address: 127.0.0.1
                jobmanager.rpc.port: %d
                jobmanager.bind-host: 127.0.0.1
                jobmanager.memory.process.size: 1024m
                rest.address: 127.0.0.1
                rest.bind-address: 127.0.0.1
                rest.port: %d
                taskmanager.host: 127.0.0.1
                taskmanager.bind-host: 127.0.0.1
                taskmanager.numberOfTaskSlots: %d
                taskmanager.cpu.cores: %d
                taskmanager.memory.process.size: 1280m
                # streaming with heap state: managed memory (RocksDB, batch) would only take room from the task heap
                taskmanager.memory.managed.fraction: 0.05
                parallelism.default: 1
                # a killed TaskManager is noticed within seconds (refused heartbeats), not after the 50 s default
                heartbeat.interval: 1000
                heartbeat.timeout: 8000
                slot.request.timeout: 180000
                io.tmp.dirs: %s
                blob.storage.directory: %s
                web.tmpdir: %s
                execution.checkpointing.storage: filesystem
                execution.checkpointing.dir: %s
                """.formatted(rpcPort, restPort, slots, slots, dir("tmp"), dir("blob"), dir("web"),
                home.resolve("checkpoints").toUri());
        Files.writeString(conf.resolve(GlobalConfiguration.FLINK_CONF_FILENAME), yaml, StandardCharsets.UTF_8);
        Files.writeString(log4j, String.join("\n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.file.ref = MainAppender",
                "appender.main.name = MainAppender",
                "appender.main.type = File",
                "appender.main.append = true",
                "appender.main.fileName = ${sys:log.file}",
                "appender.main.layout.type = PatternLayout",
                "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1.} [%t] - %m%n",
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                "logger.pekko.name = org.apache.pekko",
                "logger.pekko.level = WARN",
                ""), StandardCharsets.UTF_8);
    }

    private String dir(String name) throws IOException {
        return Files.createDirectories(home.resolve(name)).toString();
    }

    private Configuration configuration() {
        return GlobalConfiguration.loadConfiguration(conf.toString());
    }

    private void startJobManager() throws IOException {
        // what bin/jobmanager.sh gets from BashJavaUtils GET_JM_RESOURCE_PARAMS
        Configuration config = configuration();
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(config);
        List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
        args.addAll(words(JobManagerProcessUtils.generateDynamicConfigsStr(spec)));
        jobManager = launch("jobmanager", words(JobManagerProcessUtils.generateJvmParametersStr(spec, config)),
                JOB_MANAGER_MAIN, args);
    }

    /** Starts one more TaskManager process (named {@code taskmanager-<n>}); returns it for {@link #kill}. */
    JavaProcess startTaskManager() throws IOException {
        // what bin/taskmanager.sh gets from BashJavaUtils GET_TM_RESOURCE_PARAMS: JVM memory flags and the
        // resolved memory and CPU settings, without which TaskManagerRunner refuses to start
        TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(configuration());
        List<String> args = new ArrayList<>(List.of("--configDir", conf.toString()));
        args.addAll(words(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
        taskManagerCount++;
        return launch("taskmanager-" + taskManagerCount, words(ProcessMemoryUtils.generateJvmParametersStr(spec)),
                TASK_MANAGER_MAIN, args);
    }

    private JavaProcess launch(String name, List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
        JavaProcess process = JavaProcess.start(name, home.resolve("log"), log4j, classpath, jvmOptions, mainClass, args,
                environment);
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    /** Kills a TaskManager with SIGKILL (no clean shutdown) and waits until the process is gone. */
    void kill(JavaProcess taskManager) throws InterruptedException {
        taskManager.kill();
    }

    /** The TaskManager processes still alive, oldest first. */
    List<JavaProcess> taskManagers() {
        synchronized (processes) {
            return processes.stream().filter(p -> p.name().startsWith("taskmanager-") && p.isAlive()).toList();
        }
    }

    FlinkRest rest() {
        return rest;
    }

    /** Waits until exactly {@code count} TaskManagers are registered with the ResourceManager. */
    void awaitTaskManagers(int count, Duration timeout) throws InterruptedException {
        await("the JobManager to list " + count + " TaskManager(s)", timeout, () -> {
            requireJobManagerAlive();
            return rest.taskManagers().size() == count;
        });
    }

    /**
     * Submits {@code jobJar} detached through {@code CliFrontend run -d -p <parallelism> -c <mainClass>} in its own
     * JVM and returns the job id it prints. Fails with the client's output if it exits non-zero.
     */
    String submit(Path jobJar, String mainClass, int parallelism, String... jobArgs) throws IOException, InterruptedException {
        ClientRun run = run(jobJar, mainClass, parallelism, jobArgs);
        Matcher id = JOB_ID.matcher(run.output());
        if (run.exitCode() != 0 || !id.find()) {
            throw new IllegalStateException("flink run exited with " + run.exitCode() + "\n" + run.tails() + logTails());
        }
        return id.group(1);
    }

    /** What {@code flink run} did: its exit code (-1 if still running after 3 minutes, then stopped) and output. */
    record ClientRun(int exitCode, String output, String tails) {
    }

    /** {@code CliFrontend run -d -p <parallelism> -c <mainClass> <jobJar> <jobArgs>}, as {@code bin/flink run} would. */
    ClientRun run(Path jobJar, String mainClass, int parallelism, String... jobArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run", "-d", "-p", String.valueOf(parallelism), "-c", mainClass,
                jobJar.toString()));
        args.addAll(Arrays.asList(jobArgs));
        clientCount++;
        JavaProcess client = launch("client-" + clientCount, List.of("-Xmx256m"), CLIENT_MAIN, args);
        int exit = client.waitFor(Duration.ofMinutes(3).toSeconds());
        if (exit == -1) {
            client.stop();
        }
        return new ClientRun(exit, client.output(), client.tails(TAIL_BYTES));
    }

    /** Waits until the job and all its subtasks run on TaskManagers. */
    void awaitRunning(String jobId, Duration timeout) throws InterruptedException {
        await("job " + jobId + " and all its subtasks to be RUNNING (or finished, bounded ones)", timeout, () -> {
            requireJobManagerAlive();
            return rest.fullyRunning(jobId);
        });
    }

    private void requireJobManagerAlive() {
        if (!jobManager.isAlive()) {
            throw new IllegalStateException("the JobManager process has ended");
        }
    }

    /** Polls {@code condition} every 250 ms; on timeout fails with what was awaited and the processes' log tails. */
    void await(String what, Duration timeout, Check condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.ok()) {
                    return;
                }
            } catch (IllegalStateException e) {
                throw new AssertionError("while waiting for " + what + ": " + e.getMessage() + "\n" + logTails(), e);
            } catch (Exception e) {
                last = e; // not up yet: connection refused, 404 while the job is being created
            }
            Thread.sleep(250);
        }
        throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")") + "\n" + logTails(), last);
    }

    /** A condition polled by {@link #await}; an IllegalStateException stops waiting at once. */
    @FunctionalInterface
    interface Check {
        boolean ok() throws Exception;
    }

    /** The end of every process's console output and log, for failure messages. */
    String logTails() {
        StringBuilder text = new StringBuilder("Flink session cluster in " + home + ", REST " + rest.url() + "\n");
        synchronized (processes) {
            processes.forEach(p -> text.append(p.tails(TAIL_BYTES)));
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (jobManager != null && jobManager.isAlive()) {
            rest.cancelAll();
        }
        stopProcesses();
        unlinkLib();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook does the same
        }
    }

    /** TaskManagers and clients first, the JobManager last, so it does not restart jobs on the way down. */
    private void stopProcesses() {
        List<JavaProcess> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
        }
        all.stream().filter(p -> p != jobManager).forEach(JavaProcess::stop);
        if (jobManager != null) {
            jobManager.stop();
        }
    }

    /** The links only, never their targets in the Maven repository (and JUnit's temp-dir cleanup stays quiet). */
    private void unlinkLib() {
        try (var links = Files.list(home.resolve("lib"))) {
            for (Path link : links.toList()) {
                Files.deleteIfExists(link);
            }
        } catch (IOException e) {
            // left for the temp-dir cleanup
        }
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
