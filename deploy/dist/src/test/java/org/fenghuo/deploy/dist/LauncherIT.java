package org.fenghuo.deploy.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution as a user runs it: {@code target/fenghuo/bin/fenghuo}, after the
 * package phase (failsafe). The in-process CLI tests cannot see the launcher's file mode or the
 * JVM options it picks.
 */
class LauncherIT {
    private static final Path DIST = Path.of("target", "fenghuo").toAbsolutePath();
    private static final Path LAUNCHER = DIST.resolve("bin").resolve("fenghuo");

    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(LAUNCHER, env, args);
    }

    private Run run(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().put("FENGHUO_HOME", home.toString());
        builder.environment().remove("FENGHUO_JAVA_OPTS");
        builder.environment().putAll(env);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not finish in 120 s: " + command);
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void launcherIsExecutableAndRunsTheCli() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).as("%s is executable", LAUNCHER).isTrue();
        Run version = run(Map.of(), "version");
        assertThat(version.exitCode()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("fenghuo ");
    }

    @Test
    void decodesTheBundledDemoCapture() throws Exception {
        Run decode = run(Map.of(), "decode", "pcap", DIST.resolve("samples").resolve("demo.pcap").toString());
        assertThat(decode.exitCode()).as(decode.err()).isZero();
        assertThat(decode.out()).contains("\"dataset\":\"pcap.flow\"").contains("\"action\":\"modbus-write-single-register\"");
        // every protocol the quick start names, so the README's claim and the start-up archive's training hold
        for (String protocol : List.of("dns", "http", "tls", "ssh", "modbus", "dnp3", "s7comm", "iec104")) {
            assertThat(decode.out()).as(protocol).contains("\"dataset\":\"pcap." + protocol + "\"");
        }
        assertThat(decode.out()).contains("\"server_name\":\"demo.example.com\"");
        assertThat(decode.err()).contains("flows=11").contains("malformed=1 {BAD_IHL=1}").contains("fragments=2 reassembled=1")
                .contains("\"pipeline_error\"").contains("malformed packet 70: BAD_IHL").doesNotContain("app_malformed");
    }

    @Test
    void theBundledSigmaPackFindsTheAttackInTheBundledAuthLog() throws Exception {
        Run decode = run(Map.of(), "decode", "syslog", DIST.resolve("samples").resolve("auth.log").toString());
        assertThat(decode.exitCode()).as(decode.err()).isZero();
        Path events = home.resolve("events.ndjson");
        Files.writeString(events, decode.out());

        Run detect = run(Map.of(), "detect", "--rules", DIST.resolve("samples").resolve("sigma").toString(),
                events.toString());

        assertThat(detect.exitCode()).as(detect.err()).isZero();
        assertThat(detect.out()).contains("\"name\":\"SSH password guessing\"")
                .contains("\"name\":\"SSH password guessing followed by a login from the same address\"")
                .contains("\"severity\":\"critical\"")
                .contains("\"name\":\"Service stopped through sudo\"")
                .doesNotContain("\"name\":\"SSH password failure\"");
        assertThat(detect.err()).contains("3 rules loaded, 0 rejected").contains("correlations: 2 loaded, 0 rejected");
    }

    @Test
    void batchCommandsRunOnC1AndRunKeepsTheTieredJit() throws Exception {
        Map<String, String> printFlags = Map.of("FENGHUO_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        assertThat(tieredStopAtLevel(run(printFlags, "version"))).isEqualTo("1");
        assertThat(tieredStopAtLevel(run(printFlags, "decode", "--help"))).isEqualTo("1");
        assertThat(tieredStopAtLevel(run(printFlags, "run", "--help"))).isEqualTo("4");
        Map<String, String> override = Map.of("FENGHUO_JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4");
        assertThat(tieredStopAtLevel(run(override, "decode", "--help"))).isEqualTo("4");
    }

    @Test
    void classPathPutsFenghuoAndPicocliFirstAndTheStartUpArchiveMaps() throws Exception {
        Path classes = home.resolve("classes.txt");
        // -Xshare:on: the JVM refuses to start when the archive cannot be mapped, e.g. because the
        // class path differs from the one the package-time dump wrote it with
        Map<String, String> opts = Map.of("FENGHUO_JAVA_OPTS",
                "-Xshare:on -XshowSettings:properties -Xlog:class+load=info:file=" + classes);
        Run decode = run(opts, "decode", "pcap", "--protocols", "none",
                DIST.resolve("samples").resolve("demo.pcap").toString());
        assertThat(decode.exitCode()).as(decode.err()).isZero();

        List<String> classPath = classPath(decode.err());
        List<String> names = classPath.stream().map(entry -> Path.of(entry).getFileName().toString()).toList();
        List<String> jars;
        try (var files = Files.list(DIST.resolve("lib"))) {
            jars = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
        assertThat(names).as("every jar once").containsExactlyInAnyOrderElementsOf(jars);
        int fenghuoJars = (int) jars.stream().filter(n -> n.startsWith("fenghuo-")).count();
        assertThat(names.subList(0, fenghuoJars)).allMatch(n -> n.startsWith("fenghuo-"));
        assertThat(names.get(fenghuoJars)).startsWith("picocli-");
        assertThat(names.subList(fenghuoJars + 1, names.size())).isSorted();
        assertThat(decode.err()).contains("picocli.disable.closures = true");

        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        // picocli's classes are Java 5 class files, which only a static archive holds on JDK 17
        for (String name : List.of("org.fenghuo.deploy.cli.FenghuoCli", "org.fenghuo.collectors.pcap.capture.PcapReader",
                "picocli.CommandLine", "picocli.CommandLine$Model$CommandSpec")) {
            assertThat(loaded).as("%s from the archive", name)
                    .anyMatch(line -> line.contains(" " + name + " source: shared objects file"));
        }
    }

    @Test
    void aCopiedDistributionLeavesItsArchiveOutAndKeepsTheJdksOwn() throws Exception {
        // a copy elsewhere (as an unpacked archive of it would be): new files, so JDK 17 refuses the
        // static archive, and with it would share nothing at all, not even the JDK's own classes
        Path copy = home.resolve("copy");
        Files.createDirectories(copy.resolve("bin"));
        Files.createDirectories(copy.resolve("lib"));
        Path launcher = Files.copy(LAUNCHER, copy.resolve("bin").resolve("fenghuo"));
        Files.createDirectories(copy.resolve("conf"));
        try (var files = Files.list(DIST.resolve("conf"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve("conf").resolve(f.getFileName()));
            }
        }
        try (var files = Files.list(DIST.resolve("lib"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve("lib").resolve(f.getFileName()));
            }
        }
        assertThat(copy.resolve("lib").resolve("fenghuo.jsa")).as("the package step wrote an archive").exists();
        Path classes = home.resolve("copy-classes.txt");
        Run decode = run(launcher, Map.of("FENGHUO_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes),
                "decode", "pcap", "--protocols", "none", DIST.resolve("samples").resolve("demo.pcap").toString());
        assertThat(decode.exitCode()).as(decode.err()).isZero();

        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        assertThat(loaded).as("java.lang.Object from the JDK's own archive")
                .anyMatch(line -> line.contains(" java.lang.Object source: shared objects file"));
        assertThat(loaded).as("FenghuoCli from the copy's jar")
                .anyMatch(line -> line.contains(" org.fenghuo.deploy.cli.FenghuoCli source: file:" + copy));
    }

    @Test
    void aJarNewerThanTheArchiveLeavesItOut() throws Exception {
        // a jar replaced in place (same name, new file) is one JDK 17 refuses the archive for
        Path jar;
        try (var files = Files.list(DIST.resolve("lib"))) {
            jar = files.filter(f -> f.getFileName().toString().startsWith("picocli-")).findFirst().orElseThrow();
        }
        FileTime original = Files.getLastModifiedTime(jar);
        Path classes = home.resolve("touched-classes.txt");
        Map<String, String> opts = Map.of("FENGHUO_JAVA_OPTS", "-Xlog:class+load=info:file=" + classes);
        String demo = DIST.resolve("samples").resolve("demo.pcap").toString();
        try {
            Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
            Run decode = run(opts, "decode", "pcap", "--protocols", "none", demo);
            assertThat(decode.exitCode()).as(decode.err()).isZero();
            List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
            assertThat(loaded).as("java.lang.Object from the JDK's own archive")
                    .anyMatch(line -> line.contains(" java.lang.Object source: shared objects file"));
            assertThat(loaded).as("FenghuoCli from its jar")
                    .anyMatch(line -> line.contains(" org.fenghuo.deploy.cli.FenghuoCli source: file:"));
        } finally {
            Files.setLastModifiedTime(jar, original);
        }
        Run again = run(opts, "decode", "pcap", "--protocols", "none", demo);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllLines(classes, StandardCharsets.UTF_8)).as("the archive again once the jar is as dumped")
                .anyMatch(line -> line.contains(" org.fenghuo.deploy.cli.FenghuoCli source: shared objects file"));
    }

    /** The second training run (decode syslog) put Log4j and Micrometer, which it starts, in the archive too. */
    @Test
    void theArchiveHoldsWhatASyslogDecodeStarts() throws Exception {
        Path classes = home.resolve("syslog-classes.txt");
        Run decode = run(Map.of("FENGHUO_JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + classes),
                "decode", "syslog", DIST.resolve("samples").resolve("auth.log").toString());
        assertThat(decode.exitCode()).as(decode.err()).isZero();
        List<String> loaded = Files.readAllLines(classes, StandardCharsets.UTF_8);
        for (String name : List.of("org.fenghuo.deploy.cli.DecodeSyslogCommand", "io.micrometer.core.instrument.MeterRegistry",
                "org.apache.logging.log4j.core.LoggerContext", "org.fenghuo.collectors.syslog.SyslogFileReader")) {
            assertThat(loaded).as("%s from the archive", name)
                    .anyMatch(line -> line.contains(" " + name + " source: shared objects file"));
        }
    }

    /** {@code java.class.path} from {@code -XshowSettings:properties}: the first entry after '=', then one per line. */
    private static List<String> classPath(String settings) {
        List<String> entries = new ArrayList<>();
        boolean inside = false;
        for (String line : settings.lines().toList()) {
            if (line.startsWith("    java.class.path = ")) {
                entries.add(line.substring(line.indexOf('=') + 2));
                inside = true;
            } else if (inside && line.startsWith("        ")) {
                entries.add(line.strip());
            } else {
                inside = false;
            }
        }
        assertThat(entries).as("java.class.path in -XshowSettings output").isNotEmpty();
        return entries;
    }

    private static String tieredStopAtLevel(Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().lines()
                .filter(line -> line.matches("\\s*intx TieredStopAtLevel\\s+=.*"))
                .map(line -> line.replaceAll(".*=\\s*(\\d+).*", "$1"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no TieredStopAtLevel in -XX:+PrintFlagsFinal output"));
    }
}
