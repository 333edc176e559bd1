package org.fenghuo.collectors.pcap.app.dnp3;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * DNP3 over TCP or UDP, on any port: the first payload starts with a link header (0x05 0x64,
 * length at least 5) whose CRC is right.
 */
public final class Dnp3Protocol implements AppProtocol {
    public static final String NAME = "dnp3";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data,
                           int off, int len) {
        if ((transport != 6 && transport != 17) || data == null || off < 0 || len < LinkFramer.HEADER
                || off + len > data.length) {
            return false;
        }
        return LinkFramer.validHeader(data, off);
    }

    @Override
    public AppAnalyzer newAnalyzer(org.fenghuo.collectors.pcap.flow.FlowContext flow) {
        return new Dnp3Analyzer();
    }
}
