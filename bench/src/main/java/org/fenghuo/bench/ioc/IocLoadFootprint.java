package org.fenghuo.bench.ioc;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fenghuo.detection.ioc.Indicator;
import org.fenghuo.detection.ioc.IndicatorIndex;
import org.fenghuo.detection.ioc.IndicatorListLoader;
import org.fenghuo.detection.ioc.LoadResult;
import org.fenghuo.detection.ioc.SyntheticIndicators;

/**
 * Load time and retained heap of {@code N} indicators (default 1,000,000): the synthetic feed is
 * written as a plain list, then read with {@link IndicatorListLoader} and indexed, {@code runs}
 * times; heap is {@code Runtime} used memory after repeated {@code System.gc()} with the index
 * reachable, minus the same before loading (an estimate: no JOL in bench/).
 *
 * <pre>{@code
 * taskset -c 1 java -Xms3g -Xmx3g -cp "$CP" org.fenghuo.bench.ioc.IocLoadFootprint 1000000 3
 * }</pre>
 */
public final class IocLoadFootprint {
    private IocLoadFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path file = Files.createTempFile("fenghuo-ioc-", ".txt");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Indicator i : SyntheticIndicators.generate(n, "x")) {
                    w.write(i.value());
                    w.write('\n');
                }
            }
            System.out.printf("list: %,d indicators, %,d bytes%n", n, Files.size(file));
            for (int run = 1; run <= runs; run++) {
                long before = usedAfterGc();
                long t0 = System.nanoTime();
                LoadResult loaded = IndicatorListLoader.load(file, "synthetic");
                long t1 = System.nanoTime();
                IndicatorIndex index = IndicatorIndex.of(List.of(loaded));
                long t2 = System.nanoTime();
                loaded = null;
                long after = usedAfterGc();
                System.out.printf("run %d: load %.2f s, index %.2f s, %,d indicators (%d broken), retained %,d MiB"
                        + " (%.0f bytes/indicator)%n", run, (t1 - t0) / 1e9, (t2 - t1) / 1e9, index.size(),
                        index.size() == n ? 0 : n - index.size(), (after - before) >> 20,
                        (double) (after - before) / index.size());
                java.lang.ref.Reference.reachabilityFence(index);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
