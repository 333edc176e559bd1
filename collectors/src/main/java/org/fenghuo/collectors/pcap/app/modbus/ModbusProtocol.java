package org.fenghuo.collectors.pcap.app.modbus;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppProtocol;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * Modbus/TCP: TCP with port 502 on either side whose stream starts with a valid MBAP header.
 *
 * <p>Requests are the bytes sent to port 502. {@link AppProtocol#newAnalyzer} is not told the ports,
 * so {@link #matches} leaves, for the analyzer the application layer makes right after a match on
 * the same thread, which side the server is; an analyzer made without a match (or when both ports
 * are 502) takes the flow's initiator as the client. A capture that starts with the server's
 * packet makes the server the flow's initiator, hence the need.
 */
public final class ModbusProtocol implements AppProtocol {
    public static final String NAME = "modbus";
    static final int PORT = 502;
    private static final ThreadLocal<Direction> REQUESTS = new ThreadLocal<>();

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
        REQUESTS.set(initiatorPort == PORT && responderPort != PORT ? Direction.TO_INITIATOR : Direction.TO_RESPONDER);
        return true;
    }

    @Override
    public AppAnalyzer newAnalyzer() {
        Direction requests = REQUESTS.get();
        REQUESTS.remove();
        return new ModbusAnalyzer(requests == null ? Direction.TO_RESPONDER : requests);
    }
}
