package org.fenghuo.collectors.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TCP (RFC 6587): octet counting or LF framing, per frame. One thread per connection,
 * at most {@link SyslogInputConfig#maxConnections()} at once; a connection beyond that is closed
 * right away (the sender reconnects later) and counted, as are connections closed for silence
 * ({@code idleTimeout}) or for a frame left unfinished ({@code frameTimeout}).
 */
public final class SyslogTcpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogTcpListener.class);

    private final SyslogFrameHandler handler;
    private final ConnectionMetrics connections;
    private final AtomicLong bytesReceived = new AtomicLong();
    private final StreamListener listener;

    private SyslogTcpListener(SyslogInputConfig config, EventSink sink, MeterRegistry registry, Clock clock)
            throws IOException {
        this.handler = new SyslogFrameHandler(config.name(), new SyslogParser(config.timeZone(), clock), sink,
                CollectorMetrics.forInput(registry, config.name()), clock, config.maxFrameBytes());
        this.connections = new ConnectionMetrics(registry, config.name());
        this.listener = StreamListener.start(new StreamListener.Shared(config, StreamTransport.plain(),
                opened -> handler, connections, clock, new AtomicLong(), bytesReceived));
    }

    /** Binds {@code config.host():config.port()} and starts accepting; the system clock in UTC. */
    public static SyslogTcpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry)
            throws IOException {
        return start(config, sink, registry, Clock.systemUTC());
    }

    public static SyslogTcpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry,
            Clock clock) throws IOException {
        SyslogTcpListener tcp = new SyslogTcpListener(config, sink, registry, clock);
        LOG.info("input {}: listening for syslog on tcp://{}", config.name(), tcp.listener.describeAddress());
        return tcp;
    }

    public InetSocketAddress localAddress() {
        return listener.localAddress();
    }

    public int localPort() {
        return localAddress().getPort();
    }

    /** Bytes read from all connections so far. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Connections being served now. */
    public int activeConnections() {
        return listener.activeConnections();
    }

    public CollectorStats stats() {
        return handler.metrics().snapshot();
    }

    public ConnectionStats connectionStats() {
        return ConnectionStats.of(connections);
    }

    /**
     * Stops accepting, closes every connection (a frame cut short is dead-lettered, a final
     * unterminated line is still read) and waits for the connection threads; the sink is left open.
     */
    @Override
    public void close() {
        listener.close();
    }
}
