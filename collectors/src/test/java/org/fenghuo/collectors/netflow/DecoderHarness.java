package org.fenghuo.collectors.netflow;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/** A real decoder writing into lists, fed datagrams from one exporter at a test-controlled time. */
final class DecoderHarness {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    final List<SecurityEvent> events = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    final NetflowDecoder decoder;
    Instant now = START;

    DecoderHarness() {
        this(NetflowConfig.defaults());
    }

    DecoderHarness(NetflowConfig config) {
        decoder = new NetflowDecoder(config, "netflow-test", EventSink.of(events::add, deadLetters::add),
                NetflowMetrics.forInput(new SimpleMeterRegistry(), "netflow-test"));
    }

    DecoderHarness feed(byte[] datagram) {
        return feed("192.0.2.9", datagram);
    }

    DecoderHarness feed(String exporter, byte[] datagram) {
        decoder.decode(datagram, 0, datagram.length, exporter, "udp://" + exporter + ":50000", now);
        return this;
    }

    DecoderHarness later(long seconds) {
        now = now.plusSeconds(seconds);
        return this;
    }

    NetflowStats stats() {
        return decoder.metrics().snapshot();
    }

    SecurityEvent last() {
        return events.get(events.size() - 1);
    }
}
