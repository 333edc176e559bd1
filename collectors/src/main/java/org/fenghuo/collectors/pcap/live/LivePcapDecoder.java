package org.fenghuo.collectors.pcap.live;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

import org.fenghuo.collectors.input.DeadLetterSink;
import org.fenghuo.collectors.pcap.app.AppLayer;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.AppStats;
import org.fenghuo.collectors.pcap.decode.DecodeResult;
import org.fenghuo.collectors.pcap.decode.DecodeStats;
import org.fenghuo.collectors.pcap.decode.PacketDecoder;
import org.fenghuo.collectors.pcap.flow.FlowEventMapper;
import org.fenghuo.collectors.pcap.flow.FlowStats;
import org.fenghuo.collectors.pcap.flow.FlowTable;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/**
 * An interface to events, as {@code PcapFileDecoder} does for a file: live capture -> decode ->
 * flow table (flow events) -> application layer (protocol events). Read timeouts advance the flow
 * clock, so flows on a quiet link still end by idle timeout; on stop every open flow is flushed
 * ({@code END_OF_CAPTURE}). Malformed packets become dead letters. One run per instance;
 * {@link #run} blocks the calling thread, {@link #stop} may be called from any thread.
 */
public final class LivePcapDecoder {
    /** Enough of a bad packet to see what it was, without storing whole jumbo frames. */
    static final int MAX_DEAD_LETTER_BYTES = 256;
    /** Fragment buffers are expired by capture time every this many packets (and on each tick). */
    private static final int EXPIRY_EVERY = 1024;

    /** What one live capture gave. */
    public record Result(LiveCaptureStats capture, DecodeStats decode, FlowStats flows, AppStats app,
                         long events, long deadLetters) {
        /** One line for the CLI's stderr. */
        public String toStatusLine() {
            return capture.toStatusLine()
                    + " decoded=" + decode.decoded() + " not_ip=" + decode.notIpTotal()
                    + " malformed=" + decode.malformedTotal()
                    + (decode.malformedTotal() > 0 ? " " + decode.malformedByReason() : "")
                    + " flows=" + flows.created() + " evicted=" + flows.evicted()
                    + " events=" + events + (app.eventsTotal() > 0 ? " (" + app.eventsLine() + ")" : "")
                    + (app.malformedTotal() > 0 ? " app_malformed=" + app.malformedTotal() : "")
                    + (app.tcpGaps() > 0 ? " tcp_gaps=" + app.tcpGaps() : "")
                    + " dead_lettered=" + deadLetters;
        }
    }

    private final LiveCaptureConfig captureConfig;
    private final FlowTableConfig flowConfig;
    private final AppProtocols protocols;
    private final Consumer<SecurityEvent> events;
    private final DeadLetterSink deadLetters;
    private volatile LiveCapture capture;
    private volatile boolean stopRequested;

    /**
     * @param events flow events ({@code pcap.flow}) and protocol events, on the capture thread, in
     *               the order they become known
     */
    public LivePcapDecoder(LiveCaptureConfig captureConfig, FlowTableConfig flowConfig, AppProtocols protocols,
                           Consumer<SecurityEvent> events, DeadLetterSink deadLetters) {
        this.captureConfig = Objects.requireNonNull(captureConfig, "captureConfig");
        this.flowConfig = Objects.requireNonNull(flowConfig, "flowConfig");
        this.protocols = Objects.requireNonNull(protocols, "protocols");
        this.events = Objects.requireNonNull(events, "events");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /**
     * Opens the interface now (optional: {@link #run} opens it if not yet), so a caller can report
     * a bad interface, filter or permission before starting a thread, and knows the kernel is
     * capturing once this returns.
     */
    public synchronized void open() throws LiveCaptureException {
        if (capture == null) {
            capture = LiveCapture.open(captureConfig);
            if (stopRequested) {
                capture.stop();
            }
        }
    }

    /** Packets captured so far; readable from any thread. */
    public long packetsCaptured() {
        LiveCapture c = capture;
        return c == null ? 0 : c.packetsDelivered();
    }

    /** Asks {@link #run} to finish: flows are flushed and the result returned. Any thread. */
    public void stop() {
        stopRequested = true;
        LiveCapture c = capture;
        if (c != null) {
            c.stop();
        }
    }

    /** Captures and decodes until {@link #stop} or an interrupt of this thread. */
    public Result run() throws LiveCaptureException {
        open();
        String input = "pcap:live:" + captureConfig.interfaceName();
        String origin = "live:" + captureConfig.interfaceName();
        FlowEventMapper mapper = new FlowEventMapper(input);
        long[] counts = new long[2]; // events, dead letters
        AppLayer app = new AppLayer(protocols, input, origin, event -> {
            events.accept(event);
            counts[0]++;
        }, letter -> {
            deadLetters.deadLetter(letter);
            counts[1]++;
        });
        FlowTable flows = new FlowTable(flowConfig, record -> {
            events.accept(mapper.toEvent(record));
            counts[0]++;
        }, app::flowEnded);
        PacketDecoder decoder = new PacketDecoder();
        long[] packetNumber = {0};
        LiveCaptureStats stats = capture.run((linkType, nanos, wireLength, data, offset, length) -> {
            long number = ++packetNumber[0];
            DecodeResult result = decoder.decode(linkType, nanos, wireLength, data, offset, length);
            if (result == DecodeResult.DECODED) {
                if (flows.process(decoder.view()) != null) {
                    app.packet(decoder.view(), flows.current(), flows.currentFromInitiator());
                }
            } else if (result == DecodeResult.MALFORMED) {
                deadLetters.deadLetter(DeadLetter.of(Instant.ofEpochSecond(0, nanos), input, origin + "#packet" + number,
                        -1, "malformed packet " + number + ": " + decoder.lastMalformedReason(),
                        Arrays.copyOfRange(data, offset, offset + length), MAX_DEAD_LETTER_BYTES));
                counts[1]++;
            }
            if (number % EXPIRY_EVERY == 0) {
                decoder.expireFragments(nanos);
            }
        }, nowNanos -> {
            flows.advanceTo(nowNanos);
            decoder.expireFragments(nowNanos);
        });
        flows.flushAll();
        return new Result(stats, decoder.stats(), flows.stats(), app.stats(), counts[0], counts[1]);
    }
}
