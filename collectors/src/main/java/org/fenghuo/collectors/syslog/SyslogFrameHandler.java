package org.fenghuo.collectors.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.fenghuo.collectors.deadletter.DeadLetters;
import org.fenghuo.collectors.framing.FrameResult;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.EventIds;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.FrameOrigin;
import org.fenghuo.collectors.input.ParseResult;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.syslog.payload.PayloadStage;
import org.fenghuo.events.SecurityEvent;

/**
 * The shared middle of every syslog input: one frame in, one event or one dead letter (or, for a
 * blank frame, only a count) out. Thread-safe as long as its sink is: TCP connections call it
 * from their own threads.
 */
public final class SyslogFrameHandler {

    private final String input;
    private final SyslogParser parser;
    private final EventSink sink;
    private final CollectorMetrics metrics;
    private final Clock clock;
    private final int maxFrameBytes;
    private final PayloadStage payloads;

    /** Without payload parsing: events carry the RFC-level fields only. */
    public SyslogFrameHandler(String input, SyslogParser parser, EventSink sink, CollectorMetrics metrics,
            Clock clock, int maxFrameBytes) {
        this(input, parser, sink, metrics, clock, maxFrameBytes, PayloadStage.none());
    }

    /** @param payloads reads MSG with the configured payload parsers (see {@link PayloadStage#of}) */
    public SyslogFrameHandler(String input, SyslogParser parser, EventSink sink, CollectorMetrics metrics,
            Clock clock, int maxFrameBytes, PayloadStage payloads) {
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.input = Objects.requireNonNull(input, "input");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFrameBytes = maxFrameBytes;
    }

    public CollectorMetrics metrics() {
        return metrics;
    }

    public PayloadStage payloads() {
        return payloads;
    }

    public void handle(FrameResult result, FrameOrigin origin) {
        metrics.received();
        if (result instanceof FrameResult.FrameError error) {
            reject(error.kind(), error.reason(), origin, error.head(), error.length());
        } else if (result instanceof FrameResult.Frame frame) {
            handleFrame(frame.bytes(), origin);
        }
    }

    private void handleFrame(byte[] bytes, FrameOrigin origin) {
        int length = trimmedLength(bytes);
        if (isBlank(bytes, length)) {
            metrics.empty();
            return;
        }
        ParseResult<SyslogMessage> parsed = parser.parse(bytes, length);
        if (parsed instanceof ParseResult.Failed<SyslogMessage> failed) {
            reject(failed.error().kind(), failed.error().reason(), origin, bytes, bytes.length);
            return;
        }
        SyslogMessage message = ((ParseResult.Ok<SyslogMessage>) parsed).value();
        String original = new String(bytes, 0, length, StandardCharsets.UTF_8);
        String id = EventIds.of(input, origin, bytes, length);
        SecurityEvent event = SyslogEventMapper.toEvent(message, original, input, origin, id, clock.instant());
        event = payloads.apply(event, message.hostname(), message.appName(), message.message());
        metrics.parsed();
        sink.event(event);
    }

    private void reject(ErrorKind kind, String reason, FrameOrigin origin, byte[] raw, long rawLength) {
        metrics.malformed(kind);
        Instant now = clock.instant();
        sink.deadLetter(DeadLetters.of(now, input, origin.describe(), origin.offset(), reason, raw, rawLength,
                maxFrameBytes));
        metrics.deadLettered();
    }

    /** Senders end datagrams and octet-counted frames with LF, CRLF or NUL; none of it is content. */
    private static int trimmedLength(byte[] bytes) {
        int n = bytes.length;
        while (n > 0 && (bytes[n - 1] == '\n' || bytes[n - 1] == '\r' || bytes[n - 1] == 0)) {
            n--;
        }
        return n;
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t') {
                return false;
            }
        }
        return true;
    }
}
