package org.fenghuo.collectors.pcap.app.dns;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * DNS over UDP or TCP on port 53, mDNS (5353) and LLMNR (5355), confirmed by a plausible header
 * (after the 2-byte length on TCP) so other traffic on those ports is not claimed.
 */
public final class DnsProtocol implements AppProtocol {
    public static final DnsProtocol INSTANCE = new DnsProtocol();

    static final int TCP = 6;
    static final int UDP = 17;

    /**
     * The transport of the flow this thread last accepted. {@link AppProtocol#newAnalyzer} does not
     * say whether the flow is UDP (one message per datagram) or TCP (length-prefixed), and the
     * bytes cannot tell reliably; the app layer asks for the analyzer right after a true
     * {@link #matches} on the same thread, so the answer is handed over here. Per thread because
     * {@link #INSTANCE} may serve several decoders at once.
     */
    private static final ThreadLocal<int[]> ACCEPTED = ThreadLocal.withInitial(() -> new int[] {UDP});

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
        if (plausible) {
            ACCEPTED.get()[0] = transport;
        }
        return plausible;
    }

    static boolean isDnsPort(int port) {
        return port == 53 || port == 5353 || port == 5355;
    }

    @Override
    public AppAnalyzer newAnalyzer() {
        return new DnsAnalyzer(ACCEPTED.get()[0] == TCP);
    }

    /** An analyzer for a flow of a known transport (6 or 17), without going through {@link #matches}. */
    public AppAnalyzer newAnalyzer(int transport) {
        return new DnsAnalyzer(transport == TCP);
    }

    @Override
    public String toString() {
        return "dns";
    }
}
