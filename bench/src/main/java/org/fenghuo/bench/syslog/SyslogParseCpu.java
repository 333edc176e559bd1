package org.fenghuo.bench.syslog;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.collectors.framing.FrameResult;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.FrameOrigin;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.syslog.SyslogFrameHandler;
import org.fenghuo.collectors.syslog.SyslogParser;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.collectors.syslog.payload.PayloadStage;

/**
 * Lines per CPU-second of one thread, per format, through the same path as {@link SyslogParseBench}.
 * Thread CPU time (not wall time) is the measure, so a machine shared with other work still gives a
 * per-core figure; formats alternate within each round so they see the same machine.
 * {@code java -cp ... org.fenghuo.bench.syslog.SyslogParseCpu [linesPerRound] [rounds] [format,...]}.
 */
public final class SyslogParseCpu {

    private static final List<String> FORMATS = List.of("rfc5424", "rfc5424-rules", "cef", "fortigate", "asa", "json", "kv");

    private SyslogParseCpu() {
    }

    public static void main(String[] args) {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Map<String, Runner> runners = new LinkedHashMap<>();
        List<String> formats = args.length > 2 ? List.of(args[2].split(",")) : FORMATS;
        formats.forEach(f -> runners.put(f, new Runner(f)));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int round = -2; round < rounds; round++) {
            for (Runner r : runners.values()) {
                long start = cpu.getCurrentThreadCpuTime();
                r.run(perRound);
                double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
                if (round >= 0) {
                    rates.computeIfAbsent(r.format, k -> new ArrayList<>()).add(perRound / seconds);
                }
            }
        }
        System.out.printf("%-14s %14s %14s %14s%n", "format", "median l/cpu-s", "min", "max");
        rates.forEach((format, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%-14s %,14.0f %,14.0f %,14.0f%n", format, sorted[sorted.length / 2], sorted[0],
                    sorted[sorted.length - 1]);
        });
        runners.values().forEach(Runner::check);
    }

    private static final class Runner {
        final String format;
        final byte[][] lines = new byte[1024][];
        final SyslogFrameHandler handler;
        final FrameOrigin origin = new FrameOrigin.FileLine(Path.of("/var/log/bench.log"), 0);
        long events;
        long deadLetters;
        long hash;
        int next;

        Runner(String format) {
            this.format = format;
            Clock clock = Clock.systemUTC();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            PayloadStage payloads = format.equals("rfc5424") ? PayloadStage.none()
                    : PayloadStage.of("bench", PayloadRules.defaults(), registry);
            EventSink sink = EventSink.of(e -> {
                events++;
                hash += e.event().id().hashCode();
            }, d -> deadLetters++);
            handler = new SyslogFrameHandler("bench", new SyslogParser(ZoneOffset.UTC, clock), sink,
                    CollectorMetrics.forInput(registry, "bench"), clock, 64 * 1024, payloads);
            for (int i = 0; i < lines.length; i++) {
                lines[i] = BenchLines.line(format, i).getBytes(StandardCharsets.UTF_8);
            }
        }

        void run(int n) {
            for (int i = 0; i < n; i++) {
                handler.handle(new FrameResult.Frame(lines[next++ & (lines.length - 1)], 0), origin);
            }
        }

        void check() {
            var stats = handler.payloads().stats();
            System.out.println(format + ": events=" + events + " dead_letters=" + deadLetters + " " + stats.toStatusLine()
                    + " (hash " + Arrays.hashCode(new long[] {hash}) + ")");
        }
    }
}
