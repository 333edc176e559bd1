package org.fenghuo.bench.crypto;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.fenghuo.crypto.sm.HmacSm3;
import org.fenghuo.crypto.sm.Sm2;
import org.fenghuo.crypto.sm.Sm3;
import org.fenghuo.crypto.sm.Sm4Ctr;
import org.fenghuo.crypto.sm.Sm4Gcm;

/**
 * Fenghuo's SM primitives against {@code openssl speed} in one run, rounds alternating ours and
 * OpenSSL's, each side's best round kept (the machine is shared: the best round is the one least
 * disturbed). Ours is measured against the thread's CPU time, OpenSSL's {@code speed} divides by
 * its user CPU time: both are per core. Run it pinned, e.g. {@code taskset -c 1}, so OpenSSL (a
 * child process) gets the same core.
 *
 * <p>OpenSSL 3.0 has no SM4-GCM, so the SM4-GCM rows compare against {@code -evp sm4-ctr}, the
 * encryption half of GCM without GHASH: the peer does less work than we do.
 *
 * <pre>taskset -c 1 java -cp CP org.fenghuo.bench.crypto.CryptoSpeedRun [rounds=3] [seconds=2]</pre>
 */
public final class CryptoSpeedRun {

    private CryptoSpeedRun() {
    }

    /** One comparison: our operation, the OpenSSL speed arguments and which number of its output to take. */
    record Case(String name, int bytes, Runnable ours, List<String> openssl, int field, String peer) {
        boolean perByte() {
            return bytes > 0;
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<Case> cases = cases(seconds);
        System.out.printf("load average before: %s%n", loadAverage());
        System.out.printf("openssl: %s%n", openssl(List.of("version")).trim());
        for (Case c : cases) {
            ours(c, seconds); // warm-up: JIT compiles the SM4, SM3 and EC loops
        }
        double[] bestOurs = new double[cases.size()];
        double[] bestTheirs = new double[cases.size()];
        for (int round = 1; round <= rounds; round++) {
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                double ours = ours(c, seconds);
                double theirs = theirs(c);
                bestOurs[i] = Math.max(bestOurs[i], ours);
                bestTheirs[i] = Math.max(bestTheirs[i], theirs);
                System.out.printf("round %d %-24s ours %,12.1f  openssl %,12.1f %s%n", round, c.name(),
                        scaled(c, ours), scaled(c, theirs), unit(c));
            }
        }
        System.out.printf("load average after: %s%n%n", loadAverage());
        System.out.printf("| operation | Fenghuo (best of %d) | OpenSSL (best of %d) | peer | ours / OpenSSL |%n", rounds, rounds);
        System.out.println("|---|---|---|---|---|");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            System.out.printf("| %s | %,.1f %s | %,.1f %s | %s | **%.2f** |%n", c.name(), scaled(c, bestOurs[i]), unit(c),
                    scaled(c, bestTheirs[i]), unit(c), c.peer(), bestOurs[i] / bestTheirs[i]);
        }
    }

    private static List<Case> cases(int seconds) {
        Random seeded = new Random(20261124L);
        byte[] key = new byte[16];
        byte[] iv = new byte[16];
        byte[] macKey = new byte[32];
        seeded.nextBytes(key);
        seeded.nextBytes(iv);
        seeded.nextBytes(macKey);
        byte[] aad = "user.id|doc-0001".getBytes(StandardCharsets.US_ASCII);
        Sm4Gcm gcm = new Sm4Gcm(key, new SecureRandom());
        HmacSm3 hmac = new HmacSm3(macKey);
        SecureRandom random = new SecureRandom();
        KeyPair keys = Sm2.generateKeyPair(random);
        byte[] signature = Sm2.sign(keys.getPrivate(), Sm2Benchmark.MESSAGE, random);
        String s = Integer.toString(seconds);
        List<Case> cases = new ArrayList<>();
        for (int size : new int[] {1024, 65536}) {
            byte[] message = new byte[size];
            seeded.nextBytes(message);
            String kib = (size / 1024) + " KiB";
            List<String> bytes = List.of("-seconds", s, "-bytes", Integer.toString(size));
            cases.add(new Case("SM4-GCM seal " + kib, size, () -> gcm.seal(message, aad),
                    concat(bytes, "-evp", "sm4-ctr"), 0, "`-evp sm4-ctr` (no SM4-GCM in 3.0)"));
            cases.add(new Case("SM4-CTR " + kib, size, () -> Sm4Ctr.encrypt(key, iv, message),
                    concat(bytes, "-evp", "sm4-ctr"), 0, "`-evp sm4-ctr`"));
            cases.add(new Case("SM3 " + kib, size, () -> Sm3.digest(message), concat(bytes, "-evp", "sm3"), 0, "`-evp sm3`"));
            cases.add(new Case("HMAC-SM3 " + kib, size, () -> hmac.mac(message), concat(bytes, "-hmac", "sm3"), 0, "`-hmac sm3`"));
        }
        List<String> sm2 = List.of("-seconds", s, "sm2");
        cases.add(new Case("SM2 sign", 0, () -> Sm2.sign(keys.getPrivate(), Sm2Benchmark.MESSAGE, random), sm2, 0, "`sm2`"));
        cases.add(new Case("SM2 verify", 0, () -> {
            if (!Sm2.verify(keys.getPublic(), Sm2Benchmark.MESSAGE, signature)) {
                throw new IllegalStateException("benchmark signature does not verify");
            }
        }, sm2, 1, "`sm2`"));
        return cases;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /** Bytes (or operations) per CPU-second of this thread. */
    private static double ours(Case c, int seconds) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long budget = seconds * 1_000_000_000L;
        long start = cpu.getCurrentThreadCpuTime();
        long ops = 0;
        long used;
        do {
            for (int i = 0; i < 16; i++) {
                c.ours().run();
            }
            ops += 16;
            used = cpu.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        return ops * (double) Math.max(c.bytes(), 1) / (used / 1e9);
    }

    /** Bytes (or operations) per second from {@code openssl speed -mr}. */
    private static double theirs(Case c) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("speed", "-mr"));
        args.addAll(c.openssl());
        String out = openssl(args);
        ToDoubleFunction<String[]> pick = c.perByte()
                ? f -> Double.parseDouble(f[3])                  // +F:index:name:bytes-per-second
                : f -> Double.parseDouble(f[4 + c.field()]);     // +F7:index:bits:curve:sign/s:verify/s
        for (String line : out.split("\n")) {
            if ((c.perByte() && line.startsWith("+F:")) || (!c.perByte() && line.startsWith("+F7:"))) {
                return pick.applyAsDouble(line.trim().split(":"));
            }
        }
        throw new IllegalStateException("no result line in openssl speed output for " + c.name() + ":\n" + out);
    }

    private static String openssl(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed");
        }
        return out;
    }

    private static double scaled(Case c, double value) {
        return c.perByte() ? value / 1e6 : value;
    }

    private static String unit(Case c) {
        return c.perByte() ? "MB/s" : "ops/s";
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
