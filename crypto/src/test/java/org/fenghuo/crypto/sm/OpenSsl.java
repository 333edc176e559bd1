package org.fenghuo.crypto.sm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code openssl} binary run in a test's temporary directory; the test is skipped when it is missing. */
final class OpenSsl {

    /** Exit code, standard output and standard error of one run. */
    record Result(int exit, byte[] stdout, String stderr) {
        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private final Path dir;
    private final String binary;

    private OpenSsl(Path dir, String binary) {
        this.dir = dir;
        this.binary = binary;
    }

    /** Skips the calling test unless an OpenSSL 3 binary is on the PATH. */
    static OpenSsl in(Path dir) {
        String binary = find();
        assumeTrue(binary != null, "no openssl binary on PATH: skipping the OpenSSL 3 interop test (apt-get install openssl)");
        OpenSsl openssl = new OpenSsl(dir, binary);
        String version = openssl.run("version").text();
        assumeTrue(version.startsWith("OpenSSL 3."), "openssl is not OpenSSL 3 (" + version.trim() + "): skipping");
        return openssl;
    }

    private static String find() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "openssl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** Runs and fails the test when OpenSSL exits non-zero. */
    Result run(String... args) {
        Result result = attempt(args);
        if (result.exit() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " exited " + result.exit() + ": " + result.stderr());
        }
        return result;
    }

    /** Runs and returns whatever happened, for the cases OpenSSL must refuse. */
    Result attempt(String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(err.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), out, Files.readString(err));
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    byte[] read(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    String readString(String name) throws IOException {
        return Files.readString(dir.resolve(name));
    }
}
