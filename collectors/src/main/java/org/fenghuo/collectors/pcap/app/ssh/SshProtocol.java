package org.fenghuo.collectors.pcap.app.ssh;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * SSH on any TCP port, recognised by a stream starting with "SSH-" (either side: the server
 * normally speaks first, but a capture may miss its first segment).
 */
public final class SshProtocol implements AppProtocol {
    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public boolean matches(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data,
                           int off, int len) {
        return transport == 6 && len >= 4 && data[off] == 'S' && data[off + 1] == 'S' && data[off + 2] == 'H'
                && data[off + 3] == '-';
    }

    @Override
    public AppAnalyzer newAnalyzer(org.fenghuo.collectors.pcap.flow.FlowContext flow) {
        return new SshAnalyzer();
    }
}
