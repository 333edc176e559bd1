package org.fenghuo.collectors.pcap.app.s7comm;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * S7comm (and S7comm-plus) over ISO-on-TCP, port 102: a flow is claimed when its first bytes are
 * a TPKT (version 3, reserved 0, length of at least 7) holding a COTP connection request or
 * confirm, or a COTP DT whose user data starts with 0x32 (S7comm) or 0x72 (S7comm-plus). A TPKT
 * header alone is enough while fewer than 6 bytes came (the stream starts in tiny segments); the
 * analyzer drops a flow silently whose COTP user data turns out to be something else.
 */
public final class S7commProtocol implements AppProtocol {
    public static final String NAME = "s7comm";
    public static final int PORT = 102;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data,
                           int off, int len) {
        if (transport != 6 || initiatorPort != PORT && responderPort != PORT || len < 4) {
            return false;
        }
        int length = (data[off + 2] & 0xFF) << 8 | (data[off + 3] & 0xFF);
        if ((data[off] & 0xFF) != TpktFramer.VERSION || data[off + 1] != 0 || length < TpktFramer.MIN_LENGTH) {
            return false;
        }
        if (len < 6) {
            return true; // a TPKT header on port 102, the rest still to come (tiny segments)
        }
        int li = data[off + 4] & 0xFF;
        if (li < 2 || 5 + li > length) {
            return false;
        }
        int type = Cotp.type(data[off + 5] & 0xFF);
        if (type == Cotp.CR || type == Cotp.CC) {
            return true;
        }
        if (type != Cotp.DT) {
            return false;
        }
        if (5 + li >= len) {
            return 5 + li < length; // user data not seen yet
        }
        int id = data[off + 5 + li] & 0xFF;
        return id == S7Parser.PROTOCOL_ID || id == S7commAnalyzer.PLUS_PROTOCOL_ID;
    }

    @Override
    public AppAnalyzer newAnalyzer(org.fenghuo.collectors.pcap.flow.FlowContext flow) {
        return new S7commAnalyzer();
    }
}
