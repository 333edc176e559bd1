package org.fenghuo.collectors.pcap;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;
import org.fenghuo.collectors.input.DeadLetterSink;
import org.fenghuo.collectors.pcap.app.AppLayer;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.AppStats;
import org.fenghuo.collectors.pcap.capture.PacketHandler;
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
 * What every packet source shares after the capture: decode -> flow table -> application layer,
 * with malformed packets as dead letters, and counts of what went out. One per capture (a file, a
 * live session); single-threaded, on the capture's thread.
 */
public final class PacketPipeline implements PacketHandler {
    /** Enough of a bad packet to see what it was, without storing whole jumbo frames. */
    static final int MAX_DEAD_LETTER_BYTES = 256;
    /** Fragment buffers are expired by capture time every this many packets. */
    private static final int EXPIRY_EVERY = 1024;

    private final String input;
    private final String origin;
    private final Consumer<SecurityEvent> events;
    private final DeadLetterSink deadLetters;
    private final PacketDecoder decoder = new PacketDecoder();
    private final AppLayer app;
    private final FlowTable flows;
    private long packetNumber;
    private long eventCount;
    private long deadLetterCount;

    /**
     * @param input  {@code fenghuo.input} of the events and the dead letters' input
     * @param origin where packets come from (file path, {@code live:eth0}), in dead letters
     */
    public PacketPipeline(FlowTableConfig flowConfig, AppProtocols protocols, String input, String origin,
                          Consumer<SecurityEvent> events, DeadLetterSink deadLetters) {
        this.input = input;
        this.origin = origin;
        this.events = events;
        this.deadLetters = deadLetters;
        this.app = new AppLayer(protocols, input, origin, this::emit, this::deadLetter);
        FlowEventMapper mapper = new FlowEventMapper(input);
        this.flows = new FlowTable(flowConfig, record -> emit(mapper.toEvent(record)), app::flowEnded);
    }

    @Override
    public void packet(int linkType, long nanos, int wireLength, byte[] data, int offset, int length) {
        long number = ++packetNumber;
        DecodeResult result = decoder.decode(linkType, nanos, wireLength, data, offset, length);
        if (result == DecodeResult.DECODED) {
            if (flows.process(decoder.view()) != null) {
                app.packet(decoder.view(), flows.current(), flows.currentFromInitiator());
            }
        } else if (result == DecodeResult.MALFORMED) {
            deadLetter(DeadLetter.of(Instant.ofEpochSecond(0, nanos), input, origin + "#packet" + number, -1,
                    "malformed packet " + number + ": " + decoder.lastMalformedReason(),
                    Arrays.copyOfRange(data, offset, offset + length), MAX_DEAD_LETTER_BYTES));
        }
        if (number % EXPIRY_EVERY == 0) {
            decoder.expireFragments(nanos);
        }
    }

    /** The clock moved without packets (a quiet live link): flows and fragments may expire. */
    public void tick(long nowNanos) {
        flows.advanceTo(nowNanos);
        decoder.expireFragments(nowNanos);
    }

    /** Something the capture source could not read (broken file structure). */
    public void deadLetter(DeadLetter letter) {
        deadLetters.deadLetter(letter);
        deadLetterCount++;
    }

    /** End of the capture: every flow still open is emitted; datagrams still missing fragments are counted. */
    public void finish() {
        flows.flushAll();
        decoder.finish();
    }

    public DecodeStats decodeStats() {
        return decoder.stats();
    }

    public FlowStats flowStats() {
        return flows.stats();
    }

    public AppStats appStats() {
        return app.stats();
    }

    /** Flow and protocol events emitted. */
    public long events() {
        return eventCount;
    }

    /** Dead letters of every kind (packets, protocol data, capture structure). */
    public long deadLetters() {
        return deadLetterCount;
    }

    private void emit(SecurityEvent event) {
        events.accept(event);
        eventCount++;
    }
}
