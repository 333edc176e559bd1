package org.fenghuo.collectors.pcap.app.s7comm;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.events.SecurityEvent;

/**
 * TPKT framing, COTP connection and DT reassembly, then S7comm PDUs paired request with response
 * by PDU reference: one event per pair, or per PDU when its partner never shows.
 */
final class S7commAnalyzer implements AppAnalyzer {
    /** Requests awaiting their response; beyond this the oldest is reported unanswered. */
    static final int MAX_PENDING = 64;
    /** Largest S7 PDU reassembled from COTP DT fragments. */
    static final int MAX_COTP_BYTES = 64 * 1024;
    static final int PLUS_PROTOCOL_ID = 0x72;
    private static final String FIELD = "fenghuo.ics.s7comm.";

    private record Held(S7Pdu pdu, Direction direction, long timestampNanos) {
    }

    /** One direction's framing and COTP reassembly. */
    private static final class Side {
        final TpktFramer framer = new TpktFramer();
        byte[] cotp = new byte[0];
        int cotpLength;
        boolean overflow;
    }

    private final Side[] sides = {new Side(), new Side()};
    private final Map<Integer, Held> pending = new LinkedHashMap<>();
    private Cotp.Connect connectRequest;
    private long connectTime;
    private Direction connectDirection;
    private String rackSlot;
    private boolean sawS7;
    private boolean foreign;
    private Direction current;
    private AppOutput out;
    /** One sink per analyzer, not a method reference per call (see IndexedEntrySet on lambdas under C1). */
    private final TpktFramer.Sink tpktSink = this::tpkt;

    @Override
    public void data(Direction direction, byte[] data, int off, int len, long ts, AppOutput output) {
        current = direction;
        out = output;
        sides[direction.ordinal()].framer.feed(data, off, len, ts, output, tpktSink);
    }

    @Override
    public void gap(Direction direction, long missing, long ts, AppOutput output) {
        Side side = sides[direction.ordinal()];
        side.framer.gap();
        side.cotpLength = 0;
        side.overflow = false;
    }

    @Override
    public void end(long ts, AppOutput output) {
        out = output;
        if (connectRequest != null) {
            connectEvent(connectRequest, connectTime, null);
            connectRequest = null;
        }
        for (Held h : pending.values()) {
            emit(h.pdu(), null, h.timestampNanos());
        }
        pending.clear();
    }

    @Override
    public boolean wantsMore() {
        return !foreign && (sides[0].framer.alive() || sides[1].framer.alive());
    }

    private void tpkt(byte[] t, int length, long ts) {
        if (foreign) {
            return;
        }
        int li = t[4] & 0xFF;
        if (li < 2 || 5 + li > length) {
            out.malformed(S7commProtocol.NAME, "bad cotp length", "li " + li + " in tpkt of " + length, ts, t, 0, length);
            return;
        }
        int type = Cotp.type(t[5] & 0xFF);
        switch (type) {
            case Cotp.DT -> dataTpdu(t, 5 + li, length, (t[6] & Cotp.EOT) != 0, ts);
            case Cotp.CR, Cotp.CC -> connect(type, t, li, length, ts);
            case Cotp.DR, Cotp.DC, Cotp.ER -> disconnect(type, ts);
            default -> {
                // expedited data, acknowledgements, rejects: nothing S7 carries
            }
        }
    }

    private void connect(int type, byte[] t, int li, int length, long ts) {
        if (li < 6) {
            out.malformed(S7commProtocol.NAME, "short cotp connect", "li " + li, ts, t, 0, length);
            return;
        }
        Cotp.Connect c = Cotp.Connect.parse(t, 11, 5 + li);
        if (type == Cotp.CR) {
            if (connectRequest != null) {
                connectEvent(connectRequest, connectTime, null);
            }
            connectRequest = c;
            connectTime = ts;
            connectDirection = current;
            if (c.rackSlot() != null) {
                rackSlot = c.rackSlot();
            }
        } else if (connectRequest != null && connectDirection != current) {
            connectEvent(connectRequest, ts, "success");
            connectRequest = null;
        } else {
            // a confirm without its request (capture started late): its TSAPs are the same pair
            if (c.rackSlot() != null && rackSlot == null) {
                rackSlot = c.rackSlot();
            }
            connectEvent(c, ts, "success");
        }
    }

    private void disconnect(int type, long ts) {
        if (connectRequest != null && connectDirection != current) {
            connectEvent(connectRequest, ts, "failure");
            connectRequest = null;
        }
        String action = type == Cotp.ER ? "s7comm-cotp-error" : "s7comm-cotp-disconnect";
        out.event(AppEvent.of(ts, S7commProtocol.NAME, action).withIcs(ics(null, action.substring(7), null, null,
                null, null)));
    }

    private void connectEvent(Cotp.Connect c, long ts, String outcome) {
        out.event(AppEvent.of(ts, S7commProtocol.NAME, "s7comm-cotp-connect").withOutcome(outcome)
                .withIcs(ics(null, "cotp-connect", null, null, null, null))
                .withField(FIELD + "src_tsap", c.srcTsap())
                .withField(FIELD + "dst_tsap", c.dstTsap())
                .withField(FIELD + "tpdu_size", c.tpduSize() < 0 ? null : c.tpduSize()));
    }

    private void dataTpdu(byte[] t, int start, int end, boolean eot, long ts) {
        Side side = sides[current.ordinal()];
        int n = end - start;
        if (eot && side.cotpLength == 0 && !side.overflow) {
            payload(t, start, n, ts);
            return;
        }
        if (!side.overflow) {
            if (side.cotpLength + n > MAX_COTP_BYTES) {
                out.malformed(S7commProtocol.NAME, "cotp reassembly too long", (side.cotpLength + n) + " bytes", ts, t,
                        start, n);
                side.overflow = true;
                side.cotpLength = 0;
            } else {
                if (side.cotp.length < side.cotpLength + n) {
                    side.cotp = Arrays.copyOf(side.cotp, Math.max(side.cotpLength + n, side.cotp.length * 2));
                }
                System.arraycopy(t, start, side.cotp, side.cotpLength, n);
                side.cotpLength += n;
            }
        }
        if (eot) {
            if (!side.overflow) {
                payload(side.cotp, 0, side.cotpLength, ts);
            }
            side.overflow = false;
            side.cotpLength = 0;
        }
    }

    private void payload(byte[] b, int off, int len, long ts) {
        if (len == 0) {
            return;
        }
        int id = b[off] & 0xFF;
        if (id == PLUS_PROTOCOL_ID) {
            sawS7 = true;
            plus(b, off, len, ts);
            return;
        }
        if (id != S7Parser.PROTOCOL_ID && !sawS7) {
            foreign = true; // ISO-on-TCP carrying something else (MMS, ...): not ours
            return;
        }
        try {
            S7Pdu pdu = S7Parser.parse(b, off, len);
            sawS7 = true;
            pdu(pdu, ts);
        } catch (S7Parser.Malformed e) {
            out.malformed(S7commProtocol.NAME, e.reason, e.getMessage(), ts, b, off, len);
        }
    }

    private void plus(byte[] b, int off, int len, long ts) {
        int version = len > 1 ? b[off + 1] & 0xFF : -1;
        Integer opcode = len > 4 && version >= 1 && version <= 2 ? b[off + 4] & 0xFF : null;
        out.event(AppEvent.of(ts, S7commProtocol.NAME, "s7commplus-pdu")
                .withIcs(ics(null, "s7commplus", null, null, null, null))
                .withField(FIELD + "plus_version", version < 0 ? null : version)
                .withField(FIELD + "plus_opcode", opcode));
    }

    private void pdu(S7Pdu pdu, long ts) {
        int key = pdu.pduRef() | (pdu.userdata() ? 1 << 16 : 0);
        if (pdu.userdata() && pdu.userdataType() == 0) {
            emit(pdu, null, ts); // push: cyclic data, alarms; nothing answers it
        } else if (pdu.response()) {
            Held h = pending.get(key);
            if (h != null && h.direction() != current) {
                pending.remove(key);
                emit(h.pdu(), pdu, ts);
            } else {
                emit(null, pdu, ts);
            }
        } else {
            Held old = pending.remove(key);
            if (old != null) {
                emit(old.pdu(), null, old.timestampNanos());
            }
            pending.put(key, new Held(pdu, current, ts));
            if (pending.size() > MAX_PENDING) {
                Iterator<Held> eldest = pending.values().iterator();
                Held h = eldest.next();
                eldest.remove();
                emit(h.pdu(), null, h.timestampNanos());
            }
        }
    }

    private void emit(S7Pdu request, S7Pdu response, long ts) {
        S7Pdu main = request != null ? request : response;
        boolean userdata = main.userdata();
        int code;
        String name;
        boolean write;
        if (userdata) {
            code = main.subfunction();
            name = S7Names.subfunction(main.group(), code);
            write = S7Names.userdataWrites(main.group(), code);
        } else {
            code = main.function() >= 0 || response == null ? main.function() : response.function();
            name = code >= 0 ? S7Names.function(code) : S7Names.rosctr(main.rosctr());
            write = code >= 0 && S7Names.writes(code);
        }
        String exception = response != null ? response.error() : null;
        int items = main.itemCount() >= 0 || response == null ? main.itemCount() : response.itemCount();
        boolean db = main.area() == 0x84 || main.area() == 0x85;
        AppEvent e = AppEvent.of(ts, S7commProtocol.NAME, "s7comm-" + name)
                .withOutcome(response == null ? null : exception == null ? "success" : "failure")
                .withIcs(ics(code < 0 ? null : code, name, write, exception,
                        main.byteAddress() < 0 ? null : main.byteAddress(), items < 0 ? null : (long) items))
                .withField(FIELD + "rosctr", S7Names.rosctr(main.rosctr()))
                .withField(FIELD + "response_rosctr", request != null && response != null
                        ? S7Names.rosctr(response.rosctr()) : null)
                .withField(FIELD + "pdu_ref", main.pduRef())
                .withField(FIELD + "area", main.area() < 0 ? null : S7Names.area(main.area()))
                .withField(FIELD + "db_number", db ? main.dbNumber() : null)
                .withField(FIELD + "transport_size", main.transportSize() < 0 ? null : main.transportSize());
        if (response != null && response.errorClass() >= 0) {
            e = e.withField(FIELD + "error_class", response.errorClass())
                    .withField(FIELD + "error_code", response.errorCode());
        }
        if (response != null && response.returnCode() >= 0) {
            e = e.withField(FIELD + "return_code", response.returnCode());
        }
        if (userdata) {
            e = e.withField(FIELD + "userdata_group", S7Names.group(main.group()))
                    .withField(FIELD + "userdata_subfunction", name)
                    .withField(FIELD + "userdata_type", main.userdataType() == 0 ? "push"
                            : main.userdataType() == 4 ? "request" : main.userdataType() == 8 ? "response"
                            : Integer.toString(main.userdataType()));
        }
        String detail = main.detail() != null ? main.detail() : response != null ? response.detail() : null;
        if (detail != null) {
            String field = userdata ? "szl" : code == S7Names.FN_PI_SERVICE || code == S7Names.FN_PLC_STOP
                    ? "pi_service" : "block";
            e = e.withField(FIELD + field, detail);
        }
        int pduLength = response != null && response.pduLength() >= 0 ? response.pduLength() : main.pduLength();
        out.event(e.withField(FIELD + "pdu_length", pduLength < 0 ? null : pduLength));
    }

    private SecurityEvent.Ics ics(Integer code, String function, Boolean write, String exception, Long address,
                                  Long quantity) {
        return new SecurityEvent.Ics(S7commProtocol.NAME, rackSlot, code, function, write, exception, address, quantity);
    }
}
