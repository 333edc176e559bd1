package org.fenghuo.collectors.syslog.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real OpenSSH server (Debian {@code openssh-server}, skipped when it is not installed) on
 * 127.0.0.1 with a temporary configuration writes its log ({@code sshd -E}) while the OpenSSH
 * client tries an unknown user, logs in with a key and fails two passwords; every line sshd wrote
 * parses, with the users, addresses, methods and key fingerprint of what happened.
 */
class SshdRealServerTest {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH = Path.of("/usr/bin/ssh");
    private static final Path KEYGEN = Path.of("/usr/bin/ssh-keygen");
    /** sshd's privilege separation directory, which the service creates at start. */
    private static final Path PRIVSEP = Path.of("/run/sshd");

    @TempDir
    Path dir;

    @Test
    void everyLineSshdWritesParses() throws Exception {
        assumeTrue(Files.isExecutable(SSHD) && Files.isExecutable(SSH) && Files.isExecutable(KEYGEN),
                "openssh-server / openssh-client not installed (apt-get install openssh-server): skipping");
        assumeTrue(privsepDirectory(), PRIVSEP + " is missing and cannot be created: skipping");
        run(KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host").toString());
        run(KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("client").toString());
        Files.copy(dir.resolve("client.pub"), dir.resolve("authorized_keys"));
        String fingerprint = run(KEYGEN.toString(), "-l", "-f", dir.resolve("client.pub").toString()).split(" ")[1];
        Path askpass = Files.writeString(dir.resolve("askpass"), "#!/bin/sh\necho wrong-password\n");
        askpass.toFile().setExecutable(true);
        int port = freePort();
        Path log = dir.resolve("sshd.log");
        Process sshd = new ProcessBuilder(SSHD.toString(), "-D", "-f", config(port).toString(), "-E", log.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.out").toFile()).start();
        try {
            awaitListening(sshd, log);
            ssh(port, "nosuchuser", "-o", "BatchMode=yes");
            ssh(port, "root", "-o", "BatchMode=yes", "-i", dir.resolve("client").toString());
            ssh(port, "root", "-o", "PubkeyAuthentication=no", "-o", "NumberOfPasswordPrompts=2");
        } finally {
            sshd.destroy();
            sshd.waitFor();
        }

        List<EcsFields> events = new ArrayList<>();
        SshdParser parser = new SshdParser();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            PayloadResult result = parser.parse(new PayloadInput(null, "sshd", line));
            assertThat(result).as(line).isInstanceOf(PayloadResult.Parsed.class);
            events.add(((PayloadResult.Parsed) result).fields());
        }
        assertThat(events).extracting(f -> f.get("event.action")).containsSubsequence("ssh_server_listening",
                "ssh_invalid_user", "ssh_connection_closed", "ssh_login", "ssh_disconnect", "ssh_login", "ssh_login",
                "ssh_connection_closed", "ssh_server_stopping");
        assertThat(events).filteredOn(f -> "ssh_invalid_user".equals(f.get("event.action"))).singleElement()
                .satisfies(f -> assertThat(f.asMap()).containsEntry("user.name", "nosuchuser")
                        .containsEntry("source.ip", "127.0.0.1").containsKey("source.port"));
        assertThat(events).filteredOn(f -> "success".equals(f.get("event.outcome"))
                && "ssh_login".equals(f.get("event.action"))).singleElement()
                .satisfies(f -> assertThat(f.asMap()).containsEntry("user.name", "root")
                        .containsEntry("fenghuo.ssh.method", "publickey").containsEntry("fenghuo.ssh.key.type", "ED25519")
                        .containsEntry("fenghuo.ssh.key.fingerprint", fingerprint));
        assertThat(events).filteredOn(f -> "failure".equals(f.get("event.outcome"))
                && "ssh_login".equals(f.get("event.action"))).hasSize(2)
                .allSatisfy(f -> assertThat(f.asMap()).containsEntry("fenghuo.ssh.method", "password")
                        .containsEntry("user.name", "root"));
    }

    private Path config(int port) throws IOException {
        return Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "ListenAddress 127.0.0.1", "Port " + port, "HostKey " + dir.resolve("host"),
                "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no", "UsePAM no", "PasswordAuthentication yes", "PermitRootLogin yes",
                "LogLevel INFO", ""));
    }

    private void ssh(int port, String user, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(SSH.toString(), "-p", String.valueOf(port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"));
        command.addAll(List.of(options));
        command.addAll(List.of(user + "@127.0.0.1", "true"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("SSH_ASKPASS", dir.resolve("askpass").toString());
        env.put("SSH_ASKPASS_REQUIRE", "force");
        env.put("DISPLAY", ":0");
        Process client = builder.start();
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("ssh " + user + " did not finish");
        }
    }

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("%s: %s", String.join(" ", command), out).isZero();
        return out;
    }

    /** Until sshd writes that it listens; fails with its own output when it exits instead. */
    private void awaitListening(Process sshd, Path log) throws Exception {
        for (int attempt = 0; attempt < 500; attempt++) {
            assertThat(sshd.isAlive()).as("sshd exited: %s", Files.readString(dir.resolve("sshd.out"))).isTrue();
            if (Files.exists(log) && Files.readString(log).contains("Server listening")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("sshd did not start listening");
    }

    private static boolean privsepDirectory() {
        try {
            Files.createDirectories(PRIVSEP);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
