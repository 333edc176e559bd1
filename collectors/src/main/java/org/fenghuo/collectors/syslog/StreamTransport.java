package org.fenghuo.collectors.syslog;

import java.io.InputStream;
import java.net.Socket;
import org.fenghuo.collectors.syslog.tls.TlsPeer;

/** How a stream input turns an accepted socket into the bytes to frame: as they come, or via TLS. */
interface StreamTransport {

    /** {@code tcp} or {@code tls}: the transport of frame origins, thread names and log lines. */
    String scheme();

    /** Handshake deadline in nanoseconds, or 0 when the transport has no handshake. */
    long handshakeNanos();

    /**
     * Called on the connection's own thread; may block until the watch's handshake deadline.
     * Never throws: a connection it cannot open is counted (and, if it sent data, dead-lettered)
     * here, and null is returned.
     */
    Opened open(Socket socket, ConnectionWatch watch);

    /**
     * An open stream.
     *
     * @param in   the syslog bytes, decrypted for TLS
     * @param peer what the TLS handshake told about the sender; null for plain TCP
     */
    record Opened(InputStream in, TlsPeer peer) {
    }

    /** Plain TCP: the socket's bytes as they come. */
    static StreamTransport plain() {
        return new StreamTransport() {
            @Override
            public String scheme() {
                return "tcp";
            }

            @Override
            public long handshakeNanos() {
                return 0;
            }

            @Override
            public Opened open(Socket socket, ConnectionWatch watch) {
                try {
                    return new Opened(socket.getInputStream(), null);
                } catch (java.io.IOException e) {
                    // closed between accept and here (the listener is closing): nothing was read
                    return null;
                }
            }
        };
    }
}
