package org.fenghuo.collectors.pcap.app.dns;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.collectors.pcap.flow.FlowContext;

/**
 * DNS over UDP or TCP on port 53, mDNS (5353) and LLMNR (5355), confirmed by a plausible header
 * (after the 2-byte length on TCP) so other traffic on those ports is not claimed.
 */
public final class DnsProtocol implements AppProtocol {
    public static final DnsProtocol INSTANCE = new DnsProtocol();

    static final int TCP = 6;
    static final int UDP = 17;

    @Override
    public String name() {
        return "dns";
    }

    @Override
    public boolean matches(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data,
                           int off, int len) {
        if (!(isDnsPort(initiatorPort) || isDnsPort(responderPort))) {
            return false;
        }
        boolean plausible;
        if (transport == UDP) {
            plausible = DnsParser.plausibleHeader(data, off, len, len);
        } else if (transport == TCP && len >= 2) {
            int length = (data[off] & 0xff) << 8 | data[off + 1] & 0xff;
            plausible = DnsParser.plausibleHeader(data, off + 2, len - 2, length);
        } else {
            plausible = false;
        }
        return plausible;
    }

    static boolean isDnsPort(int port) {
        return port == 53 || port == 5353 || port == 5355;
    }

    /** UDP: one message per datagram; TCP: length-prefixed messages (RFC 1035 4.2.2). */
    @Override
    public AppAnalyzer newAnalyzer(FlowContext flow) {
        return newAnalyzer(flow.protocol());
    }

    /** An analyzer for a flow of a known transport (6 or 17). */
    public AppAnalyzer newAnalyzer(int transport) {
        return new DnsAnalyzer(transport == TCP);
    }

    @Override
    public String toString() {
        return "dns";
    }
}
