package org.fenghuo.collectors.pcap.app.modbus;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * One Modbus/TCP connection: requests travel one way (to port 502), responses the other. Requests wait for their response by transaction id (at most {@link #MAX_OUTSTANDING}; the
 * oldest is emitted unanswered when more come); each transaction becomes one event.
 */
final class ModbusAnalyzer implements AppAnalyzer {
    static final int MAX_OUTSTANDING = 256;
    /** Resynchronisations in a row without one good ADU after which the flow is given up. */
    static final int MAX_BAD_IN_A_ROW = 16;

    private final MbapFramer[] framers = {new MbapFramer(), new MbapFramer()};
    private final Map<Integer, ModbusPdu> outstanding = new LinkedHashMap<>();
    private final Direction requests;
    private AppOutput out;
    private Direction direction;
    private int badInARow;
    private final MbapFramer.Sink sink = new MbapFramer.Sink() {
        @Override
        public void adu(byte[] adu, int len, long ts) {
            onAdu(adu, len, ts);
        }

        @Override
        public void badHeader(byte[] header, int len, long ts) {
            badInARow++;
            out.malformed(ModbusProtocol.NAME, "bad mbap header", "protocol id " + MbapFramer.u16(header, 2)
                    + " length " + MbapFramer.u16(header, 4), ts, header, 0, len);
        }
    };

    /** @param requests the direction requests travel in (towards the server) */
    ModbusAnalyzer(Direction requests) {
        this.requests = requests;
    }

    @Override
    public void data(Direction direction, byte[] data, int off, int len, long timestampNanos, AppOutput out) {
        this.out = out;
        this.direction = direction;
        framers[direction.ordinal()].data(data, off, len, timestampNanos, sink);
    }

    @Override
    public void gap(Direction direction, long missing, long timestampNanos, AppOutput out) {
        framers[direction.ordinal()].gap();
    }

    @Override
    public void end(long timestampNanos, AppOutput out) {
        for (ModbusPdu request : outstanding.values()) {
            out.event(ModbusEvents.transaction(request, null));
        }
        outstanding.clear();
    }

    @Override
    public boolean wantsMore() {
        return badInARow < MAX_BAD_IN_A_ROW;
    }

    private void onAdu(byte[] adu, int len, long ts) {
        boolean request = direction == requests;
        ModbusParser.Result r = ModbusParser.parse(adu, len, request, ts);
        if (r.pdu() == null) {
            out.malformed(ModbusProtocol.NAME, r.error(), r.detail(), ts, adu, 0, len);
            return;
        }
        badInARow = 0;
        ModbusPdu pdu = r.pdu();
        if (request) {
            ModbusPdu replaced = outstanding.remove(pdu.transactionId());
            if (replaced != null) {
                out.event(ModbusEvents.transaction(replaced, null));
            }
            if (outstanding.size() >= MAX_OUTSTANDING) {
                Iterator<ModbusPdu> oldest = outstanding.values().iterator();
                out.event(ModbusEvents.transaction(oldest.next(), null));
                oldest.remove();
            }
            outstanding.put(pdu.transactionId(), pdu);
            return;
        }
        ModbusPdu req = outstanding.remove(pdu.transactionId());
        if (req != null && (req.functionCode() != pdu.functionCode() || req.unitId() != pdu.unitId())) {
            out.event(ModbusEvents.transaction(req, null));
            req = null;
        }
        out.event(ModbusEvents.transaction(req, pdu));
    }
}
