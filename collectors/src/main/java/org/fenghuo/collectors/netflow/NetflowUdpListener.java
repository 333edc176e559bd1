package org.fenghuo.collectors.netflow;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.UdpReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives NetFlow v5/v9 and IPFIX export datagrams over UDP (default port 2055; 4739 for IPFIX
 * works the same) and decodes them on the one receive thread, which owns the {@link NetflowDecoder}
 * and its template state. A slow sink means kernel drops, which the exporters' sequence numbers
 * then show as {@code lost_flows}.
 */
public final class NetflowUdpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetflowUdpListener.class);
    private static final int SOCKET_RECEIVE_BUFFER = 8 * 1024 * 1024;

    private final NetflowDecoder decoder;
    private final UdpReceiver receiver;

    private NetflowUdpListener(NetflowInputConfig config, EventSink sink, MeterRegistry registry, Clock clock)
            throws IOException {
        decoder = new NetflowDecoder(config.decoder(), config.name(), sink,
                NetflowMetrics.forInput(registry, config.name()));
        receiver = UdpReceiver.start(config.name(), config.host(), config.port(), SOCKET_RECEIVE_BUFFER,
                (data, length, peer) -> decoder.decode(data, 0, length, peer.getAddress().getHostAddress(),
                        UdpReceiver.describe(peer), clock.instant()));
    }

    public static NetflowUdpListener start(NetflowInputConfig config, EventSink sink, MeterRegistry registry)
            throws IOException {
        return start(config, sink, registry, Clock.systemUTC());
    }

    public static NetflowUdpListener start(NetflowInputConfig config, EventSink sink, MeterRegistry registry,
            Clock clock) throws IOException {
        NetflowUdpListener listener = new NetflowUdpListener(config, sink, registry, clock);
        InetSocketAddress bound = listener.localAddress();
        LOG.info("input {}: listening for NetFlow/IPFIX on udp://{}:{}", config.name(),
                bound.getAddress().getHostAddress(), bound.getPort());
        return listener;
    }

    public InetSocketAddress localAddress() {
        return receiver.localAddress();
    }

    public int localPort() {
        return localAddress().getPort();
    }

    public NetflowStats stats() {
        return decoder.metrics().snapshot();
    }

    /** Stops receiving and waits for the receive thread; the sink is left open. */
    @Override
    public void close() {
        receiver.close();
    }
}
