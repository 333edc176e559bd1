package org.fenghuo.bench.correlation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

import org.fenghuo.correlation.incident.AssetObservation;
import org.fenghuo.correlation.incident.IncidentStateCodec;
import org.fenghuo.correlation.incident.LearnedAssetSettings;
import org.fenghuo.correlation.incident.LearnedAssets;
import org.fenghuo.correlation.incident.LearnedAssetsState;
import org.fenghuo.correlation.incident.LearnedAssetsStateFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the one asset learner pays at every checkpoint (issue 7): the learner's whole state is
 * copied and encoded in its task thread, so the time is a pause of that thread and the size is
 * written per checkpoint. For {@code --hosts} learned hosts with each of the {@code --clients}
 * counts: the snapshot copy, then encode and decode in the checkpoint format
 * ({@link LearnedAssetsStateFormat}) against the JSON codec it replaced ({@link IncidentStateCodec}),
 * the peer, in the same run. Median of {@code --rounds} after {@code --warmups}, wall milliseconds
 * on one thread.
 */
@Command(name = "learned-assets-state", mixinStandardHelpOptions = true,
        description = "Checkpoint size and encode/decode time of the asset learner's state, binary format against JSON.")
public final class LearnedAssetsStateCost implements Callable<Integer> {
    @Option(names = "--hosts", defaultValue = "100000", description = "Learned hosts (default: ${DEFAULT-VALUE}, the default max_hosts).")
    int hosts;

    @Option(names = "--clients", split = ",", defaultValue = "2,20",
            description = "Clients per host, one measurement each (default: ${DEFAULT-VALUE}; 20 = many_clients, the most kept).")
    List<Integer> clients;

    @Option(names = "--warmups", defaultValue = "2", description = "Warm-up rounds (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LearnedAssetsStateCost()).execute(args));
    }

    @Override
    public Integer call() {
        System.out.printf(Locale.ROOT, "%-8s %-8s %-7s %12s %10s %10s %10s %12s %12s%n", "hosts", "clients", "format",
                "bytes", "B/host", "copy ms", "encode ms", "decode ms", "copy+enc ms");
        for (int c : clients) {
            LearnedAssets learner = learner(hosts, c);
            LearnedAssetsState state = learner.snapshot();
            double copy = median(() -> learner.snapshot());
            report(c, "json", IncidentStateCodec.encode(state).length, copy,
                    median(() -> IncidentStateCodec.encode(state)),
                    medianDecode(IncidentStateCodec.encode(state), IncidentStateCodec::decodeLearnedAssets));
            report(c, "binary", LearnedAssetsStateFormat.encode(state).length, copy,
                    median(() -> LearnedAssetsStateFormat.encode(state)),
                    medianDecode(LearnedAssetsStateFormat.encode(state), LearnedAssetsStateFormat::decode));
        }
        return 0;
    }

    private void report(int c, String format, int bytes, double copy, double encode, double decode) {
        System.out.printf(Locale.ROOT, "%-8d %-8d %-7s %,12d %10.0f %10.1f %10.1f %12.1f %12.1f%n", hosts, c, format, bytes,
                (double) bytes / hosts, copy, encode, decode, copy + encode);
    }

    /** {@code hosts} servers in 10/8, each answering {@code clients} clients (every third on port 502). */
    private static LearnedAssets learner(int hosts, int clients) {
        LearnedAssets learner = new LearnedAssets(new LearnedAssetSettings(true, hosts, 20,
                LearnedAssetSettings.defaults().forgetAfter()), null);
        Instant t = Instant.parse("2026-11-24T00:00:00Z");
        for (int h = 0; h < hosts; h++) {
            String server = "10." + ((h >> 16) & 255) + "." + ((h >> 8) & 255) + "." + (h & 255);
            for (int c = 0; c < clients; c++) {
                learner.observe(new AssetObservation(t.plusMillis(h * 50L + c).plusNanos(1_234), server,
                        "192.168." + (c >> 8) + "." + (c & 255), c % 3 == 0 ? 502 : 22, null));
            }
        }
        learner.drainUpdates();
        return learner;
    }

    private double median(Supplier<?> work) {
        double[] ms = new double[rounds];
        for (int r = -warmups; r < rounds; r++) {
            long start = System.nanoTime();
            Object out = work.get();
            long took = System.nanoTime() - start;
            if (out == null) {
                throw new IllegalStateException("no result");
            }
            if (r >= 0) {
                ms[r] = took / 1e6;
            }
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }

    private double medianDecode(byte[] bytes, Function<byte[], LearnedAssetsState> decode) {
        return median(() -> decode.apply(bytes));
    }
}
