package org.fenghuo.collectors.syslog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.Arrays;
import javax.net.ssl.SSLSocket;
import org.fenghuo.collectors.deadletter.DeadLetters;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.FrameOrigin;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.syslog.tls.TlsPeer;
import org.fenghuo.collectors.syslog.tls.TlsServerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS (RFC 5425) over an accepted socket. The first byte is read before the handshake: a TLS
 * connection starts with a handshake record (0x16); anything else is most likely a sender
 * configured for plain syslog, whose first bytes are dead-lettered rather than dropped unseen.
 */
final class TlsTransport implements StreamTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TlsTransport.class);
    private static final int TLS_HANDSHAKE_RECORD = 0x16;
    /** How much of a plain-text connection is kept as evidence. */
    private static final int NOT_TLS_HEAD = 4096;

    private final TlsServerContext context;
    private final long handshakeNanos;
    private final String input;
    private final EventSink sink;
    private final CollectorMetrics metrics;
    private final ConnectionMetrics connections;
    private final Clock clock;

    TlsTransport(TlsServerContext context, long handshakeNanos, String input, EventSink sink, CollectorMetrics metrics,
            ConnectionMetrics connections, Clock clock) {
        this.context = context;
        this.handshakeNanos = handshakeNanos;
        this.input = input;
        this.sink = sink;
        this.metrics = metrics;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public String scheme() {
        return "tls";
    }

    @Override
    public long handshakeNanos() {
        return handshakeNanos;
    }

    @Override
    public Opened open(Socket socket, ConnectionWatch watch) {
        try {
            InputStream raw = socket.getInputStream();
            int first = raw.read();
            if (first != TLS_HANDSHAKE_RECORD) {
                if (first >= 0) {
                    notTls(socket, raw, (byte) first);
                } else {
                    failed(socket, watch, "closed before the handshake");
                }
                return null;
            }
            SSLSocket tls = context.wrap(socket, new ByteArrayInputStream(new byte[] {(byte) first}));
            tls.startHandshake();
            return new Opened(tls.getInputStream(), TlsPeer.of(tls.getSession()));
        } catch (IOException | RuntimeException e) {
            // JSSE reports some malformed handshakes as runtime exceptions; none may end the input
            failed(socket, watch, e.toString());
            return null;
        }
    }

    private void failed(Socket socket, ConnectionWatch watch, String why) {
        if (watch.expired() != null) {
            // the watchdog closed it for the handshake deadline and counted it
            return;
        }
        long total = connections.count(ConnectionMetrics.Outcome.TLS_HANDSHAKE_FAILED);
        if (ConnectionMetrics.worthLogging(total)) {
            LOG.warn("input {}: TLS handshake with {} failed ({} so far): {}", input, socket.getRemoteSocketAddress(),
                    total, why);
        } else {
            LOG.debug("input {}: TLS handshake with {} failed: {}", input, socket.getRemoteSocketAddress(), why);
        }
    }

    private void notTls(Socket socket, InputStream raw, byte first) throws IOException {
        byte[] head = new byte[NOT_TLS_HEAD];
        head[0] = first;
        // what is already there, without waiting for more: evidence, not a frame
        int more = Math.min(raw.available(), NOT_TLS_HEAD - 1);
        int got = more > 0 ? raw.read(head, 1, more) : 0;
        byte[] kept = Arrays.copyOf(head, 1 + Math.max(0, got));
        long total = connections.count(ConnectionMetrics.Outcome.NOT_TLS);
        String origin = new FrameOrigin.NetworkPeer("tls", (InetSocketAddress) socket.getRemoteSocketAddress(),
                clock.instant(), 0, 0).describe();
        sink.deadLetter(DeadLetters.of(clock.instant(), input, origin, 0,
                String.format("not a TLS handshake (first byte 0x%02x): plain syslog on a TLS port?"
                        + " The connection was closed", first & 0xff), kept, kept.length, NOT_TLS_HEAD));
        metrics.deadLettered();
        if (ConnectionMetrics.worthLogging(total)) {
            LOG.warn("input {}: {} sent no TLS handshake ({} so far); dead-lettered its first {} bytes", input,
                    origin, total, kept.length);
        }
    }
}
