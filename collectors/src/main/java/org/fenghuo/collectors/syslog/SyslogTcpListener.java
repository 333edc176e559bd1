package org.fenghuo.collectors.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.collectors.syslog.payload.PayloadStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TCP (RFC 6587): octet counting or LF framing, per frame. One thread per connection,
 * at most {@link SyslogInputConfig#maxConnections()} at once; a connection beyond that is closed
 * right away (the sender reconnects later) and counted, as are connections closed for silence
 * ({@code idleTimeout}) or for a frame left unfinished ({@code frameTimeout}).
 */
public final class SyslogTcpListener extends SyslogStreamListener {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogTcpListener.class);

    private SyslogTcpListener(SyslogInputConfig config, EventSink sink, MeterRegistry registry, Clock clock,
            PayloadRules payloadRules) throws IOException {
        super(config, registry, clock, (metrics, connections) -> StreamTransport.plain(), metrics -> {
            SyslogFrameHandler handler = new SyslogFrameHandler(config.name(),
                    new SyslogParser(config.timeZone(), clock), sink, metrics, clock, config.maxFrameBytes(),
                    PayloadStage.of(config.name(), payloadRules, registry, config.timeZone()));
            return opened -> handler;
        });
    }

    /** Binds {@code config.host():config.port()} and starts accepting; the system clock in UTC. */
    public static SyslogTcpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry)
            throws IOException {
        return start(config, sink, registry, Clock.systemUTC());
    }

    /** Without payload parsing: events carry the RFC 3164/5424 fields and MSG only. */
    public static SyslogTcpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry,
            Clock clock) throws IOException {
        return start(config, sink, registry, clock, PayloadRules.none());
    }

    /** @param payloadRules which payload parsers read MSG (e.g. {@link PayloadRules#defaults()}) */
    public static SyslogTcpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry,
            Clock clock, PayloadRules payloadRules) throws IOException {
        SyslogTcpListener tcp = new SyslogTcpListener(config, sink, registry, clock, payloadRules);
        LOG.info("input {}: listening for syslog on tcp://{}", config.name(), tcp.describeAddress());
        return tcp;
    }
}
