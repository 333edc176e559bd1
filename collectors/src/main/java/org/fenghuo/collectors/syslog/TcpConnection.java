package org.fenghuo.collectors.syslog;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.fenghuo.collectors.framing.FrameResult;
import org.fenghuo.collectors.framing.StreamFramer;
import org.fenghuo.collectors.input.FrameOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one TCP or TLS connection until the peer, the listener or a deadline of its
 * {@link ConnectionWatch} closes it; runs on its own thread. The sink is called on this thread,
 * so a slow sink slows the reads and TCP's window pushes back on the sender.
 */
final class TcpConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    private static final int READ_BUFFER = 16 * 1024;

    private final Socket socket;
    private final ConnectionWatch watch;
    private final StreamListener.Shared shared;
    private final StreamFramer framer;
    private InetSocketAddress peer;
    private SyslogFrameHandler handler;

    TcpConnection(Socket socket, ConnectionWatch watch, StreamListener.Shared shared) {
        this.socket = socket;
        this.watch = watch;
        this.shared = shared;
        this.framer = StreamFramer.syslogTcp(shared.config().maxFrameBytes());
    }

    @Override
    public void run() {
        StreamTransport.Opened opened = shared.transport().open(socket, watch);
        if (opened == null) {
            return;
        }
        watch.opened(System.nanoTime());
        peer = (InetSocketAddress) socket.getRemoteSocketAddress();
        handler = shared.handlers().forConnection(opened);
        byte[] buffer = new byte[READ_BUFFER];
        InputStream in = opened.in();
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                shared.bytesReceived().addAndGet(n);
                watch.handing(System.nanoTime());
                framer.feed(buffer, 0, n, this::handle);
                watch.read(System.nanoTime(), framer.inFrame());
            }
        } catch (IOException e) {
            // a reset by the peer, a close by the listener or a deadline: what was read so far still counts
            LOG.debug("input {}: connection from {} ended: {}", shared.config().name(), peer, e.toString());
        } finally {
            framer.finish(this::handle);
        }
    }

    private void handle(FrameResult frame) {
        Clock clock = shared.clock();
        AtomicLong sequence = shared.sequence();
        handler.handle(frame, new FrameOrigin.NetworkPeer(shared.transport().scheme(), peer, clock.instant(),
                sequence.getAndIncrement(), frame.offset()));
    }
}
