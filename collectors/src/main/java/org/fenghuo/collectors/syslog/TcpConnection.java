package org.fenghuo.collectors.syslog;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.fenghuo.collectors.framing.FrameResult;
import org.fenghuo.collectors.framing.StreamFramer;
import org.fenghuo.collectors.input.FrameOrigin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one TCP connection until the peer or the listener closes it; runs on its own thread. */
final class TcpConnection implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    private static final int READ_BUFFER = 16 * 1024;

    private final SocketChannel channel;
    private final SyslogFrameHandler handler;
    private final Clock clock;
    private final AtomicLong sequence;
    private final AtomicLong bytesReceived;
    private final StreamFramer framer;
    private InetSocketAddress peer;

    TcpConnection(SocketChannel channel, SyslogFrameHandler handler, Clock clock, AtomicLong sequence,
            AtomicLong bytesReceived, int maxFrameBytes) {
        this.channel = channel;
        this.handler = handler;
        this.clock = clock;
        this.sequence = sequence;
        this.bytesReceived = bytesReceived;
        this.framer = StreamFramer.syslogTcp(maxFrameBytes);
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
        try {
            peer = (InetSocketAddress) channel.getRemoteAddress();
            int n;
            while ((n = channel.read(buffer.clear())) >= 0) {
                bytesReceived.addAndGet(n);
                framer.feed(buffer.flip(), this::handle);
            }
        } catch (IOException e) {
            // a reset by the peer or a close by the listener: what was read so far still counts
            LOG.debug("connection from {} ended: {}", peer, e.toString());
        } finally {
            if (peer != null) {
                framer.finish(this::handle);
            }
        }
    }

    private void handle(FrameResult frame) {
        handler.handle(frame, new FrameOrigin.NetworkPeer("tcp", peer, clock.instant(),
                sequence.getAndIncrement(), frame.offset()));
    }
}
