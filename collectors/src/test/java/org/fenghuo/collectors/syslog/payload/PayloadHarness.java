package org.fenghuo.collectors.syslog.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.collectors.framing.FrameResult;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.FrameOrigin;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.collectors.syslog.SyslogFrameHandler;
import org.fenghuo.collectors.syslog.SyslogParser;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;

/**
 * Runs lines through the real syslog path (RFC parse, ECS mapping, payload rules, field merge)
 * and gives each event as flat dotted ECS names, the way it is written to JSON.
 */
final class PayloadHarness {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<SecurityEvent> events = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    private final SyslogFrameHandler handler;

    PayloadHarness() {
        this(PayloadRules.defaults());
    }

    PayloadHarness(PayloadRules rules) {
        this(rules, ZoneOffset.UTC);
    }

    /** @param zone the input's zone: RFC 3164 header times and payload times without a zone are read in it */
    PayloadHarness(PayloadRules rules, java.time.ZoneId zone) {
        EventSink sink = new EventSink() {
            @Override
            public void event(SecurityEvent event) {
                events.add(event);
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
                deadLetters.add(deadLetter);
            }
        };
        handler = new SyslogFrameHandler("test", new SyslogParser(zone, CLOCK), sink,
                CollectorMetrics.forInput(registry, "test"), CLOCK, 64 * 1024, PayloadStage.of("test", rules, registry, zone));
    }

    /** The one event a line makes, flattened. */
    static Map<String, Object> decode(String line) {
        PayloadHarness h = new PayloadHarness();
        h.feed(line);
        if (h.events.size() != 1) {
            throw new AssertionError("expected one event, got " + h.events.size() + " and dead letters " + h.deadLetters);
        }
        return flat(h.events.get(0));
    }

    void feed(String line) {
        feed(line.getBytes(StandardCharsets.UTF_8));
    }

    void feed(byte[] bytes) {
        handler.handle(new FrameResult.Frame(bytes, 0), new FrameOrigin.FileLine(Path.of("/var/log/test.log"), 0));
    }

    PayloadStats stats() {
        return handler.payloads().stats();
    }

    double counter(String name, String parser) {
        var search = registry.find("fenghuo.collector." + name).tag("input", "test");
        if (parser != null) {
            search = search.tag("parser", parser);
        }
        var c = search.counter();
        return c == null ? 0 : c.count();
    }

    static Map<String, Object> flat(SecurityEvent event) {
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            flatten("", JSON.readTree(EcsJsonCodec.toJson(event)), out);
            return out;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void flatten(String path, JsonNode node, Map<String, Object> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(n -> list.add(n.isNumber() ? n.numberValue() : n.asText()));
            out.put(path, list);
        } else {
            out.put(path, node.isNumber() ? (Object) node.numberValue() : node.asText());
        }
    }
}
