package org.fenghuo.collectors.pcap.app;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.fenghuo.collectors.input.DeadLetterSink;
import org.fenghuo.collectors.pcap.decode.PacketView;
import org.fenghuo.collectors.pcap.flow.FlowContext;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/**
 * Runs after the flow table on every decoded packet: recognises each flow's application protocol
 * from its ports and first payload, puts TCP streams back in order and feeds the protocol's
 * analyzer, whose findings become ECS events linked to the flow. A flow that no protocol claims
 * costs one field read per packet after its first payloads. Single-threaded, like the flow table.
 */
public final class AppLayer {
    /** Held out-of-order TCP bytes per direction before a hole is skipped. */
    static final int MAX_HELD_BYTES = 256 * 1024;
    /** Held out-of-order TCP bytes of all flows together (see {@link HeldBudget}). */
    static final long MAX_HELD_BYTES_TOTAL = 64L * 1024 * 1024;
    /** Payload chunks (both directions) a flow may show before it is declared unrecognised. */
    static final int DETECTION_CHUNKS = 6;
    /**
     * Unrecognised TCP bytes kept per direction so a protocol can be recognised from a start
     * that came in several segments ("G", "ET / HTTP/1.1...").
     */
    static final int DETECTION_BYTES = 4096;
    /** Below this many bytes of a start, the chunk limit does not yet give up on a flow. */
    static final int MIN_DETECTION_BYTES = 32;
    /** Enough of bad application data to see what it was. */
    static final int MAX_DEAD_LETTER_BYTES = 256;

    private static final Object UNRECOGNISED = new Object();

    private final AppProtocols protocols;
    private final AppEventMapper mapper;
    private final Consumer<SecurityEvent> events;
    private final DeadLetterSink deadLetters;
    private final String input;
    private final String origin;
    private final AppStats stats = new AppStats();
    private final Output output = new Output();
    private final HeldBudget heldBudget = new HeldBudget(MAX_HELD_BYTES_TOTAL);

    /** Per-flow state, in the flow's app-state slot. */
    private static final class FlowApp implements TcpStream.Receiver {
        /** Null for UDP, and once the analyzer wants no more bytes (held segments are let go). */
        TcpStream[] streams;
        int chunksSeen;
        /** TCP only: each direction's stream so far while no protocol is recognised. */
        byte[][] prefix;
        int[] prefixLength;
        AppProtocol protocol;
        AppAnalyzer analyzer;
        long sequence;
        /** What the flow's events share, built at its first event. */
        AppEventMapper.FlowParts eventParts;
        Direction receiving;
        Output out;
        AppLayer layer;
        FlowContext flow;

        FlowApp(boolean tcp, HeldBudget budget) {
            streams = tcp ? new TcpStream[] {new TcpStream(MAX_HELD_BYTES, budget), new TcpStream(MAX_HELD_BYTES, budget)}
                    : null;
        }

        /** Lets go of the streams and what they hold (analysis of this flow is over). */
        void releaseStreams(AppStats stats) {
            if (streams != null) {
                stats.discarded(streams[0].discarded() + streams[1].discarded());
                streams[0].release();
                streams[1].release();
                streams = null;
            }
        }

        @Override
        public void bytes(byte[] data, int off, int len, long ts) {
            layer.payload(this, flow, receiving, data, off, len, ts);
        }

        @Override
        public void gap(long missing, long ts) {
            layer.stats.gap(missing);
            if (analyzer != null && analyzer.wantsMore() && flow.appState() == this) {
                try {
                    analyzer.gap(receiving, missing, ts, out);
                } catch (SinkFailure e) {
                    throw e;
                } catch (RuntimeException e) {
                    layer.analyzerFailed(this, e, ts);
                }
            }
        }
    }

    /**
     * @param input  {@code fenghuo.input} and the dead letters' input name
     * @param origin where the packets came from (file path, interface), for dead letters
     */
    public AppLayer(AppProtocols protocols, String input, String origin, Consumer<SecurityEvent> events,
                    DeadLetterSink deadLetters) {
        this.protocols = Objects.requireNonNull(protocols, "protocols");
        this.input = input;
        this.origin = origin;
        this.mapper = new AppEventMapper(input);
        this.events = Objects.requireNonNull(events, "events");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /** One decoded packet, after the flow table counted it into {@code flow}. */
    public void packet(PacketView p, FlowContext flow, boolean fromInitiator) {
        try {
            analyse(p, flow, fromInitiator);
        } catch (SinkFailure e) {
            throw e.unwrap();
        } catch (RuntimeException e) {
            // a bug of the layer itself (not an analyzer's): keep the evidence, give up on this flow only
            layerFailed(flow, e, p.timestampNanos());
        }
    }

    private void analyse(PacketView p, FlowContext flow, boolean fromInitiator) {
        Object state = flow.appState();
        if (state == UNRECOGNISED || protocols.protocols().isEmpty()) {
            return;
        }
        int proto = p.protocol();
        if (proto != 6 && proto != 17) {
            return;
        }
        FlowApp app = (FlowApp) state;
        if (app == null) {
            if (p.payloadLength() == 0 && proto == 17) {
                return;
            }
            app = new FlowApp(proto == 6, heldBudget);
            app.layer = this;
            app.out = output;
            flow.appState(app);
        } else if (app.analyzer != null && !app.analyzer.wantsMore()) {
            app.releaseStreams(stats);
            return;
        }
        app.flow = flow;
        Direction dir = fromInitiator ? Direction.TO_RESPONDER : Direction.TO_INITIATOR;
        app.receiving = dir;
        output.flow = flow;
        output.app = app;
        if (proto == 6) {
            if (app.streams != null) {
                app.streams[dir.ordinal()].segment(p.tcpSeq(), p.tcpFlags(), p.data(), p.payloadOffset(),
                        p.payloadLength(), Math.max(p.payloadLength(), p.segmentPayloadLength()), p.timestampNanos(), app);
            }
        } else if (p.payloadLength() > 0) {
            payload(app, flow, dir, p.data(), p.payloadOffset(), p.payloadLength(), p.timestampNanos());
        }
    }

    /** The flow table ended {@code flow}: flush its analyzer. Pass as the table's end hook. */
    public void flowEnded(FlowContext flow) {
        try {
            end(flow);
        } catch (SinkFailure e) {
            throw e.unwrap();
        } catch (RuntimeException e) {
            layerFailed(flow, e, flow.lastSeenNanos());
        } finally {
            abandon(flow, null);
        }
    }

    private void end(FlowContext flow) {
        if (!(flow.appState() instanceof FlowApp app)) {
            return;
        }
        output.flow = flow;
        output.app = app;
        app.flow = flow;
        for (Direction d : Direction.values()) {
            // what one direction's finish delivers can end the layer's interest in the flow (given
            // up as unrecognised, or the analyzer wants no more), which lets the streams go
            if (app.streams == null || flow.appState() != app) {
                break;
            }
            app.receiving = d;
            app.streams[d.ordinal()].finish(flow.lastSeenNanos(), app);
        }
        app.releaseStreams(stats);
        if (app.analyzer != null && flow.appState() == app) {
            try {
                app.analyzer.end(flow.lastSeenNanos(), output);
            } catch (SinkFailure e) {
                throw e;
            } catch (RuntimeException e) {
                analyzerFailed(app, e, flow.lastSeenNanos());
            }
        }
    }

    public AppStats stats() {
        return stats;
    }

    private void payload(FlowApp app, FlowContext flow, Direction dir, byte[] data, int off, int len, long ts) {
        if (app.analyzer == null) {
            int d = dir.ordinal();
            boolean accumulated = app.streams != null && app.prefixLength != null && app.prefixLength[d] > 0;
            byte[] chunk = data;
            int rest = off;
            int restLength = 0;
            if (accumulated) {
                int taken = append(app, d, data, off, len);
                rest = off + taken;
                restLength = len - taken;
                data = app.prefix[d];
                off = 0;
                len = app.prefixLength[d];
            }
            AppProtocol match = protocols.match(flow.protocol(), flow.initiatorPort(), flow.responderPort(), dir, data,
                    off, len);
            if (match == null) {
                // a TCP start dribbled out a few bytes a segment still gets its chance; datagrams do not
                boolean enoughSeen = len >= MIN_DETECTION_BYTES || app.streams == null;
                if ((++app.chunksSeen >= DETECTION_CHUNKS && enoughSeen) || len >= DETECTION_BYTES) {
                    abandon(flow, UNRECOGNISED);
                } else if (app.streams != null && !accumulated) {
                    append(app, d, data, off, len);
                }
                return;
            }
            app.protocol = match;
            app.analyzer = match.newAnalyzer(flow);
            flow.appProtocol(match.name());
            stats.flow(match.name());
            if (app.prefixLength != null) {
                // the other direction's unrecognised start is given first, as it came earlier
                int other = dir.reverse().ordinal();
                if (app.prefixLength[other] > 0) {
                    feed(app, dir.reverse(), app.prefix[other], 0, app.prefixLength[other], ts);
                }
                app.prefix = null;
                app.prefixLength = null;
            }
            if (restLength > 0) {
                // the part of this chunk beyond a full detection prefix
                feed(app, dir, data, off, len, ts);
                feed(app, dir, chunk, rest, restLength, ts);
                return;
            }
        }
        feed(app, dir, data, off, len, ts);
    }

    private void feed(FlowApp app, Direction dir, byte[] data, int off, int len, long ts) {
        if (app.analyzer == null || !app.analyzer.wantsMore() || app.flow.appState() != app) {
            return;
        }
        try {
            app.analyzer.data(dir, data, off, len, ts, output);
        } catch (SinkFailure e) {
            throw e;
        } catch (RuntimeException e) {
            analyzerFailed(app, e, ts);
        }
    }

    /** Grows a direction's prefix as bytes come (a few bytes cost a few bytes), up to DETECTION_BYTES. */
    /** @return how many of the {@code len} bytes were kept */
    private static int append(FlowApp app, int d, byte[] data, int off, int len) {
        if (app.prefix == null) {
            app.prefix = new byte[2][];
            app.prefixLength = new int[2];
        }
        int n = Math.min(len, DETECTION_BYTES - app.prefixLength[d]);
        int needed = app.prefixLength[d] + n;
        if (app.prefix[d] == null || app.prefix[d].length < needed) {
            int size = Math.min(DETECTION_BYTES, Math.max(needed, app.prefix[d] == null ? 64 : app.prefix[d].length * 2));
            app.prefix[d] = app.prefix[d] == null ? new byte[size] : Arrays.copyOf(app.prefix[d], size);
        }
        System.arraycopy(data, off, app.prefix[d], app.prefixLength[d], n);
        app.prefixLength[d] += n;
        return n;
    }

    private void layerFailed(FlowContext flow, RuntimeException e, long ts) {
        output.flow = flow;
        stats.malformed("app", "layer failure");
        String text = "app layer failure: " + e + " (flow " + flow.flowId() + ")";
        deadLetters.deadLetter(DeadLetter.of(instant(ts), input, origin + "#flow-" + flow.flowId(), -1, text,
                new byte[0], 0));
        abandon(flow, UNRECOGNISED);
    }

    /** Ends the layer's interest in a flow: held TCP data goes back to the budget, the state is replaced. */
    private void abandon(FlowContext flow, Object newState) {
        if (flow.appState() instanceof FlowApp app) {
            app.releaseStreams(stats);
        }
        flow.appState(newState);
    }

    /**
     * The event sink failed (stdout closed, disk full, Kafka refused): not the analyzer's fault, so
     * it is carried past the analyzer's guard and out of the layer unchanged.
     */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException unwrap() {
            return (RuntimeException) getCause();
        }
    }

    /** An analyzer broke its contract: keep the evidence, stop analysing this flow, go on with the capture. */
    private void analyzerFailed(FlowApp app, RuntimeException e, long ts) {
        output.malformed(app.protocol.name(), "analyzer failure", e.toString(), ts, new byte[0], 0, 0);
        abandon(app.flow, UNRECOGNISED);
    }

    private final class Output implements AppOutput {
        FlowContext flow;
        FlowApp app;

        @Override
        public void event(AppEvent event) {
            stats.event(event.protocol());
            app.eventParts = mapper.flowParts(flow, event.protocol(), app.eventParts);
            SecurityEvent mapped = mapper.toEvent(event, app.eventParts, app.sequence++);
            try {
                events.accept(mapped);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        }

        @Override
        public void malformed(String protocol, String reason, String detail, long ts, byte[] data, int off, int len) {
            stats.malformed(protocol, reason);
            String text = protocol + " " + reason + (detail == null || detail.isEmpty() ? "" : ": " + detail)
                    + " (flow " + flow.flowId() + " " + flow.initiatorIp() + ":" + flow.initiatorPort() + " -> "
                    + flow.responderIp() + ":" + flow.responderPort() + ")";
            int end = Math.max(off, Math.min(off + len, data.length));
            deadLetters.deadLetter(DeadLetter.of(instant(ts), input, origin + "#flow-" + flow.flowId(), -1, text,
                    Arrays.copyOfRange(data, Math.min(off, end), end), MAX_DEAD_LETTER_BYTES));
        }
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
