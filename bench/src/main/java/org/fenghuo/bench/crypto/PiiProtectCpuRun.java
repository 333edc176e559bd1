package org.fenghuo.bench.crypto;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.IntSupplier;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.KeyRing;
import org.fenghuo.crypto.pii.BlindIndex;
import org.fenghuo.crypto.pii.PiiKind;
import org.fenghuo.crypto.pii.PiiProtector;
import org.fenghuo.crypto.pii.policy.PiiPolicy;
import org.fenghuo.events.SecurityEvent;

/**
 * {@link PiiProtector#protect} with the shipped default policy over {@code PiiCorpus} events,
 * measured against the protecting thread's CPU time (and the process's, GC and JIT included), so
 * the figure stays per core on a shared machine: events per CPU-second for each mix, after two
 * warm-up rounds; several rounds, best and median printed. Also prints seals and HMACs per event.
 *
 * <pre>taskset -c 1 java -Xms512m -Xmx512m -cp CP org.fenghuo.bench.crypto.PiiProtectCpuRun [rounds=5] [seconds=3] [mix,...]</pre>
 *
 * Mixes: {@code standard} (PII-dense), {@code mostly_flows} (hub traffic), {@code flows_only}.
 */
public final class PiiProtectCpuRun {

    private PiiProtectCpuRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        String[] mixes = args.length > 2 ? args[2].split(",") : new String[] {"standard", "mostly_flows", "flows_only"};
        System.out.printf("load average before: %s%n", CryptoSpeedRun.loadAverage());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StringBuilder table = new StringBuilder(
                "| mix | seals/event | HMACs/event | events changed | events/thread CPU-s best | median | events/process CPU-s median |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (String name : mixes) {
            ProtectTraffic.MixName mix = ProtectTraffic.MixName.of(name);
            SecurityEvent[] events = ProtectTraffic.events(mix, ProtectTraffic.EVENTS);
            double[] cost = ProtectTraffic.costPerEvent(events);
            System.out.printf("%s: %,d events, %.2f seals, %.2f HMACs per event, %.0f%% of events changed%n", mix,
                    events.length, cost[0], cost[1], cost[2] * 100);
            PiiProtector protector = ProtectTraffic.protector(ProtectTraffic.keyRing());
            for (int w = 0; w < 2; w++) {
                run(protector, events, cpu, os, seconds); // warm-up: detectors, SM4 and SM3 loops get compiled
            }
            double[] thread = new double[rounds];
            double[] process = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                double[] r = run(protector, events, cpu, os, seconds);
                thread[i] = r[0];
                process[i] = r[1];
                System.out.printf("%s round %d: %,.0f events per thread CPU-second, %,.0f per process CPU-second%n",
                        mix, i + 1, r[0], r[1]);
            }
            Arrays.sort(thread);
            Arrays.sort(process);
            System.out.printf("result: %s best %,.0f median %,.0f events per thread CPU-second, median %,.0f per process CPU-second%n",
                    mix, thread[rounds - 1], thread[rounds / 2], process[rounds / 2]);
            table.append(String.format("| %s | %.2f | %.2f | %.0f%% | %,.0f | %,.0f | %,.0f |%n", mix, cost[0], cost[1],
                    cost[2] * 100, thread[rounds - 1], thread[rounds / 2], process[rounds / 2]));
        }
        table.append(operationCosts(rounds, seconds, cpu));
        System.out.printf("load average after: %s%n%n%s", CryptoSpeedRun.loadAverage(), table);
    }

    /**
     * The two cryptographic steps of {@code protect} alone, on values of the corpus's size: one
     * {@link FieldEnvelope#seal} of an 11-character phone number with a 32-character context, and one
     * blind term (normalise, HMAC-SM3, base64url). Seals × seal time + HMACs × HMAC time is the
     * floor a mix cannot go below while those primitives cost what they do.
     */
    private static String operationCosts(int rounds, double seconds, ThreadMXBean cpu) {
        KeyRing keys = ProtectTraffic.keyRing();
        FieldEnvelope envelope = new FieldEnvelope(keys, new SecureRandom());
        BlindIndex blind = new BlindIndex(keys, PiiPolicy.defaults());
        String context = PiiProtector.context("fenghuo.person.phone", "ev-00000042");
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n| operation | CPU µs per operation, best | median |%n|---|---|---|%n"));
        out.append(cost("seal (SM4-GCM, 11 chars, 32-char context, base64url)", rounds, seconds, cpu,
                () -> envelope.seal("13800138000", context).length()));
        out.append(cost("blind term (normalise, HMAC-SM3, base64url)", rounds, seconds, cpu,
                () -> blind.termFor(PiiKind.PHONE, "13800138000").length()));
        return out.toString();
    }

    private static String cost(String name, int rounds, double seconds, ThreadMXBean cpu, IntSupplier op) {
        double[] micros = new double[rounds + 2];
        long sink = 0;
        for (int i = 0; i < micros.length; i++) {
            long budget = (long) (seconds * 1e9);
            long start = cpu.getCurrentThreadCpuTime();
            long done = 0;
            long used;
            do {
                for (int k = 0; k < 1024; k++) {
                    sink += op.getAsInt();
                }
                done += 1024;
                used = cpu.getCurrentThreadCpuTime() - start;
            } while (used < budget);
            micros[i] = used / 1e3 / done;
        }
        double[] measured = Arrays.copyOfRange(micros, 2, micros.length); // the first two warm up
        Arrays.sort(measured);
        System.out.printf("%s: best %.3f µs, median %.3f µs (%d)%n", name, measured[0], measured[rounds / 2], sink & 1);
        return String.format("| %s | %.3f | %.3f |%n", name, measured[0], measured[rounds / 2]);
    }

    private static double[] run(PiiProtector protector, SecurityEvent[] events, ThreadMXBean cpu,
            OperatingSystemMXBean os, double seconds) {
        long budget = (long) (seconds * 1e9);
        long processStart = os.getProcessCpuTime();
        long start = cpu.getCurrentThreadCpuTime();
        long done = 0;
        long sink = 0;
        long used;
        do {
            for (SecurityEvent e : events) {
                sink += protector.protect(e) == e ? 0 : 1; // not hashCode: hashing the event would cost more than some protects
            }
            done += events.length;
            used = cpu.getCurrentThreadCpuTime() - start;
        } while (used < budget);
        long processUsed = os.getProcessCpuTime() - processStart;
        if (sink < 0) {
            throw new IllegalStateException("unreachable");
        }
        return new double[] {done / (used / 1e9), done / (processUsed / 1e9)};
    }
}
