package org.fenghuo.collectors.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.metrics.CollectorStats;

/**
 * What a running TCP or TLS syslog input offers its owner: its address, counters, and close.
 * The two differ only in the transport they give the shared {@link StreamListener}.
 */
public abstract sealed class SyslogStreamListener implements AutoCloseable
        permits SyslogTcpListener, SyslogTlsListener {

    private final CollectorMetrics metrics;
    private final ConnectionMetrics connections;
    private final AtomicLong bytesReceived = new AtomicLong();
    private final StreamListener listener;

    /**
     * Binds and starts accepting.
     *
     * @param transport builds the transport from the input's frame and connection counters
     * @param handlers  builds the per-connection handler choice from the frame counters
     */
    SyslogStreamListener(SyslogInputConfig config, MeterRegistry registry, Clock clock,
            BiFunction<CollectorMetrics, ConnectionMetrics, StreamTransport> transport,
            Function<CollectorMetrics, StreamListener.HandlerFactory> handlers) throws IOException {
        this.metrics = CollectorMetrics.forInput(registry, config.name());
        this.connections = new ConnectionMetrics(registry, config.name());
        this.listener = StreamListener.start(new StreamListener.Shared(config, transport.apply(metrics, connections),
                handlers.apply(metrics), connections, clock, new AtomicLong(), bytesReceived));
    }

    public InetSocketAddress localAddress() {
        return listener.localAddress();
    }

    public int localPort() {
        return localAddress().getPort();
    }

    /** {@code ip:port} of the bound socket, for log lines. */
    String describeAddress() {
        return listener.describeAddress();
    }

    /** Bytes read from all connections so far (for TLS: decrypted bytes). */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Connections being served now (for TLS: including those still in their handshake). */
    public int activeConnections() {
        return listener.activeConnections();
    }

    public CollectorStats stats() {
        return metrics.snapshot();
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
