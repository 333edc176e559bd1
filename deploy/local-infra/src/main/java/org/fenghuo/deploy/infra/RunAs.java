package org.fenghuo.deploy.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who a child process runs as. Elasticsearch refuses to start as root, and CI runs as root, so a root JVM
 * hands the process to an unprivileged account (via setpriv, else runuser); anyone else runs it as themselves.
 */
final class RunAs {

    static final String DEFAULT_ACCOUNT = "fenghuo";
    private static final List<Path> SETPRIV = List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv"));
    private static final List<Path> RUNUSER = List.of(Path.of("/usr/sbin/runuser"), Path.of("/sbin/runuser"));

    private final Account account;
    private final List<String> prefix;

    private RunAs(Account account, List<String> prefix) {
        this.account = account;
        this.prefix = prefix;
    }

    /** The account described by a uid and gid; {@code name} for messages and for runuser. */
    record Account(String name, int uid, int gid) {
    }

    /** Runs children as the current user. */
    static RunAs self() {
        return new RunAs(null, List.of());
    }

    /**
     * As root: {@code requested} (or {@value #DEFAULT_ACCOUNT}, created as a system account when missing), entered
     * with setpriv/runuser. Otherwise: the current user.
     */
    static RunAs forServer(String requested) {
        if (!isRoot()) {
            return self();
        }
        String name = requested == null || requested.isBlank() ? DEFAULT_ACCOUNT : requested.trim();
        if (name.equals("root") || name.equals("0")) {
            throw new IllegalStateException(ElasticsearchConfig.USER_ENV + "=" + name + ": Elasticsearch refuses to run"
                    + " as root; name an unprivileged account instead (or leave it unset to use '" + DEFAULT_ACCOUNT
                    + "')");
        }
        Account account = lookup(name);
        if (account == null) {
            account = createAccount(name, requested != null && !requested.isBlank());
        }
        return new RunAs(account, switchCommand(account));
    }

    boolean switches() {
        return account != null;
    }

    String describe() {
        return account == null ? System.getProperty("user.name") : account.name() + " (uid " + account.uid() + ")";
    }

    /** The command that runs {@code command} as this account. */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(prefix);
        wrapped.addAll(command);
        return wrapped;
    }

    /** Gives a directory tree to the account, so that the server can write its data, logs and keystore. */
    void handOver(Path root) {
        if (account == null) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                Files.setAttribute(path, "unix:uid", account.uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", account.gid(), LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot chown " + root + " to " + account.name(), e);
        }
    }

    /**
     * Fails early, with the path at fault, when the account cannot execute or write what it must: a work dir
     * under /root, or a JDK in a private home, would otherwise show up as an obscure start-up failure.
     */
    void checkAccess(List<Path> executables, List<Path> writableDirs) {
        if (account == null) {
            return;
        }
        StringBuilder script = new StringBuilder();
        List<String> args = new ArrayList<>();
        for (Path p : executables) {
            args.add(p.toString());
            script.append("test -x \"$").append(args.size()).append("\" || { echo \"cannot execute $")
                    .append(args.size()).append("\"; exit 1; }; ");
        }
        for (Path p : writableDirs) {
            args.add(p.toString());
            script.append("test -w \"$").append(args.size()).append("\" -a -x \"$").append(args.size())
                    .append("\" || { echo \"cannot write $").append(args.size()).append("\"; exit 1; }; ");
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", script.toString(), "check"));
        command.addAll(args);
        Result result = run(wrap(command));
        if (result.exit() != 0) {
            String problem = result.output().trim();
            String path = problem.replaceFirst("^cannot (execute|write) ", "");
            throw new IllegalStateException("Account " + describe() + " " + problem + blockingAncestor(Path.of(path))
                    + ". Every directory above it must be traversable by that account (chmod o+x; /root and"
                    + " JUnit @TempDir are not). Choose another work dir/JDK, or another account with "
                    + ElasticsearchConfig.USER_ENV + ".");
        }
    }

    /** Names the first directory from / down that the account cannot enter, which is usually the real culprit. */
    private String blockingAncestor(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent == null) {
            return "";
        }
        Path current = parent.getRoot();
        for (Path element : parent) {
            current = current.resolve(element);
            if (run(wrap(List.of("/bin/sh", "-c", "test -x \"$1\"", "check", current.toString()))).exit() != 0) {
                return " (it cannot enter " + current + ")";
            }
        }
        return "";
    }

    static boolean isRoot() {
        try {
            // /proc/self belongs to the effective uid, which is what the kernel checks.
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return ((Integer) uid) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static Account lookup(String name) {
        Result uid = run(List.of("id", "-u", name));
        Result gid = run(List.of("id", "-g", name));
        if (uid.exit() != 0 || gid.exit() != 0) {
            return null;
        }
        return new Account(name, Integer.parseInt(uid.output().trim()), Integer.parseInt(gid.output().trim()));
    }

    private static Account createAccount(String name, boolean explicitlyRequested) {
        if (explicitlyRequested) {
            throw new IllegalStateException(ElasticsearchConfig.USER_ENV + "=" + name + " names no existing account."
                    + " Create it (useradd --system --no-create-home --shell /usr/sbin/nologin " + name + ") or unset "
                    + ElasticsearchConfig.USER_ENV + " to use '" + DEFAULT_ACCOUNT + "'.");
        }
        Result created = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name));
        // Another JVM may have created it between our lookup and useradd (useradd then exits 9): look again.
        Account account = lookup(name);
        if (account == null) {
            throw new IllegalStateException("Elasticsearch cannot run as root and the account '" + name
                    + "' does not exist; creating it failed (" + created.output().trim() + "). As root, run:"
                    + " useradd --system --no-create-home --shell /usr/sbin/nologin " + name + "  or set "
                    + ElasticsearchConfig.USER_ENV + " to an existing unprivileged account.");
        }
        return account;
    }

    private static List<String> switchCommand(Account account) {
        for (Path setpriv : SETPRIV) {
            if (Files.isExecutable(setpriv)) {
                // setpriv execs in place: the child we hold is the server launcher itself, so signals reach it.
                return List.of(setpriv.toString(), "--reuid=" + account.uid(), "--regid=" + account.gid(),
                        "--init-groups", "--");
            }
        }
        for (Path runuser : RUNUSER) {
            if (Files.isExecutable(runuser)) {
                return List.of(runuser.toString(), "-u", account.name(), "--");
            }
        }
        throw new IllegalStateException("Running as root, Elasticsearch must be started as '" + account.name()
                + "' but neither setpriv nor runuser is installed. Install util-linux (apt-get install util-linux),"
                + " or run the tests as an unprivileged user.");
    }

    record Result(int exit, String output) {
    }

    static Result run(List<String> command) {
        File output = null;
        try {
            // Output goes to a file, not a pipe: reading a pipe to its end would block past the timeout.
            output = File.createTempFile("fenghuo-run", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(java.nio.file.Files.readAllBytes(output.toPath()), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            if (output != null && !output.delete()) {
                output.deleteOnExit();
            }
        }
    }
}
