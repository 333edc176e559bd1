package org.fenghuo.collectors.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.fenghuo.collectors.output.KafkaSinkConfig;
import org.fenghuo.collectors.spool.FsyncPolicy;
import org.fenghuo.collectors.spool.SpoolConfig;
import org.fenghuo.collectors.spool.WhenFull;

/**
 * Reads {@code edge.yml} into an {@link EdgeConfig}: every key has its type, default and check
 * here, every problem is reported at once ({@link EdgeConfigException}), each as
 * {@code key: value what-was-expected}, and unknown keys are errors. Relative paths are resolved
 * against the configuration file's directory.
 */
public final class EdgeConfigReader {

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    public static final String DEFAULT_SPOOL_DIR = "spool";
    /** Producer settings the delivery guarantee depends on; the output sets them itself. */
    private static final Set<String> FIXED_PRODUCER_KEYS = Set.of("acks", "enable.idempotence",
            "key.serializer", "value.serializer", "bootstrap.servers", "transactional.id");

    private final Map<String, InputFactory> types;

    public EdgeConfigReader(Map<String, InputFactory> types) {
        this.types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
    }

    public static EdgeConfigReader standard() {
        return new EdgeConfigReader(InputTypes.standard());
    }

    public EdgeConfig read(Path file) throws IOException, EdgeConfigException {
        Path absolute = file.toAbsolutePath();
        return parse(Files.readString(absolute), absolute.getParent(), file.toString());
    }

    /** @param baseDir where relative paths point; @param source names the text in errors */
    public EdgeConfig parse(String yaml, Path baseDir, String source) throws EdgeConfigException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new EdgeConfigException(source, List.of("(file): not valid YAML" + where + ": "
                    + e.getOriginalMessage()));
        }
        ConfigProblems problems = new ConfigProblems();
        ConfigNode top = new ConfigNode(root, "", problems, baseDir);
        KafkaSinkConfig kafka = kafka(top.section("kafka"));
        SpoolConfig spool = spool(top.section("spool"), baseDir);
        EdgeConfig.MetricsConfig metrics = metrics(top.section("metrics"));
        List<EdgeConfig.Input> inputs = inputs(top, problems);
        top.rejectUnknownKeys();
        if (!problems.isEmpty()) {
            throw new EdgeConfigException(source, problems.list());
        }
        return new EdgeConfig(kafka, spool, metrics, inputs);
    }

    private static KafkaSinkConfig kafka(ConfigNode node) {
        String bootstrap = node.string("bootstrap", DEFAULT_BOOTSTRAP);
        for (String server : bootstrap.split(",")) {
            if (!server.strip().matches("[^\\s:]+:\\d{1,5}")) {
                node.problem("bootstrap", "is not host:port[,host:port...]");
                break;
            }
        }
        ConfigNode topics = node.section("topics");
        String events = topics.string("events", KafkaSinkConfig.DEFAULT_EVENTS_TOPIC);
        String deadLetters = topics.string("dead_letters", KafkaSinkConfig.DEFAULT_DEAD_LETTER_TOPIC);
        topics.rejectUnknownKeys();
        Map<String, String> producer = node.stringMap("producer");
        for (String key : producer.keySet()) {
            if (FIXED_PRODUCER_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                node.section("producer").problem(key, "cannot be set: the edge collector always uses acks=all, "
                        + "idempotence and its own serializers (bootstrap.servers comes from kafka.bootstrap)");
            }
        }
        node.rejectUnknownKeys();
        return new KafkaSinkConfig(bootstrap, events, deadLetters, new HashMap<>(producer));
    }

    private static SpoolConfig spool(ConfigNode node, Path baseDir) {
        Path dir = baseDir.resolve(node.string("dir", DEFAULT_SPOOL_DIR));
        long segmentBytes = node.bytes("segment_bytes", SpoolConfig.DEFAULT_SEGMENT_BYTES, SpoolConfig.MIN_SEGMENT_BYTES);
        if (segmentBytes > SpoolConfig.MAX_SEGMENT_BYTES) {
            node.problem("segment_bytes", "is more than " + SpoolConfig.MAX_SEGMENT_BYTES
                    + " bytes (1GiB): segments are the unit of deletion once Kafka has them");
            segmentBytes = SpoolConfig.DEFAULT_SEGMENT_BYTES;
        }
        long maxBytes = node.bytes("max_bytes", SpoolConfig.DEFAULT_MAX_BYTES, 2 * SpoolConfig.MIN_SEGMENT_BYTES);
        if (maxBytes < 2 * segmentBytes) {
            node.problem("max_bytes", "must be at least twice spool.segment_bytes (" + segmentBytes + " bytes): "
                    + "space is freed a segment at a time");
            maxBytes = Math.max(maxBytes, 2 * segmentBytes);
        }
        FsyncPolicy fsync = node.choice("fsync", FsyncPolicy.ALWAYS);
        Duration interval = node.duration("fsync_interval", SpoolConfig.DEFAULT_FSYNC_INTERVAL, Duration.ofMillis(1));
        WhenFull whenFull = node.choice("when_full", WhenFull.REFUSE);
        node.rejectUnknownKeys();
        return new SpoolConfig(dir, maxBytes, segmentBytes, fsync, interval, whenFull);
    }

    private static EdgeConfig.MetricsConfig metrics(ConfigNode node) {
        boolean enabled = node.bool("enabled", true);
        String host = node.string("host", "127.0.0.1");
        int port = node.port("port", EdgeConfig.MetricsConfig.DEFAULT_PORT, true);
        node.rejectUnknownKeys();
        return new EdgeConfig.MetricsConfig(enabled, host, port);
    }

    private List<EdgeConfig.Input> inputs(ConfigNode top, ConfigProblems problems) {
        List<ConfigNode> entries = top.sections("inputs");
        if (entries == null) {
            // no inputs section: the all-in-one's syslog ports
            entries = List.of(defaultEntry("syslog_udp", problems), defaultEntry("syslog_tcp", problems));
        } else if (entries.isEmpty() && problems.isEmpty()) {
            top.problem("inputs", "must list at least one input");
        }
        List<EdgeConfig.Input> inputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode entry : entries) {
            String type = entry.string("type", null);
            if (type == null) {
                entry.problem("type", "is required: one of " + String.join(", ", types.keySet()));
                continue;
            }
            InputFactory factory = types.get(type);
            if (factory == null) {
                entry.problem("type", "is not one of " + String.join(", ", types.keySet()));
                continue;
            }
            String name = entry.string("name", type.replace('_', '-'));
            if (!names.add(name)) {
                entry.problem("name", "is already the name of another input; names must be unique (metric tag)");
            }
            InputFactory.Plan plan = factory.plan(name, entry);
            entry.rejectUnknownKeys();
            if (plan != null) {
                inputs.add(new EdgeConfig.Input(type, name, plan));
            }
        }
        return inputs;
    }

    private static ConfigNode defaultEntry(String type, ConfigProblems problems) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", type);
        return new ConfigNode(new ObjectMapper().valueToTree(entry), "inputs(default " + type + ")", problems);
    }
}
