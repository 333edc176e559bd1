package org.fenghuo.collectors.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

import org.fenghuo.collectors.input.DeadLetterSink;
import org.fenghuo.collectors.pcap.capture.CaptureReader;
import org.fenghuo.collectors.pcap.capture.CaptureStats;
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
 * A capture file to flow events: read (pcap/pcapng) -> decode (link, IP, transport) -> flow table
 * -> ECS events. Malformed packets and broken capture structure become dead letters with the
 * reason; decoding goes on. One file per call; not thread-safe.
 */
public final class PcapFileDecoder {
    /** Enough of a bad packet to see what it was, without storing whole jumbo frames. */
    static final int MAX_DEAD_LETTER_BYTES = 256;
    /** Fragment buffers are expired by capture time every this many packets. */
    private static final int EXPIRY_EVERY = 1024;

    /** What one file gave. */
    public record Result(Path file, CaptureStats capture, DecodeStats decode, FlowStats flows, long events,
                         long deadLetters) {
        /** One line for the CLI's stderr. */
        public String toStatusLine() {
            return file + ": packets=" + capture.packets() + " bytes=" + capture.wireBytes()
                    + " decoded=" + decode.decoded() + " not_ip=" + decode.notIpTotal()
                    + " malformed=" + decode.malformedTotal() + (decode.malformedTotal() > 0 ? " " + decode.malformedByReason() : "")
                    + " fragments_pending=" + decode.fragmentsPending()
                    + " flows=" + flows.created() + " evicted=" + flows.evicted()
                    + " events=" + events + " capture_problems=" + capture.problemCount()
                    + (capture.complete() ? "" : " (stopped early at byte " + capture.bytesRead() + ")")
                    + " dead_lettered=" + deadLetters;
        }
    }

    private final FlowTableConfig flowConfig;
    private final Consumer<SecurityEvent> events;
    private final DeadLetterSink deadLetters;

    public PcapFileDecoder(FlowTableConfig flowConfig, Consumer<SecurityEvent> events, DeadLetterSink deadLetters) {
        this.flowConfig = flowConfig;
        this.events = events;
        this.deadLetters = deadLetters;
    }

    /** Decodes {@code in}, the contents of {@code file} (named in events and dead letters). */
    public Result decode(Path file, InputStream in) throws IOException {
        String input = "pcap:" + file.getFileName();
        String origin = file.toAbsolutePath().toString();
        FlowEventMapper mapper = new FlowEventMapper(input);
        long[] counts = new long[2]; // events, dead letters
        FlowTable flows = new FlowTable(flowConfig, record -> {
            events.accept(mapper.toEvent(record));
            counts[0]++;
        });
        PacketDecoder decoder = new PacketDecoder();
        long[] packetNumber = {0};
        CaptureStats capture = CaptureReader.read(in, (linkType, nanos, wireLength, data, offset, length) -> {
            long number = ++packetNumber[0];
            DecodeResult result = decoder.decode(linkType, nanos, wireLength, data, offset, length);
            if (result == DecodeResult.DECODED) {
                flows.process(decoder.view());
            } else if (result == DecodeResult.MALFORMED) {
                deadLetters.deadLetter(DeadLetter.of(Instant.ofEpochSecond(0, nanos), input, origin + "#packet" + number,
                        -1, "malformed packet " + number + ": " + decoder.lastMalformedReason(),
                        Arrays.copyOfRange(data, offset, offset + length), MAX_DEAD_LETTER_BYTES));
                counts[1]++;
            }
            if (number % EXPIRY_EVERY == 0) {
                decoder.expireFragments(nanos);
            }
        }, (kind, offset, reason) -> {
            deadLetters.deadLetter(DeadLetter.of(Instant.now(), input, origin, offset,
                    "capture file problem (" + kind + "): " + reason, new byte[0], 0));
            counts[1]++;
        });
        flows.flushAll();
        return new Result(file, capture, decoder.stats(), flows.stats(), counts[0], counts[1]);
    }
}
