package org.fenghuo.collectors.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import org.fenghuo.collectors.input.DeadLetterSink;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.AppStats;
import org.fenghuo.collectors.pcap.capture.CaptureReader;
import org.fenghuo.collectors.pcap.capture.CaptureStats;
import org.fenghuo.collectors.pcap.decode.DecodeStats;
import org.fenghuo.collectors.pcap.flow.FlowStats;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/**
 * A capture file to events: read (pcap/pcapng) -> decode (link, IP, transport) -> flow table
 * (flow events) -> application layer (protocol events linked to their flow). Malformed packets and broken capture structure become dead letters with the
 * reason; decoding goes on. One file per call; not thread-safe.
 */
public final class PcapFileDecoder {
    /** What one file gave. */
    public record Result(Path file, CaptureStats capture, DecodeStats decode, FlowStats flows, AppStats app,
                         long events, long deadLetters) {
        /** One line for the CLI's stderr. */
        public String toStatusLine() {
            return file + ": packets=" + capture.packets() + " bytes=" + capture.wireBytes()
                    + " decoded=" + decode.decoded() + " not_ip=" + decode.notIpTotal()
                    + " malformed=" + decode.malformedTotal() + (decode.malformedTotal() > 0 ? " " + decode.malformedByReason() : "")
                    + " " + decode.fragmentsStatus()
                    + " flows=" + flows.created() + " evicted=" + flows.evicted()
                    + (flows.idsMaybeShared() > 0 ? " flow_ids_maybe_shared=" + flows.idsMaybeShared() : "")
                     + " events=" + events + (app.eventsTotal() > 0 ? " (" + app.eventsLine() + ")" : "")
                    + (app.malformedTotal() > 0 ? " app_malformed=" + app.malformedTotal() + " " + app.malformedByReason() : "")
                    + (app.tcpGaps() > 0 ? " tcp_gaps=" + app.tcpGaps() : "")
                    + (app.tcpDiscarded() > 0 ? " tcp_discarded=" + app.tcpDiscarded() : "")
                    + " capture_problems=" + capture.problemCount()
                    + (capture.complete() ? "" : " (stopped early at byte " + capture.bytesRead() + ")")
                    + " dead_lettered=" + deadLetters;
        }
    }

    private final FlowTableConfig flowConfig;
    private final AppProtocols protocols;
    private final Consumer<SecurityEvent> events;
    private final DeadLetterSink deadLetters;

    /** Flows only, no application protocols. */
    public PcapFileDecoder(FlowTableConfig flowConfig, Consumer<SecurityEvent> events, DeadLetterSink deadLetters) {
        this(flowConfig, AppProtocols.none(), events, deadLetters);
    }

    /**
     * @param events flow events ({@code event.dataset: pcap.flow}) and protocol events
     *               ({@code pcap.dns}, ...), in the order they become known
     */
    public PcapFileDecoder(FlowTableConfig flowConfig, AppProtocols protocols, Consumer<SecurityEvent> events,
                           DeadLetterSink deadLetters) {
        this.flowConfig = flowConfig;
        this.protocols = protocols;
        this.events = events;
        this.deadLetters = deadLetters;
    }

    /** Decodes {@code in}, the contents of {@code file} (named in events and dead letters). */
    public Result decode(Path file, InputStream in) throws IOException {
        String input = "pcap:" + file.getFileName();
        String origin = file.toAbsolutePath().toString();
        PacketPipeline pipeline = new PacketPipeline(flowConfig, protocols, input, origin, events, deadLetters);
        CaptureStats capture = CaptureReader.read(in, pipeline, (kind, offset, reason) ->
                pipeline.deadLetter(DeadLetter.of(Instant.now(), input, origin, offset,
                        "capture file problem (" + kind + "): " + reason, new byte[0], 0)));
        pipeline.finish();
        return new Result(file, capture, pipeline.decodeStats(), pipeline.flowStats(), pipeline.appStats(),
                pipeline.events(), pipeline.deadLetters());
    }
}
