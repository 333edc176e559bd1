package org.fenghuo.collectors.pcap.app.dnp3;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppEvent;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.app.Direction;
import org.fenghuo.events.SecurityEvent;

/**
 * One DNP3 flow: per direction, link frames ({@link LinkFramer}), then application fragments
 * ({@link TransportReassembler}), then one event per fragment.
 */
final class Dnp3Analyzer implements AppAnalyzer {
    static final String PREFIX = "fenghuo.ics.dnp3.";

    private final LinkFramer[] framers = {new LinkFramer(), new LinkFramer()};
    private final TransportReassembler[] transports = {new TransportReassembler(), new TransportReassembler()};
    private AppOutput out;
    private int current;

    private final LinkFramer.Sink linkSink = new LinkFramer.Sink() {
        @Override
        public void frame(LinkFrame frame) {
            if (frame.carriesUserData()) {
                transports[current].segment(frame, transportSink);
            }
        }

        @Override
        public void malformed(String reason, String detail, byte[] data, int off, int len, long ts) {
            out.malformed(Dnp3Protocol.NAME, reason, detail, ts, data, off, len);
        }
    };

    private final TransportReassembler.Sink transportSink = new TransportReassembler.Sink() {
        @Override
        public void fragment(LinkFrame last, byte[] data, int len) {
            AppFragment f = ApplicationParser.parse(data, len);
            if (f == null) {
                out.malformed(Dnp3Protocol.NAME, "short fragment", len + " bytes", last.timestampNanos(), data, 0, len);
                return;
            }
            out.event(event(last, f));
        }

        @Override
        public void malformed(String reason, String detail, byte[] data, int off, int len, long ts) {
            out.malformed(Dnp3Protocol.NAME, reason, detail, ts, data, off, len);
        }
    };

    @Override
    public void data(Direction direction, byte[] data, int off, int len, long timestampNanos, AppOutput out) {
        this.out = out;
        this.current = direction.ordinal();
        framers[current].data(data, off, len, timestampNanos, linkSink);
    }

    @Override
    public void gap(Direction direction, long missing, long timestampNanos, AppOutput out) {
        framers[direction.ordinal()].gap();
        transports[direction.ordinal()].reset();
    }

    @Override
    public boolean wantsMore() {
        return true;
    }

    static AppEvent event(LinkFrame link, AppFragment f) {
        String name = Dnp3Functions.name(f.function());
        String exception = f.iin() == null ? null : Dnp3Functions.exception(f.iin());
        boolean response = Dnp3Functions.response(f.function());
        AppEvent e = AppEvent.of(link.timestampNanos(), Dnp3Protocol.NAME, "dnp3-" + name.replace('_', '-'))
                .withIcs(new SecurityEvent.Ics(Dnp3Protocol.NAME, Integer.toString(link.destination()), f.function(),
                        name, !response && Dnp3Functions.write(f.function()), exception, f.firstIndex(),
                        f.firstCount()))
                .withField(PREFIX + "source", link.source())
                .withField(PREFIX + "link_function", link.functionName())
                .withField(PREFIX + "application_sequence", f.sequence());
        if (response) {
            e = e.withOutcome(exception == null ? "success" : "failure");
            if (f.iin() != 0) {
                e = e.withField(PREFIX + "iin", Dnp3Functions.iin(f.iin()));
            }
        }
        if (f.unsolicited()) {
            e = e.withField(PREFIX + "unsolicited", true);
        }
        if (!f.objects().isEmpty()) {
            e = e.withField(PREFIX + "objects", f.objects());
        }
        return e.withField(PREFIX + "objects_incomplete", f.stoppedAt());
    }
}
