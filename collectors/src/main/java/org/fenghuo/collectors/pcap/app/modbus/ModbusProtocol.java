package org.fenghuo.collectors.pcap.app.modbus;

import org.fenghuo.collectors.pcap.flow.FlowContext;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * Modbus/TCP: TCP with port 502 on either side whose stream starts with a valid MBAP header.
 *
 * <p>Requests are the bytes sent to port 502: a capture that starts with the server's packet makes
 * the server the flow's initiator, so the flow's ports, not its initiator, tell the client. When
 * both ports are 502 the initiator is taken as the client.
 */
public final class ModbusProtocol implements AppProtocol {
    public static final String NAME = "modbus";
    static final int PORT = 502;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean matches(int transport, int initiatorPort, int responderPort, Direction direction, byte[] data,
                           int off, int len) {
        if (transport != 6 || (initiatorPort != PORT && responderPort != PORT) || len < MbapFramer.HEADER
                || data == null || off < 0 || off + len > data.length) {
            return false;
        }
        if (!MbapFramer.validHeader(data, off)) {
            return false;
        }
        return true;
    }

    @Override
    public AppAnalyzer newAnalyzer(FlowContext flow) {
        boolean serverInitiated = flow.initiatorPort() == PORT && flow.responderPort() != PORT;
        return new ModbusAnalyzer(serverInitiated ? Direction.TO_INITIATOR : Direction.TO_RESPONDER);
    }
}
