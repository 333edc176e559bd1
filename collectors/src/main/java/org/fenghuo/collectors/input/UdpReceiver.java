package org.fenghuo.collectors.input;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bound UDP socket and the one daemon thread that receives from it, handing every datagram to a
 * {@link Handler} on that thread: the socket lifecycle UDP inputs share (NetFlow/IPFIX and syslog).
 * The receive buffer holds the largest UDP payload, so no datagram is ever cut; a large socket
 * buffer absorbs bursts.
 */
public final class UdpReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);
    private static final int RECEIVE_BUFFER = 65536;

    /** Called on the receive thread; {@code data} is reused after the call returns. */
    @FunctionalInterface
    public interface Handler {
        void datagram(byte[] data, int length, InetSocketAddress peer);
    }

    private final String name;
    private final DatagramChannel channel;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean closed;

    private UdpReceiver(String name, String host, int port, int socketBuffer, Handler handler) throws IOException {
        this.name = name;
        this.handler = handler;
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, socketBuffer);
            channel.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            channel.close();
            throw new IOException("input " + name + ": cannot bind UDP " + host + ":" + port + ": " + e.getMessage(), e);
        }
        this.thread = new Thread(this::receiveLoop, "udp-" + name);
        // the caller's main thread decides when the process ends; a receiver never keeps it alive
        thread.setDaemon(true);
    }

    /** Binds {@code host:port} (0: any free port) and starts the receive thread. */
    public static UdpReceiver start(String name, String host, int port, int socketBuffer, Handler handler)
            throws IOException {
        UdpReceiver receiver = new UdpReceiver(name, host, port, socketBuffer, handler);
        receiver.thread.start();
        return receiver;
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("input " + name + " is closed", e);
        }
    }

    /** {@code udp://ip:port} of a peer, IPv6 in brackets, without a name lookup. */
    public static String describe(InetSocketAddress peer) {
        String ip = peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
        return "udp://" + (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + peer.getPort();
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(RECEIVE_BUFFER);
        while (!closed) {
            try {
                buffer.clear();
                InetSocketAddress peer = (InetSocketAddress) channel.receive(buffer);
                handler.datagram(buffer.array(), buffer.position(), peer);
            } catch (ClosedChannelException e) {
                break;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                // one failing datagram or sink hiccup must not end the input
                LOG.warn("input {}: receiving or handling a datagram failed: {}", name, e.toString(), e);
            }
        }
    }

    /** Stops receiving and waits for the receive thread. */
    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("input {}: closing the UDP socket failed: {}", name, e.toString());
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
