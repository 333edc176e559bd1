package org.fenghuo.collectors.syslog;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part TCP and TLS syslog share: accepting, at most {@code maxConnections} connections (one
 * thread each; one beyond that is closed right away and counted), and a watchdog thread that
 * closes connections past their handshake, idle or frame deadline.
 */
final class StreamListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamListener.class);
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long ACCEPT_RETRY_MILLIS = 100;

    /** Picks the frame handler of a connection once it is open (TLS: one that knows its peer). */
    interface HandlerFactory {
        SyslogFrameHandler forConnection(StreamTransport.Opened opened);
    }

    /** What every connection of one listener shares. */
    record Shared(SyslogInputConfig config, StreamTransport transport, HandlerFactory handlers,
            ConnectionMetrics connections, Clock clock, AtomicLong sequence, AtomicLong bytesReceived) {
    }

    private final Shared shared;
    private final ServerSocket server;
    private final Semaphore slots;
    private final Map<Socket, ConnectionWatch> open = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService watchdog;
    private final Thread acceptor;
    private final long idleNanos;
    private final long frameNanos;
    private volatile boolean closed;

    private StreamListener(Shared shared) throws IOException {
        SyslogInputConfig config = shared.config();
        this.shared = shared;
        this.slots = new Semaphore(config.maxConnections());
        this.idleNanos = config.idleTimeout().toNanos();
        this.frameNanos = config.frameTimeout().toNanos();
        this.server = new ServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()));
        } catch (IOException e) {
            server.close();
            throw new IOException("input " + config.name() + ": cannot bind " + shared.transport().scheme().toUpperCase()
                    + " " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ListenerThreads threads = new ListenerThreads("syslog-" + shared.transport().scheme() + "-" + config.name());
        this.workers = Executors.newCachedThreadPool(threads);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(threads);
        this.acceptor = threads.newThread(this::acceptLoop);
    }

    static StreamListener start(Shared shared) throws IOException {
        StreamListener listener = new StreamListener(shared);
        long tick = listener.tickNanos();
        listener.watchdog.scheduleWithFixedDelay(listener::enforceDeadlines, tick, tick, TimeUnit.NANOSECONDS);
        listener.acceptor.start();
        return listener;
    }

    /** A quarter of the shortest deadline, within 10 ms..1 s: a deadline is enforced at most 25% late. */
    private long tickNanos() {
        long shortest = Math.min(idleNanos, frameNanos);
        long handshake = shared.transport().handshakeNanos();
        if (handshake > 0) {
            shortest = Math.min(shortest, handshake);
        }
        return Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, shortest / 4));
    }

    InetSocketAddress localAddress() {
        if (server.isClosed()) {
            throw new IllegalStateException("input " + shared.config().name() + " is closed");
        }
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** {@code ip:port} of the bound socket, for log lines. */
    String describeAddress() {
        InetSocketAddress address = localAddress();
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    int activeConnections() {
        return open.size();
    }

    private void acceptLoop() {
        String name = shared.config().name();
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closed || server.isClosed()) {
                    break;
                }
                LOG.warn("input {}: accepting a connection failed: {}", name, e.toString(), e);
                // e.g. out of file descriptors: retrying at once would spin and flood the log
                if (!pause()) {
                    break;
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                refuse(socket);
                continue;
            }
            ConnectionWatch watch = shared.transport().handshakeNanos() > 0
                    ? ConnectionWatch.withHandshake(socket, System.nanoTime(), shared.transport().handshakeNanos())
                    : ConnectionWatch.plain(socket, System.nanoTime());
            open.put(socket, watch);
            shared.connections().active(1);
            shared.connections().count(ConnectionMetrics.Outcome.ACCEPTED);
            try {
                workers.execute(() -> serve(socket, watch));
            } catch (RejectedExecutionException e) {
                // closing: the connection never started
                release(socket, watch);
            }
        }
    }

    /** False when interrupted, i.e. the listener is being torn down. */
    private static boolean pause() {
        try {
            Thread.sleep(ACCEPT_RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refuse(Socket socket) {
        long total = shared.connections().count(ConnectionMetrics.Outcome.REFUSED);
        if (ConnectionMetrics.worthLogging(total)) {
            LOG.warn("input {}: refused {}: already serving {} connections (maxConnections); {} refused so far",
                    shared.config().name(), socket.getRemoteSocketAddress(), shared.config().maxConnections(), total);
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("input {}: closing a refused connection failed", shared.config().name(), e);
        }
    }

    private void serve(Socket socket, ConnectionWatch watch) {
        try {
            new TcpConnection(socket, watch, shared).run();
        } catch (RuntimeException e) {
            LOG.warn("input {}: connection from {} ended by an error: {}", shared.config().name(),
                    socket.getRemoteSocketAddress(), e.toString(), e);
        } finally {
            release(socket, watch);
        }
    }

    private void release(Socket socket, ConnectionWatch watch) {
        if (open.remove(socket) != null) {
            shared.connections().active(-1);
            slots.release();
        }
        watch.close();
    }

    private void enforceDeadlines() {
        long now = System.nanoTime();
        for (ConnectionWatch watch : open.values()) {
            ConnectionMetrics.Outcome due = watch.overdue(now, idleNanos, frameNanos);
            if (due != null && watch.expire(due)) {
                long total = shared.connections().count(due);
                if (ConnectionMetrics.worthLogging(total)) {
                    LOG.info("input {}: closed a connection: {} ({} so far)", shared.config().name(), due.tag(), total);
                }
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
            LOG.warn("input {}: closing the server socket failed: {}", shared.config().name(), e.toString());
        }
        try {
            // joined first, so no connection is accepted after the others were closed
            acceptor.join(10_000);
            watchdog.shutdownNow();
            open.values().forEach(ConnectionWatch::close);
            workers.shutdown();
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("input {}: connection threads still running after 10 s", shared.config().name());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
