package org.fenghuo.collectors.pcap.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.fenghuo.collectors.pcap.live.LiveCaptureException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcap4j.core.Pcaps;

/**
 * A capture opened without privileges fails with {@link Kind#PERMISSION_DENIED} and says what is
 * needed. As root: a child JVM dropped to nobody by setpriv (skipped when setpriv is missing). As
 * anyone else without CAP_NET_RAW: in this JVM.
 */
class LivePermissionTest {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @Test
    void unprivilegedCaptureIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        assumeThat(LiveTestSupport.libpcapMissing()).as("skipped: %s", LiveTestSupport.libpcapMissing()).isNull();
        if (!LiveTestSupport.mayCapture()) {
            assertThatThrownBy(() -> LiveCapture.open(LiveCaptureConfig.of("lo", null)))
                    .isInstanceOfSatisfying(LiveCaptureException.class, e -> assertPermissionDenied(e.kind(), e.getMessage()));
            return;
        }
        assumeThat(LiveTestSupport.isRoot())
                .as("skipped: this JVM holds CAP_NET_RAW without being root, so it cannot drop to another user").isTrue();
        assumeThat(Files.isExecutable(SETPRIV)).as("skipped: setpriv is missing (apt-get install util-linux)").isTrue();

        List<String> output = runAsNobody(dir);
        assertThat(output).as("child output").anyMatch(line -> line.startsWith("KIND="));
        String kind = output.stream().filter(l -> l.startsWith("KIND=")).findFirst().orElseThrow().substring(5);
        String message = output.stream().filter(l -> l.startsWith("MESSAGE=")).findFirst().orElseThrow().substring(8);
        assertPermissionDenied(Kind.valueOf(kind), message);
        assertThat(message).contains("(uid 65534, not root) without CAP_NET_RAW");
    }

    private static void assertPermissionDenied(Kind kind, String message) {
        assertThat(kind).as(message).isEqualTo(Kind.PERMISSION_DENIED);
        assertThat(message).startsWith("capturing on lo needs root or CAP_NET_RAW (setcap cap_net_raw,cap_net_admin=eip /")
                .contains("libpcap said: ");
    }

    /** Copies what the probe needs where nobody can read it (root's ~/.m2 is private), and runs it. */
    private static List<String> runAsNobody(Path dir) throws IOException, InterruptedException, URISyntaxException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path home = Files.createDirectories(dir.resolve("home"));
        copyTree(codeSource(LiveCapture.class), classes);
        Path probe = Path.of(LivePermissionProbe.class.getName().replace('.', '/') + ".class");
        Files.createDirectories(classes.resolve(probe).getParent());
        Files.copy(codeSource(LivePermissionProbe.class).resolve(probe), classes.resolve(probe),
                StandardCopyOption.REPLACE_EXISTING);
        List<String> classpath = new ArrayList<>(List.of(classes.toString()));
        for (Class<?> c : List.of(Pcaps.class, com.sun.jna.Native.class, org.slf4j.LoggerFactory.class)) {
            Path jar = dir.resolve(codeSource(c).getFileName());
            Files.copy(codeSource(c), jar, StandardCopyOption.REPLACE_EXISTING);
            classpath.add(jar.toString());
        }
        openToEveryone(dir);
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));

        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process p = new ProcessBuilder(SETPRIV.toString(), "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                java, "-Xshare:auto", "-XX:-UsePerfData", "-Duser.home=" + home, "-Djava.io.tmpdir=" + home,
                "-Djna.tmpdir=" + home, "-cp", String.join(":", classpath), LivePermissionProbe.class.getName(), "lo")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    private static Path codeSource(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void openToEveryone(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(Files.isDirectory(f) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
