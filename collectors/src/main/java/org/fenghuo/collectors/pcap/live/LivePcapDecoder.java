package org.fenghuo.collectors.pcap.live;

import org.fenghuo.collectors.pcap.PacketPipeline;

import java.util.Objects;
import java.util.function.Consumer;

import org.fenghuo.collectors.input.DeadLetterSink;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.AppStats;
import org.fenghuo.collectors.pcap.decode.DecodeStats;
import org.fenghuo.collectors.pcap.flow.FlowStats;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.events.SecurityEvent;

/**
 * An interface to events, as {@code PcapFileDecoder} does for a file: live capture -> decode ->
 * flow table (flow events) -> application layer (protocol events). Read timeouts advance the flow
 * clock, so flows on a quiet link still end by idle timeout; on stop every open flow is flushed
 * ({@code END_OF_CAPTURE}). Malformed packets become dead letters. One run per instance;
 * {@link #run} blocks the calling thread, {@link #stop} may be called from any thread.
 */
public final class LivePcapDecoder {
    /** What one live capture gave. */
    public record Result(LiveCaptureStats capture, DecodeStats decode, FlowStats flows, AppStats app,
                         long events, long deadLetters) {
        /** One line for the CLI's stderr. */
        public String toStatusLine() {
            return capture.toStatusLine()
                    + " decoded=" + decode.decoded() + " not_ip=" + decode.notIpTotal()
                    + " malformed=" + decode.malformedTotal()
                    + (decode.malformedTotal() > 0 ? " " + decode.malformedByReason() : "")
                    + " " + decode.fragmentsStatus()
                    + " flows=" + flows.created() + " evicted=" + flows.evicted()
                    + " events=" + events + (app.eventsTotal() > 0 ? " (" + app.eventsLine() + ")" : "")
                    + (app.malformedTotal() > 0 ? " app_malformed=" + app.malformedTotal() : "")
                    + (app.tcpGaps() > 0 ? " tcp_gaps=" + app.tcpGaps() : "")
                    + (app.tcpDiscarded() > 0 ? " tcp_discarded=" + app.tcpDiscarded() : "")
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
        PacketPipeline pipeline = new PacketPipeline(flowConfig, protocols, input, origin, events, deadLetters);
        LiveCaptureStats stats = capture.run(pipeline, pipeline::tick);
        pipeline.finish();
        return new Result(stats, pipeline.decodeStats(), pipeline.flowStats(), pipeline.appStats(), pipeline.events(),
                pipeline.deadLetters());
    }
}
