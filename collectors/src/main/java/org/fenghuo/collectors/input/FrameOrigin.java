package org.fenghuo.collectors.input;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** Where one frame came from; decides the event id scheme and the origin fields of the event. */
public sealed interface FrameOrigin permits FrameOrigin.FileLine, FrameOrigin.NetworkPeer {

    /** The frame's start offset in its file or stream. */
    long offset();

    /** Short text for dead letters and logs: the file path or {@code udp://ip:port}. */
    String describe();

    /**
     * A line of a file.
     *
     * @param path   absolute, normalised path of the file
     * @param offset byte offset of the line's first byte in the file
     */
    record FileLine(Path path, long offset) implements FrameOrigin {
        public FileLine {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /**
     * A frame received from a network peer.
     *
     * @param transport {@code udp} or {@code tcp}
     * @param peer      the sender's address and port
     * @param received  when the frame was received (the input's clock)
     * @param sequence  per-input counter, so two identical frames in the same clock tick differ
     * @param offset    for TCP the frame's offset in the connection's byte stream, for UDP 0
     */
    record NetworkPeer(String transport, InetSocketAddress peer, Instant received, long sequence, long offset)
            implements FrameOrigin {
        public NetworkPeer {
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(received, "received");
        }

        /** The peer's IP address as text, without a host name lookup. */
        public String peerIp() {
            return peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
        }

        @Override
        public String describe() {
            String ip = peerIp();
            return transport + "://" + (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + peer.getPort();
        }
    }
}
