package org.fenghuo.collectors.syslog.linux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fenghuo.collectors.input.ParseResult;
import org.fenghuo.collectors.syslog.SyslogMessage;
import org.fenghuo.collectors.syslog.SyslogParser;
import org.fenghuo.collectors.syslog.access.AccessLogParser;
import org.fenghuo.collectors.syslog.access.ApacheErrorParser;
import org.fenghuo.collectors.syslog.payload.EcsFields;
import org.fenghuo.collectors.syslog.payload.PayloadInput;
import org.fenghuo.collectors.syslog.payload.PayloadParser;
import org.fenghuo.collectors.syslog.payload.PayloadResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files for the payload parsers: every line of {@code payload/<parser>.log} (a syslog line,
 * or a bare line when it does not read as syslog; {@code #} starts a comment) is offered to that
 * parser alone, and the results, one JSON document a line, must equal
 * {@code <parser>.expected.ndjson}. Each file holds the parser's own lines, other programs' lines
 * (NotMine) and broken lines of its format (Malformed). After a deliberate change, regenerate with
 * {@code -Dfenghuo.golden.regenerate=true} and review the diff.
 */
@SuppressWarnings("unchecked")
class PayloadGoldenTest {

    static final Path DIR = Path.of("src/test/resources/payload");
    private static final boolean REGENERATE = Boolean.getBoolean("fenghuo.golden.regenerate");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, PayloadParser> PARSERS = Stream.concat(LinuxParsers.ALL.stream(),
                    Stream.of(new AccessLogParser(), new ApacheErrorParser()))
            .collect(Collectors.toMap(PayloadParser::name, Function.identity()));

    static Stream<String> parsers() {
        return PARSERS.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void matchesTheGoldenFile(String parser) throws IOException {
        Path input = DIR.resolve(parser + ".log");
        assertThat(input).as("every parser has a golden file").exists();
        List<String> actual = run(PARSERS.get(parser), Files.readAllLines(input, StandardCharsets.UTF_8));
        assertThat(actual).as("results of %s", input).isNotEmpty();
        Path expectedFile = DIR.resolve(parser + ".expected.ndjson");
        if (REGENERATE) {
            Files.writeString(expectedFile, String.join("\n", actual) + "\n");
            return;
        }
        assertThat(expectedFile).as("missing golden file; run with -Dfenghuo.golden.regenerate=true").exists();
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        assertThat(actual).as("number of results for %s", parser).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(JSON.readTree(actual.get(i))).as("%s result %d:%n%s", parser, i + 1, actual.get(i))
                    .isEqualTo(JSON.readTree(expected.get(i)));
        }
    }

    /** ECS's expected event.type values per event.category (the categories these parsers use). */
    private static final Map<String, Set<String>> ECS_TYPES = Map.of(
            "authentication", Set.of("start", "end", "info"),
            "session", Set.of("start", "end", "info"),
            "process", Set.of("access", "change", "end", "info", "start"),
            "iam", Set.of("admin", "change", "creation", "deletion", "group", "info", "user"),
            "network", Set.of("access", "allowed", "connection", "denied", "end", "info", "protocol", "start"),
            "web", Set.of("access", "error", "info"),
            "host", Set.of("access", "change", "end", "info", "start"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void everyEventTypeIsOneEcsExpectsWithEachCategory(String parser) throws IOException {
        int checked = 0;
        for (String line : Files.readAllLines(DIR.resolve(parser + ".log"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")
                    || !(PARSERS.get(parser).parse(input(SyslogParser.utc(), line)) instanceof PayloadResult.Parsed p)
                    || p.fields().get("event.category") == null) {
                continue;
            }
            for (Object category : (List<?>) p.fields().get("event.category")) {
                assertThat(ECS_TYPES).as(line).containsKey((String) category);
                assertThat(ECS_TYPES.get(category)).as("%s: types of %s", line, category)
                        .containsAll((List<String>) p.fields().get("event.type"));
            }
            checked++;
        }
        assertThat(checked).as("parsed lines with a category in %s.log", parser).isPositive();
    }

    static List<String> run(PayloadParser parser, List<String> lines) throws IOException {
        SyslogParser syslog = SyslogParser.utc();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            ObjectNode doc = JSON.createObjectNode().put("line", line);
            PayloadResult result = parser.parse(input(syslog, line));
            if (result instanceof PayloadResult.Parsed p) {
                doc.put("result", "parsed").set("fields", json(p.fields()));
            } else if (result instanceof PayloadResult.Malformed m) {
                doc.put("result", "malformed").put("reason", m.reason());
            } else {
                doc.put("result", "not_mine");
            }
            out.add(JSON.writeValueAsString(doc));
        }
        return out;
    }

    /** A syslog line's hostname, app-name and message; a line that is not syslog is offered bare. */
    private static PayloadInput input(SyslogParser syslog, String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (!line.startsWith("[") && syslog.parse(bytes) instanceof ParseResult.Ok<SyslogMessage> ok
                && ok.value().message() != null) {
            SyslogMessage m = ok.value();
            return new PayloadInput(m.hostname(), m.appName(), m.message());
        }
        return new PayloadInput(null, null, line);
    }

    private static JsonNode json(EcsFields fields) {
        ObjectNode node = JSON.createObjectNode();
        fields.asMap().forEach((name, value) -> node.set(name, value(value)));
        return node;
    }

    private static JsonNode value(Object value) {
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.createArrayNode();
            list.forEach(v -> array.add(value(v)));
            return array;
        }
        return value instanceof String || value instanceof java.time.Instant
                ? JSON.getNodeFactory().textNode(value.toString()) : JSON.valueToTree(value);
    }
}
