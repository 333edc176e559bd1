package org.fenghuo.collectors.syslog;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.fenghuo.collectors.framing.FrameResult;
import org.fenghuo.collectors.input.ErrorKind;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.FrameOrigin;
import org.fenghuo.collectors.input.UdpReceiver;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.collectors.syslog.payload.PayloadStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syslog over UDP (RFC 5426): one datagram is one message. One receive thread parses and hands
 * each datagram to the sink, so a slow sink means kernel drops; the socket asks for a large
 * receive buffer to absorb bursts.
 */
public final class SyslogUdpListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyslogUdpListener.class);
    private static final int SOCKET_RECEIVE_BUFFER = 4 * 1024 * 1024;

    private final SyslogInputConfig config;
    private final SyslogFrameHandler handler;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private UdpReceiver receiver;

    private SyslogUdpListener(SyslogInputConfig config, EventSink sink, MeterRegistry registry, Clock clock,
            PayloadRules payloadRules) {
        this.config = config;
        this.clock = clock;
        this.handler = new SyslogFrameHandler(config.name(), new SyslogParser(config.timeZone(), clock), sink,
                CollectorMetrics.forInput(registry, config.name()), clock, config.maxFrameBytes(),
                PayloadStage.of(config.name(), payloadRules, registry, config.timeZone()));
    }

    /** Binds {@code config.host():config.port()} and starts receiving; the system clock in UTC. */
    public static SyslogUdpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry)
            throws IOException {
        return start(config, sink, registry, Clock.systemUTC());
    }

    /** Without payload parsing: events carry the RFC 3164/5424 fields and MSG only. */
    public static SyslogUdpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry,
            Clock clock) throws IOException {
        return start(config, sink, registry, clock, PayloadRules.none());
    }

    /** @param payloadRules which payload parsers read MSG (e.g. {@link PayloadRules#defaults()}) */
    public static SyslogUdpListener start(SyslogInputConfig config, EventSink sink, MeterRegistry registry,
            Clock clock, PayloadRules payloadRules) throws IOException {
        SyslogUdpListener listener = new SyslogUdpListener(config, sink, registry, clock, payloadRules);
        listener.receiver = UdpReceiver.start(config.name(), config.host(), config.port(), SOCKET_RECEIVE_BUFFER,
                listener::handle);
        LOG.info("input {}: listening for syslog on udp://{}", config.name(), listener.localAddress());
        return listener;
    }

    public InetSocketAddress localAddress() {
        return receiver.localAddress();
    }

    public int localPort() {
        return localAddress().getPort();
    }

    public CollectorStats stats() {
        return handler.metrics().snapshot();
    }

    private void handle(byte[] data, int length, InetSocketAddress peer) {
        FrameOrigin.NetworkPeer origin = new FrameOrigin.NetworkPeer("udp", peer, clock.instant(),
                sequence.getAndIncrement(), 0);
        int max = config.maxFrameBytes();
        FrameResult frame = length <= max
                ? new FrameResult.Frame(Arrays.copyOf(data, length), 0)
                : new FrameResult.FrameError(ErrorKind.FRAME_TOO_LARGE, "datagram of " + length
                        + " bytes exceeds the maximum frame size of " + max + " bytes", 0, length,
                        Arrays.copyOf(data, max));
        handler.handle(frame, origin);
    }

    /** Stops receiving and waits for the receive thread; the sink is left open. */
    @Override
    public void close() {
        receiver.close();
    }
}
