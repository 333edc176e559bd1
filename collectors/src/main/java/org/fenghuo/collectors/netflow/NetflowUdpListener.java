package org.fenghuo.collectors.netflow;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import org.fenghuo.collectors.input.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives NetFlow v5/v9 and IPFIX export datagrams over UDP (default port 2055; 4739 for IPFIX
 * works the same) and decodes them on one receive thread, which owns the {@link NetflowDecoder}
 * and its template state. A slow sink means kernel drops, which the exporters' sequence numbers
 * then show as {@code lost_flows}; the socket asks for a large receive buffer to absorb bursts.
 */
public final class NetflowUdpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetflowUdpListener.class);
    /** The largest UDP payload, so no datagram is ever cut. */
    private static final int RECEIVE_BUFFER = 65536;
    private static final int SOCKET_RECEIVE_BUFFER = 8 * 1024 * 1024;

    private final NetflowInputConfig config;
    private final DatagramChannel channel;
    private final NetflowDecoder decoder;
    private final Clock clock;
    private final Thread receiver;
    private volatile boolean closed;

    private NetflowUdpListener(NetflowInputConfig config, EventSink sink, MeterRegistry registry, Clock clock)
            throws IOException {
        this.config = config;
        this.clock = clock;
        this.decoder = new NetflowDecoder(config.decoder(), config.name(), sink,
                NetflowMetrics.forInput(registry, config.name()));
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_RECEIVE_BUFFER);
            channel.bind(new InetSocketAddress(config.host(), config.port()));
        } catch (IOException e) {
            channel.close();
            throw new IOException("input " + config.name() + ": cannot bind UDP " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        this.receiver = new Thread(this::receiveLoop, "netflow-udp-" + config.name());
        // the caller's main thread decides when the process ends; a listener never keeps it alive
        receiver.setDaemon(true);
    }

    public static NetflowUdpListener start(NetflowInputConfig config, EventSink sink, MeterRegistry registry)
            throws IOException {
        return start(config, sink, registry, Clock.systemUTC());
    }

    public static NetflowUdpListener start(NetflowInputConfig config, EventSink sink, MeterRegistry registry,
            Clock clock) throws IOException {
        NetflowUdpListener listener = new NetflowUdpListener(config, sink, registry, clock);
        listener.receiver.start();
        InetSocketAddress bound = listener.localAddress();
        LOG.info("input {}: listening for NetFlow/IPFIX on udp://{}:{}", config.name(),
                bound.getAddress().getHostAddress(), bound.getPort());
        return listener;
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("input " + config.name() + " is closed", e);
        }
    }

    public int localPort() {
        return localAddress().getPort();
    }

    public NetflowStats stats() {
        return decoder.metrics().snapshot();
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(RECEIVE_BUFFER);
        while (!closed) {
            try {
                buffer.clear();
                InetSocketAddress peer = (InetSocketAddress) channel.receive(buffer);
                String ip = peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
                String origin = "udp://" + (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + peer.getPort();
                decoder.decode(buffer.array(), 0, buffer.position(), ip, origin, clock.instant());
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                // a sink hiccup must not end the input; the decoder itself never throws on input
                LOG.warn("input {}: receiving or handling a datagram failed: {}", config.name(), e.toString(), e);
            }
        }
    }

    /** Stops receiving and waits for the receive thread; the sink is left open. */
    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("input {}: closing the UDP socket failed: {}", config.name(), e.toString());
        }
        try {
            receiver.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
