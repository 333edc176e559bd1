package org.fenghuo.bench.syslog;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.fenghuo.collectors.framing.FrameResult;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.FrameOrigin;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.syslog.SyslogFrameHandler;
import org.fenghuo.collectors.syslog.SyslogParser;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.collectors.syslog.payload.PayloadStage;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Syslog lines per second on one thread through the whole {@link SyslogFrameHandler} path (UTF-8
 * check, RFC 5424/3164 parse, ECS mapping, event id, payload rules and parser, field merge) into
 * a sink that only counts. {@code rfc5424} is the "RFC 5424 + ECS mapping" figure (no
 * payload rules); {@code rfc5424-rules} is the same line offered to every default rule, none of
 * which claims it; the others are one payload format each under the default rules.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SyslogParseBench {

    @Param({"rfc5424", "rfc5424-rules", "cef", "fortigate", "asa", "json", "kv"})
    public String format;

    private byte[][] lines;
    private int next;
    private SyslogFrameHandler handler;
    private FrameOrigin origin;
    private CountingSink sink;

    /** Counts what arrives and lets the JIT see every event used. */
    static final class CountingSink implements EventSink {
        long events;
        long deadLetters;
        Blackhole hole;

        @Override
        public void event(SecurityEvent event) {
            events++;
            hole.consume(event);
        }

        @Override
        public void deadLetter(DeadLetter deadLetter) {
            deadLetters++;
        }
    }

    @Setup(Level.Trial)
    public void setUp(Blackhole hole) {
        Clock clock = Clock.systemUTC();
        sink = new CountingSink();
        sink.hole = hole;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        PayloadStage payloads = format.equals("rfc5424") ? PayloadStage.none()
                : PayloadStage.of("bench", PayloadRules.defaults(), registry);
        handler = new SyslogFrameHandler("bench", new SyslogParser(ZoneOffset.UTC, clock), sink,
                CollectorMetrics.forInput(registry, "bench"), clock, 64 * 1024, payloads);
        origin = new FrameOrigin.FileLine(Path.of("/var/log/bench.log"), 0);
        lines = new byte[1024][];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = BenchLines.line(format, i).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Benchmark
    public void handle() {
        byte[] line = lines[next++ & (lines.length - 1)];
        handler.handle(new FrameResult.Frame(line, 0), origin);
    }

    /** Fails the run if the lines did not take the intended path (dead letters, or the wrong dataset). */
    @org.openjdk.jmh.annotations.TearDown(Level.Trial)
    public void check() {
        if (sink.deadLetters > 0 || sink.events == 0) {
            throw new IllegalStateException(format + ": " + sink.deadLetters + " dead letters, " + sink.events + " events");
        }
        var stats = handler.payloads().stats();
        boolean parsedExpected = !format.startsWith("rfc5424");
        if (parsedExpected && (stats.parsedTotal() != sink.events || stats.malformedTotal() > 0)) {
            throw new IllegalStateException(format + ": not every line parsed by its payload parser: " + stats.toStatusLine());
        }
    }
}
