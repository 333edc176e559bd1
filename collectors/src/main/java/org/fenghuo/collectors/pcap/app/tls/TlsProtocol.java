package org.fenghuo.collectors.pcap.app.tls;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * TLS over TCP on any port: a stream that starts with a handshake record (content type 22, version
 * 3.0 to 3.4, a length a record may have) whose first message is a ClientHello or a ServerHello.
 * SSL 2 compatible hellos are not recognised.
 */
public final class TlsProtocol implements AppProtocol {
    public static final String NAME = "tls";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data,
                           int off, int len) {
        if (transport != 6 || len < 6 || off < 0 || off + 6 > data.length) {
            return false;
        }
        int length = ((data[off + 3] & 0xff) << 8) | (data[off + 4] & 0xff);
        int handshakeType = data[off + 5] & 0xff;
        return data[off] == HandshakeStream.HANDSHAKE && data[off + 1] == 3 && (data[off + 2] & 0xff) <= 4
                && length >= 1 && length <= HandshakeStream.MAX_RECORD
                && (handshakeType == HandshakeStream.CLIENT_HELLO || handshakeType == HandshakeStream.SERVER_HELLO);
    }

    @Override
    public AppAnalyzer newAnalyzer(org.fenghuo.collectors.pcap.flow.FlowContext flow) {
        return new TlsAnalyzer();
    }
}
