package org.fenghuo.collectors.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.fenghuo.collectors.framing.FrameResult;
import org.fenghuo.collectors.framing.StreamFramer;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.FrameOrigin;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.collectors.syslog.payload.PayloadStage;
import org.fenghuo.collectors.syslog.payload.PayloadStats;

/**
 * Reads a syslog file (e.g. /var/log/auth.log) line by line, streaming, with each line's byte
 * offset ({@code log.offset}); a final line without LF is read too, and a file without any LF
 * yields one oversize dead letter instead of unbounded memory. Not thread-safe: one reader per
 * thread; call {@link #read} once per file.
 */
public final class SyslogFileReader {

    private static final int CHUNK = 64 * 1024;

    private final SyslogInputConfig config;
    private final EventSink sink;
    private final SyslogFrameHandler handler;
    private volatile long bytesRead;

    /** With the system clock in UTC as the reference for year-less timestamps and event.created. */
    public SyslogFileReader(SyslogInputConfig config, EventSink sink, MeterRegistry registry) {
        this(config, sink, registry, Clock.systemUTC());
    }

    public SyslogFileReader(SyslogInputConfig config, EventSink sink, MeterRegistry registry, Clock clock) {
        this(config, sink, registry, clock, PayloadRules.none());
    }

    /** @param payloadRules which payload parsers read MSG, e.g. {@link PayloadRules#defaults()} */
    public SyslogFileReader(SyslogInputConfig config, EventSink sink, MeterRegistry registry, Clock clock,
            PayloadRules payloadRules) {
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.handler = new SyslogFrameHandler(config.name(), new SyslogParser(config.timeZone(), clock), sink,
                CollectorMetrics.forInput(registry, config.name()), clock, config.maxFrameBytes(),
                PayloadStage.of(config.name(), payloadRules, registry, config.timeZone()));
    }

    /**
     * Reads the whole file into the sink, then flushes the sink.
     *
     * @return this input's counters after the flush
     * @throws IOException when the file cannot be read (bad content never throws: it is dead-lettered)
     * @throws org.fenghuo.collectors.input.EventSinkException when the sink could not deliver records
     */
    public CollectorStats read(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        StreamFramer framer = StreamFramer.lines(config.maxFrameBytes(), 0);
        byte[] chunk = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                framer.feed(chunk, 0, n, result -> handle(path, result));
                bytesRead += n;
            }
        } catch (IOException e) {
            throw new IOException("cannot read " + path + " at byte " + framer.position() + ": " + e.getMessage(), e);
        }
        framer.finish(result -> handle(path, result));
        sink.flush();
        return stats();
    }

    private void handle(Path path, FrameResult result) {
        handler.handle(result, new FrameOrigin.FileLine(path, result.offset()));
    }

    /** Bytes read so far, for a progress bar; may be read from another thread. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Payload counters (all zero without payload rules). */
    public PayloadStats payloadStats() {
        return handler.payloads().stats();
    }

    public CollectorStats stats() {
        return handler.metrics().snapshot();
    }
}
