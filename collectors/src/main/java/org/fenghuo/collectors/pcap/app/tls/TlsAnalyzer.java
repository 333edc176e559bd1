package org.fenghuo.collectors.pcap.app.tls;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * Follows one TLS connection until its hellos are seen: the first ClientHello (from either
 * direction) is kept, the first ServerHello ends the analysis with one {@code tls-handshake}
 * event (a HelloRetryRequest is passed over for the ServerHello after it). Without a ServerHello the ClientHello alone is reported when the flow ends or the server's
 * direction has a hole. Encrypted data is never followed.
 */
final class TlsAnalyzer implements AppAnalyzer {
    private final HandshakeStream[] streams = {new HandshakeStream(), new HandshakeStream()};
    private ClientHello client;
    private Direction clientDirection;
    private boolean done;

    @Override
    public void data(Direction direction, byte[] data, int off, int len, long ts, AppOutput out) {
        HandshakeStream stream = streams[direction.ordinal()];
        if (done || stream.stopped()) {
            return;
        }
        try {
            stream.data(data, off, len, (type, body, length) -> hello(direction, type, body, length, ts, out));
        } catch (TlsMalformed e) {
            out.malformed(TlsProtocol.NAME, e.reason(), e.getMessage(), ts, data, off, len);
            directionLost(direction, ts, out);
        }
    }

    private boolean hello(Direction direction, int type, byte[] body, int length, long ts, AppOutput out) {
        try {
            if (type == HandshakeStream.CLIENT_HELLO) {
                if (client == null) {
                    client = HelloParser.clientHello(body, 0, length);
                    clientDirection = direction;
                }
                return true;
            }
            if (direction == clientDirection) {
                return true; // not from the server: an encrypted message read as a header after change_cipher_spec
            }
            ServerHello server = HelloParser.serverHello(body, 0, length);
            if (server.helloRetryRequest()) {
                return true; // the real ServerHello follows the client's second hello
            }
            out.event(TlsEvents.handshake(ts, client, server));
            done = true;
            return false;
        } catch (TlsMalformed e) {
            String what = type == HandshakeStream.CLIENT_HELLO ? "client hello: " : "server hello: ";
            out.malformed(TlsProtocol.NAME, e.reason(), what + e.getMessage(), ts, body, 0, length);
            directionLost(direction, ts, out);
            return false;
        }
    }

    @Override
    public void gap(Direction direction, long missing, long ts, AppOutput out) {
        if (!done) {
            directionLost(direction, ts, out);
        }
    }

    /** {@code direction} can no longer be read: report the ClientHello if no ServerHello can follow. */
    private void directionLost(Direction direction, long ts, AppOutput out) {
        streams[direction.ordinal()].stop();
        boolean serverSideLost = client != null && direction != clientDirection;
        if (serverSideLost || (streams[0].stopped() && streams[1].stopped())) {
            end(ts, out);
        }
    }

    @Override
    public void end(long ts, AppOutput out) {
        if (!done && client != null) {
            out.event(TlsEvents.handshake(ts, client, null));
        }
        done = true;
    }

    @Override
    public boolean wantsMore() {
        return !done;
    }
}
