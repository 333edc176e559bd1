package org.fenghuo.bench.crypto;

import java.util.concurrent.TimeUnit;
import org.fenghuo.crypto.pii.PiiProtector;
import org.fenghuo.events.SecurityEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link PiiProtector#protect} with the shipped default policy over {@value ProtectTraffic#EVENTS}
 * {@code PiiCorpus} events of one mix (a power of two: the index wraps with a mask), one protector on one thread; the score is events/s (wall
 * clock). The per-CPU-second figure on a shared machine: {@link PiiProtectCpuRun}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
public class PiiProtectBenchmark {

    @Param({"standard", "mostly_flows", "flows_only"})
    public String mix;

    private SecurityEvent[] events;
    private PiiProtector protector;
    private int next;

    @Setup
    public void setUp() {
        events = ProtectTraffic.events(ProtectTraffic.MixName.of(mix), ProtectTraffic.EVENTS);
        protector = ProtectTraffic.protector(ProtectTraffic.keyRing());
    }

    /** One event per call, cycling through the corpus (a loop over all of them would run as one OSR compile). */
    @Benchmark
    public SecurityEvent protect() {
        SecurityEvent e = events[next];
        next = (next + 1) & (ProtectTraffic.EVENTS - 1);
        return protector.protect(e);
    }
}
