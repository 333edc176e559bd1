package org.fenghuo.collectors.pcap.app.iec104;

import java.util.Locale;
import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.events.SecurityEvent;

/** One event per APDU, I-, S- and U-format alike: session control matters as much as data. */
final class Iec104Analyzer implements AppAnalyzer {
    private static final String FIELD = "fenghuo.ics.iec104.";
    private final ApduFramer[] framers = {new ApduFramer(), new ApduFramer()};

    @Override
    public void data(Direction direction, byte[] data, int off, int len, long ts, AppOutput out) {
        framers[direction.ordinal()].feed(data, off, len, ts, out, (apdu, when) -> out.event(event(apdu, when)));
    }

    @Override
    public void gap(Direction direction, long missing, long ts, AppOutput out) {
        framers[direction.ordinal()].gap();
    }

    @Override
    public boolean wantsMore() {
        return framers[0].alive() || framers[1].alive();
    }

    static AppEvent event(Apdu a, long ts) {
        return switch (a.format()) {
            case 'U' -> AppEvent.of(ts, Iec104Protocol.NAME,
                            "iec104-" + a.uFunction().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .withIcs(new SecurityEvent.Ics(Iec104Protocol.NAME, null, null, a.uFunction(), null, null, null, null))
                    .withField(FIELD + "apci", "U")
                    .withField(FIELD + "u_function", a.uFunction());
            case 'S' -> AppEvent.of(ts, Iec104Protocol.NAME, "iec104-supervisory")
                    .withIcs(new SecurityEvent.Ics(Iec104Protocol.NAME, null, null, "S", null, null, null, null))
                    .withField(FIELD + "apci", "S")
                    .withField(FIELD + "recv_seq", a.recvSeq());
            default -> information(a, ts);
        };
    }

    private static AppEvent information(Apdu a, long ts) {
        String type = Iec104Names.type(a.typeId());
        String cause = Iec104Names.cause(a.cause());
        String exception = a.negative() ? "negative confirm" + (Iec104Names.rejection(a.cause()) ? ": " + cause : "")
                : Iec104Names.rejection(a.cause()) ? cause : null;
        return AppEvent.of(ts, Iec104Protocol.NAME, "iec104-" + type.toLowerCase(Locale.ROOT))
                .withIcs(new SecurityEvent.Ics(Iec104Protocol.NAME, Integer.toString(a.commonAddress()), a.typeId(),
                        type, Iec104Names.write(a.typeId()), exception, a.firstIoa() < 0 ? null : a.firstIoa(),
                        (long) a.objects()))
                .withField(FIELD + "apci", "I")
                .withField(FIELD + "send_seq", a.sendSeq())
                .withField(FIELD + "recv_seq", a.recvSeq())
                .withField(FIELD + "cot", cause)
                .withField(FIELD + "cot_code", a.cause())
                .withField(FIELD + "negative", a.negative() ? Boolean.TRUE : null)
                .withField(FIELD + "test", a.test() ? Boolean.TRUE : null)
                .withField(FIELD + "sq", a.sequence() ? Boolean.TRUE : null)
                .withField(FIELD + "originator", a.originator() == 0 ? null : a.originator());
    }
}
