package org.fenghuo.collectors.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over TCP (RFC 6587): octet counting or LF framing, per frame. One thread per connection,
 * at most {@link SyslogInputConfig#maxConnections()} at once; a connection beyond that is closed
 * right away (the sender reconnects later) and logged.
 */
public final class SyslogTcpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogTcpListener.class);

    private final SyslogInputConfig config;
    private final ServerSocketChannel server;
    private final SyslogFrameHandler handler;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final Semaphore slots;
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final Thread acceptor;
    private volatile boolean closed;

    private SyslogTcpListener(SyslogInputConfig config, EventSink sink, MeterRegistry registry, Clock clock)
            throws IOException {
        this.config = config;
        this.clock = clock;
        this.handler = new SyslogFrameHandler(config.name(), new SyslogParser(config.timeZone(), clock), sink,
                CollectorMetrics.forInput(registry, config.name()), clock, config.maxFrameBytes());
        this.slots = new Semaphore(config.maxConnections());
        this.server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(config.host(), config.port()));
        } catch (IOException e) {
            server.close();
            throw new IOException("input " + config.name() + ": cannot bind TCP " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        ListenerThreads threads = new ListenerThreads("syslog-tcp-" + config.name());
        this.workers = Executors.newCachedThreadPool(threads);
        this.acceptor = threads.newThread(this::acceptLoop);
    }

    /** Binds {@code config.host():config.port()} and starts accepting; the system clock in UTC. */
    public static SyslogTcpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry)
            throws IOException {
        return start(config, sink, registry, Clock.systemUTC());
    }

    public static SyslogTcpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry,
            Clock clock) throws IOException {
        SyslogTcpListener listener = new SyslogTcpListener(config, sink, registry, clock);
        listener.acceptor.start();
        LOG.info("input {}: listening for syslog on tcp://{}", config.name(), listener.localAddress());
        return listener;
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("input " + config.name() + " is closed", e);
        }
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
        return connections.size();
    }

    public CollectorStats stats() {
        return handler.metrics().snapshot();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SocketChannel connection = server.accept();
                if (!slots.tryAcquire()) {
                    LOG.warn("input {}: refused {}: already serving {} connections (maxConnections)",
                            config.name(), connection.getRemoteAddress(), config.maxConnections());
                    connection.close();
                    continue;
                }
                connections.add(connection);
                workers.execute(() -> serve(connection));
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                LOG.warn("input {}: accepting a connection failed: {}", config.name(), e.toString(), e);
            }
        }
    }

    private void serve(SocketChannel connection) {
        try {
            new TcpConnection(connection, handler, clock, sequence, bytesReceived, config.maxFrameBytes()).run();
        } catch (RuntimeException e) {
            LOG.warn("input {}: connection ended by an error: {}", config.name(), e.toString(), e);
        } finally {
            connections.remove(connection);
            slots.release();
            try {
                connection.close();
            } catch (IOException e) {
                LOG.debug("input {}: closing a connection failed", config.name(), e);
            }
        }
    }

    /**
     * Stops accepting, closes every connection (a frame cut short is dead-lettered, a final
     * unterminated line is still read) and waits for the connection threads; the sink is left open.
     */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("input {}: closing the TCP server socket failed: {}", config.name(), e.toString());
        }
        for (SocketChannel connection : connections) {
            try {
                connection.close();
            } catch (IOException e) {
                LOG.debug("input {}: closing a connection failed", config.name(), e);
            }
        }
        workers.shutdown();
        try {
            acceptor.join(10_000);
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("input {}: connection threads still running after 10 s", config.name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
