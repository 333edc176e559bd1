package org.fenghuo.bench.ioc;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fenghuo.detection.ioc.IndicatorIndex;
import org.fenghuo.detection.ioc.IocMatches;
import org.fenghuo.detection.ioc.IpAddresses;
import org.fenghuo.detection.ioc.SyntheticIndicators;
import org.fenghuo.events.SecurityEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Indicator lookups per second on one thread against an index of 1,000,000 indicators
 * ({@link SyntheticIndicators}: 500k IPv4, 100k networks, 300k domains, 100k SHA-256).
 *
 * <p>{@code lookupMix}: {@value #QUERIES} queries, a third each exact IPv4, longest-prefix network
 * and domain-with-parents, in a shuffled order; each query is text as an event carries it (the
 * address is parsed inside the measured loop, the domain has a {@code www.} label above the listed
 * name). {@code hitPercent} of the queries are listed values, the others are not (addresses in
 * 200.0.0.0/8, names under {@code miss.invalid}). One op = one lookup.
 *
 * <p>{@code matchEvent}: {@link IocMatches#find} on events with a source and destination address
 * and a DNS question (five lookups each: two exact, two network walks, one domain walk). One op =
 * one event.
 *
 * <pre>{@code
 * taskset -c 1 java -cp "$CP" org.openjdk.jmh.Main IocLookupBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class IocLookupBenchmark {
    static final int QUERIES = 4096;
    static final int INDICATORS = 1_000_000;

    @Param({"1", "50"})
    public int hitPercent;

    private IndicatorIndex index;
    private final String[] text = new String[QUERIES];
    private final int[] kind = new int[QUERIES];
    private final SecurityEvent[] events = new SecurityEvent[QUERIES];
    private long time;

    @Setup
    public void setUp() {
        index = IndicatorIndex.of(SyntheticIndicators.generate(INDICATORS, "bench"));
        SplittableRandom random = new SplittableRandom(42);
        for (int q = 0; q < QUERIES; q++) {
            kind[q] = q % 3;
            text[q] = query(kind[q], random.nextInt(100) < hitPercent, random);
        }
        for (int q = QUERIES - 1; q > 0; q--) {
            int other = random.nextInt(q + 1);
            String t = text[q];
            text[q] = text[other];
            text[other] = t;
            int k = kind[q];
            kind[q] = kind[other];
            kind[other] = k;
        }
        for (int q = 0; q < QUERIES; q++) {
            boolean hit = random.nextInt(100) < hitPercent;
            events[q] = SecurityEvent.builder().timestamp(java.time.Instant.parse("2026-03-01T00:00:00Z"))
                    .source(endpoint(query(0, false, random)))
                    .destination(endpoint(query(random.nextBoolean() ? 0 : 1, hit, random)))
                    .dns(new SecurityEvent.Dns(null, null, null, query(2, hit, random), null, null, null, null, null,
                            null))
                    .build();
        }
        time = IndicatorIndex.timeOf(java.time.Instant.parse("2026-03-01T00:00:00Z"));
    }

    private static String query(int kind, boolean hit, SplittableRandom random) {
        int n = random.nextInt(1 << 30);
        return switch (kind) {
            case 0 -> hit ? SyntheticIndicators.ipv4(n % SyntheticIndicators.ipv4Count(INDICATORS))
                    : "200." + (n & 255) + "." + ((n >>> 8) & 255) + "." + ((n >>> 16) & 255);
            case 1 -> hit ? SyntheticIndicators.inCidr(n % 65_536)
                    : "200." + (n & 255) + "." + ((n >>> 8) & 255) + ".1";
            default -> hit ? "www." + SyntheticIndicators.domain(n % SyntheticIndicators.domainCount(INDICATORS))
                    : "www.d" + n + ".miss.invalid";
        };
    }

    private static SecurityEvent.Endpoint endpoint(String ip) {
        return new SecurityEvent.Endpoint(ip, null, null, null, null, null, null);
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public int lookupMix() {
        int found = 0;
        for (int q = 0; q < QUERIES; q++) {
            String s = text[q];
            int slot = switch (kind[q]) {
                case 0 -> index.ipv4(IpAddresses.parseIpv4(s), time);
                case 1 -> index.cidr4(IpAddresses.parseIpv4(s), time);
                default -> index.domain(s, time);
            };
            found += slot >>> 31; // misses; returned so the loop cannot be removed
        }
        return found;
    }

    @Benchmark
    @OperationsPerInvocation(QUERIES)
    public int matchEvent() {
        int matches = 0;
        for (SecurityEvent e : events) {
            List<?> found = IocMatches.find(index, e);
            matches += found.size();
        }
        return matches;
    }
}
