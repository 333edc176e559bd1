package org.fenghuo.collectors.pcap.app.dns;

import org.fenghuo.collectors.pcap.app.AppAnalyzer;
import org.fenghuo.collectors.pcap.app.AppOutput;
import org.fenghuo.collectors.pcap.app.Direction;

/**
 * One DNS flow: each UDP datagram is one message; on TCP each direction is framed by
 * {@link DnsTcpFramer}. Every message becomes one event, or one dead letter when it does not
 * parse; either way the next message is read.
 */
final class DnsAnalyzer implements AppAnalyzer {
    /** Created on the first TCP byte: a UDP flow never needs framing state. */
    private DnsTcpFramer[] framers;
    private final boolean tcp;
    /** The current call's output, for {@link #message} when the framer calls it back. */
    private AppOutput out;
    private final DnsTcpFramer.Sink sink = this::message;

    DnsAnalyzer(boolean tcp) {
        this.tcp = tcp;
    }

    @Override
    public void data(Direction direction, byte[] data, int off, int len, long ts, AppOutput out) {
        this.out = out;
        if (!tcp) {
            message(data, off, len, ts);
            return;
        }
        framer(direction).data(data, off, len, ts, sink);
    }

    @Override
    public void gap(Direction direction, long missing, long ts, AppOutput out) {
        if (tcp) {
            framer(direction).gap(missing);
        }
    }

    @Override
    public void end(long ts, AppOutput out) {
        if (framers == null) {
            return;
        }
        for (DnsTcpFramer f : framers) {
            if (f != null && f.partial()) {
                byte[] held = f.held();
                out.malformed("dns", "truncated message", "the flow ended inside a TCP message", ts, held, 0, held.length);
            }
        }
    }

    @Override
    public boolean wantsMore() {
        return framers == null || !(framer(Direction.TO_RESPONDER).lost() && framer(Direction.TO_INITIATOR).lost());
    }

    private DnsTcpFramer framer(Direction d) {
        if (framers == null) {
            framers = new DnsTcpFramer[2];
        }
        DnsTcpFramer f = framers[d.ordinal()];
        if (f == null) {
            f = framers[d.ordinal()] = new DnsTcpFramer();
        }
        return f;
    }

    private void message(byte[] data, int off, int len, long ts) {
        DnsMessage m;
        try {
            m = DnsParser.parse(data, off, len);
        } catch (DnsParseException e) {
            out.malformed("dns", e.reason(), e.getMessage(), ts, data, off, len);
            return;
        }
        out.event(DnsEvents.event(m, ts));
    }
}
