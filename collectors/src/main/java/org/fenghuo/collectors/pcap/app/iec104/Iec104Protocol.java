package org.fenghuo.collectors.pcap.app.iec104;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * IEC 60870-5-104 over TCP. A flow on port 2404 is claimed when its first bytes are a plausible
 * APCI (0x68, length 4..253, a sound control field once the APDU is complete); on any other port
 * the first two APDUs must both be complete and sound.
 */
public final class Iec104Protocol implements AppProtocol {
    public static final String NAME = "iec104";
    public static final int PORT = 2404;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data,
                           int off, int len) {
        if (transport != 6 || !header(data, off, len)) {
            return false;
        }
        int first = 2 + (data[off + 1] & 0xFF);
        if (len >= first && Apdu.check(data, off) != null) {
            return false;
        }
        if (initiatorPort == PORT || responderPort == PORT) {
            return true;
        }
        if (len < first || !header(data, off + first, len - first)) {
            return false;
        }
        int second = 2 + (data[off + first + 1] & 0xFF);
        return len - first >= second && Apdu.check(data, off + first) == null;
    }

    private static boolean header(byte[] data, int off, int len) {
        return len >= 2 && (data[off] & 0xFF) == Apdu.START && Apdu.plausibleLength(data[off + 1] & 0xFF);
    }

    @Override
    public AppAnalyzer newAnalyzer(org.fenghuo.collectors.pcap.flow.FlowContext flow) {
        return new Iec104Analyzer();
    }
}
