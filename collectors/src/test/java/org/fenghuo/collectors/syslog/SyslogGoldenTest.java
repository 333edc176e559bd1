package org.fenghuo.collectors.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fenghuo.collectors.framing.StreamFramer;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.input.FrameOrigin;
import org.fenghuo.collectors.metrics.CollectorMetrics;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.DeadLetterJson;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.SecurityEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: every {@code syslog/<case>.log} is read as a file input would read it, and the
 * events and dead letters, one JSON document a line in order, must equal
 * {@code <case>.expected.ndjson} (ignoring {@code event.created}). After a deliberate change,
 * regenerate with {@code -Dfenghuo.golden.regenerate=true} and review the diff.
 */
class SyslogGoldenTest {

    static final Path DIR = Path.of("src/test/resources/syslog");
    /** A fixed virtual path, so log.file.path and event.id do not depend on the checkout. */
    static final Path VIRTUAL_DIR = Path.of("/var/log/golden");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final boolean REGENERATE = Boolean.getBoolean("fenghuo.golden.regenerate");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".log"))
                    .map(n -> n.substring(0, n.length() - ".log".length()))
                    .sorted().toList();
            assertThat(names).as("golden cases in %s", DIR.toAbsolutePath()).isNotEmpty();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheGoldenFile(String name) throws IOException {
        List<String> actual = run(name, Files.readAllBytes(DIR.resolve(name + ".log")));
        Path expectedFile = DIR.resolve(name + ".expected.ndjson");
        if (REGENERATE) {
            Files.writeString(expectedFile, actual.isEmpty() ? "" : String.join("\n", actual) + "\n");
            return;
        }
        assertThat(expectedFile).as("missing golden file; run with -Dfenghuo.golden.regenerate=true").exists();
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        assertThat(actual).as("number of documents for %s", name).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(comparable(actual.get(i))).as("%s document %d:%n%s", name, i + 1, actual.get(i))
                    .isEqualTo(comparable(expected.get(i)));
        }
    }

    /** The file-input pipeline (framer, handler) over the bytes, at a fixed path and clock. */
    static List<String> run(String name, byte[] content) {
        List<String> out = new ArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public void event(SecurityEvent event) {
                out.add(EcsJsonCodec.toJson(event));
            }

            @Override
            public void deadLetter(DeadLetter deadLetter) {
                out.add(DeadLetterJson.toJson(deadLetter));
            }
        };
        Path virtualPath = VIRTUAL_DIR.resolve(name + ".log");
        SyslogFrameHandler handler = new SyslogFrameHandler("golden", new SyslogParser(ZoneOffset.UTC, CLOCK), sink,
                CollectorMetrics.forInput(new SimpleMeterRegistry(), "golden"), CLOCK, 64 * 1024);
        StreamFramer framer = StreamFramer.lines(64 * 1024, 0);
        framer.feed(content, 0, content.length, r -> handler.handle(r, new FrameOrigin.FileLine(virtualPath, r.offset())));
        framer.finish(r -> handler.handle(r, new FrameOrigin.FileLine(virtualPath, r.offset())));
        return out;
    }

    private static JsonNode comparable(String json) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (node.get("event") instanceof ObjectNode event) {
            event.remove("created");
        }
        return node;
    }
}
