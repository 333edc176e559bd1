package org.fenghuo.correlation.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fenghuo.correlation.detect.DetectionSettings;
import org.fenghuo.correlation.incident.IncidentConfig;
import org.fenghuo.correlation.job.CorrelationSettings;
import org.fenghuo.correlation.job.EventPipelineJob;
import org.fenghuo.correlation.pack.PackSettings;
import org.fenghuo.correlation.job.KafkaToElasticsearch;
import org.fenghuo.correlation.job.KafkaTopics;
import org.fenghuo.correlation.job.PipelineSettings;
import org.fenghuo.correlation.pii.PiiSettings;

/**
 * The command line of {@link CorrelationJobMain}, parsed and checked before any Flink work: every
 * problem at once, each naming its option, so {@code flink run} fails with a message instead of a
 * stack trace from deep inside the job graph.
 *
 * @param kafka              Kafka bootstrap servers ({@code --kafka})
 * @param elasticsearch      Elasticsearch URL ({@code --elasticsearch})
 * @param eventsTopic        topic of ECS events
 * @param deadLetterTopic    topic of collectors' dead letters
 * @param groupId            Kafka consumer group
 * @param checkpointInterval checkpoint interval; always > 0 on a cluster (exactly-once effect, recovery)
 * @param parallelism        job parallelism; null leaves it to {@code flink run -p} or the cluster default
 * @param pii                personal-data protection
 * @param correlation        detection, anomaly, correlation pack and incident settings
 */
public record JobOptions(String kafka, String elasticsearch, String eventsTopic, String deadLetterTopic, String groupId,
                         Duration checkpointInterval, Integer parallelism, PiiSettings pii, CorrelationSettings correlation) {

    /** Every option with its argument name (null for a flag) and one line of help, in usage order. */
    static final Map<String, String[]> OPTIONS = options();
    static final String DEFAULT_GROUP_ID = EventPipelineJob.JOB_NAME;
    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)");

    private static Map<String, String[]> options() {
        Map<String, String[]> options = new LinkedHashMap<>();
        options.put("kafka", new String[] {"host:port[,host:port]", "Kafka bootstrap servers (required)"});
        options.put("elasticsearch", new String[] {"url", "Elasticsearch URL, e.g. http://es:9200 (required)"});
        options.put("events-topic", new String[] {"topic", "topic of ECS events (default " + KafkaTopics.EVENTS + ")"});
        options.put("dead-letter-topic", new String[] {"topic", "topic of collectors' dead letters (default "
                + KafkaTopics.DEAD_LETTERS + ")"});
        options.put("group-id", new String[] {"id", "Kafka consumer group (default " + DEFAULT_GROUP_ID + ")"});
        options.put("checkpoint-interval", new String[] {"duration", "e.g. 10s, 500ms, 2m, PT10S; > 0 (default 10s)"});
        options.put("parallelism", new String[] {"n", "job parallelism (default: flink run -p, else the cluster's)"});
        options.put("pii-keystore", new String[] {"file", "BCFKS keystore from `fenghuo keys init`, readable on every task"
                + " manager (default: ephemeral keys, one key ring per task manager)"});
        options.put("pii-passphrase-file", new String[] {"file", "keystore passphrase file (default: $"
                + "FENGHUO_KEYSTORE_PASSPHRASE_FILE, else $FENGHUO_KEYSTORE_PASSPHRASE, on the client and the task managers)"});
        options.put("pii-disabled", new String[] {null, "no personal-data protection: personal data reaches Elasticsearch in clear"});
        options.put("sigma-rules", new String[] {"paths", "Sigma rule files or directories, comma-separated, readable on every"
                + " task manager (default: none)"});
        options.put("indicators", new String[] {"feeds", "threat-intel feeds stix:FILE, misp:FILE or list:FILE, comma-separated,"
                + " readable on every task manager (default: none)"});
        options.put("rules-topic", new String[] {"topic", "Kafka topic of rule-reload records, e.g. fenghuo.rules (default: none,"
                + " rules change with a restart)"});
        options.put("engineering-hosts", new String[] {"addresses", "engineering workstations (IPs or CIDRs, comma-separated) for"
                + " the ICS correlation"});
        options.put("critical-assets", new String[] {"addresses", "critical ICS assets (IPs or CIDRs, comma-separated)"});
        options.put("incidents", new String[] {"file", "incident settings YAML (join window, suppression, scoring); read here"});
        options.put("assets", new String[] {"files", "asset inventory YAML or CSV files, comma-separated; read here"});
        options.put("correlation-parallelism", new String[] {"n", "subtasks of the Esper operator (default 1: correlations"
                + " across entities stay exact)"});
        options.put("no-correlation", new String[] {null, "store events only: no detection, correlation or incidents"});
        options.put("help", new String[] {null, "this text"});
        return java.util.Collections.unmodifiableMap(options);
    }

    /** A parse: options, or the problems (each naming its option), or a request for help. */
    public record Parsed(JobOptions options, List<String> problems, boolean help) {
        public boolean ok() {
            return options != null;
        }
    }

    /** Parses {@code --name value} and {@code --flag} arguments; unknown options and stray words are problems. */
    public static Parsed parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            String inline = null;
            if (name != null && name.contains("=")) {
                inline = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name == null || !OPTIONS.containsKey(name)) {
                problems.add(arg + ": unknown option (expected one of " + String.join(", ",
                        OPTIONS.keySet().stream().map(o -> "--" + o).toList()) + ")");
                continue;
            }
            boolean flag = OPTIONS.get(name)[0] == null;
            String value;
            if (flag) {
                value = "true";
                if (inline != null) {
                    problems.add("--" + name + " = " + inline + ": a flag takes no value");
                }
            } else if (inline != null) {
                value = inline;
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                problems.add("--" + name + ": missing value (expected " + OPTIONS.get(name)[0] + ")");
                continue;
            }
            if (values.put(name, value) != null) {
                problems.add("--" + name + ": given more than once");
            }
        }
        if (values.containsKey("help")) {
            return new Parsed(null, List.of(), true);
        }
        JobOptions options = build(values, problems);
        return problems.isEmpty() ? new Parsed(options, List.of(), false) : new Parsed(null, List.copyOf(problems), false);
    }

    private static JobOptions build(Map<String, String> values, List<String> problems) {
        String kafka = required(values, "kafka", problems);
        String elasticsearch = required(values, "elasticsearch", problems);
        if (elasticsearch != null && !elasticsearch.matches("https?://.+")) {
            problems.add("--elasticsearch = " + elasticsearch + ": expected an http:// or https:// URL");
        }
        String eventsTopic = nonBlank(values, "events-topic", KafkaTopics.EVENTS, problems);
        String deadLetterTopic = nonBlank(values, "dead-letter-topic", KafkaTopics.DEAD_LETTERS, problems);
        String groupId = nonBlank(values, "group-id", DEFAULT_GROUP_ID, problems);
        Duration interval = DEFAULT_CHECKPOINT_INTERVAL;
        if (values.containsKey("checkpoint-interval")) {
            interval = duration(values.get("checkpoint-interval"));
            if (interval == null || interval.isZero() || interval.isNegative()) {
                problems.add("--checkpoint-interval = " + values.get("checkpoint-interval")
                        + ": expected a duration > 0 such as 10s, 500ms, 2m or PT10S (checkpoints cannot be off on a cluster:"
                        + " they are how a restarted job resumes without loss or duplicates)");
            }
        }
        Integer parallelism = null;
        if (values.containsKey("parallelism")) {
            parallelism = positiveInt(values.get("parallelism"));
            if (parallelism == null) {
                problems.add("--parallelism = " + values.get("parallelism") + ": expected a whole number >= 1");
            }
        }
        PiiSettings pii = pii(values, problems);
        return new JobOptions(kafka, elasticsearch, eventsTopic, deadLetterTopic, groupId, interval, parallelism, pii,
                correlation(values, problems));
    }

    private static CorrelationSettings correlation(Map<String, String> values, List<String> problems) {
        if (values.containsKey("no-correlation")) {
            return CorrelationSettings.disabled();
        }
        CorrelationSettings c = CorrelationSettings.defaults();
        DetectionSettings detection = DetectionSettings.defaults()
                .withSigmaRules(list(values.get("sigma-rules")).toArray(String[]::new))
                .withIndicators(list(values.get("indicators")).toArray(String[]::new));
        detection.problems().forEach(p -> problems.add("--sigma-rules/--indicators: " + p));
        c = c.withDetection(detection);
        if (values.containsKey("engineering-hosts") || values.containsKey("critical-assets")) {
            try {
                c = c.withPack(PackSettings.defaults().withIcsAssets(list(values.get("engineering-hosts")),
                        list(values.get("critical-assets"))));
            } catch (IllegalArgumentException e) {
                problems.add("--engineering-hosts/--critical-assets: " + e.getMessage());
            }
        }
        if (values.containsKey("incidents") || values.containsKey("assets")) {
            try {
                String incidents = values.get("incidents");
                c = c.withIncidents(IncidentConfig.of(incidents == null ? null : Path.of(incidents),
                        list(values.get("assets")).stream().map(Path::of).toList()));
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                problems.add("--incidents/--assets: " + e.getMessage());
            }
        }
        if (values.containsKey("rules-topic")) {
            c = c.withRulesTopic(nonBlank(values, "rules-topic", "", problems));
        }
        if (values.containsKey("correlation-parallelism")) {
            Integer n = positiveInt(values.get("correlation-parallelism"));
            if (n == null) {
                problems.add("--correlation-parallelism = " + values.get("correlation-parallelism")
                        + ": expected a whole number >= 1");
            } else {
                c = c.withCorrelationParallelism(n);
            }
        }
        return c;
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static PiiSettings pii(Map<String, String> values, List<String> problems) {
        String keystore = values.get("pii-keystore");
        String passphraseFile = values.get("pii-passphrase-file");
        if (values.containsKey("pii-disabled")) {
            if (keystore != null || passphraseFile != null) {
                problems.add("--pii-disabled: cannot be combined with --pii-keystore or --pii-passphrase-file");
            }
            return PiiSettings.disabled();
        }
        if (keystore == null || PiiSettings.EPHEMERAL.equals(keystore)) {
            if (passphraseFile != null) {
                problems.add("--pii-passphrase-file = " + passphraseFile + ": only meaningful with --pii-keystore <file>");
            }
            return PiiSettings.ephemeral();
        }
        // the files themselves are checked by PiiSettings when the job is built (naming pii.keystore, pii.passphrase-file)
        return PiiSettings.keystore(Path.of(keystore), passphraseFile == null ? null : Path.of(passphraseFile));
    }

    /** The production wiring with these options. */
    public KafkaToElasticsearch pipeline() {
        KafkaToElasticsearch base = KafkaToElasticsearch.defaults(kafka, elasticsearch);
        PipelineSettings defaults = base.pipeline();
        return base.withTopics(eventsTopic, deadLetterTopic)
                .withGroupId(groupId)
                .withPipeline(new PipelineSettings(defaults.maxOutOfOrderness(), defaults.sourceIdleness(), checkpointInterval))
                .withPii(pii)
                .withCorrelation(correlation);
    }

    /** Usage text: every option with its argument and help line. */
    public static String usage() {
        StringBuilder text = new StringBuilder("usage: flink run [-p N] -c ").append(CorrelationJobMain.class.getName())
                .append(" fenghuo-correlation-<version>-job.jar --kafka <servers> --elasticsearch <url> [options]\n\n");
        OPTIONS.forEach((name, spec) -> {
            String left = "  --" + name + (spec[0] == null ? "" : " <" + spec[0] + ">");
            text.append(String.format(Locale.ROOT, "%-42s %s%n", left, spec[1]));
        });
        return text.toString();
    }

    private static String required(Map<String, String> values, String name, List<String> problems) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            problems.add("--" + name + ": required (expected " + OPTIONS.get(name)[0] + ")");
            return null;
        }
        return value;
    }

    private static String nonBlank(Map<String, String> values, String name, String fallback, List<String> problems) {
        String value = values.getOrDefault(name, fallback);
        if (value.isBlank()) {
            problems.add("--" + name + " = \"" + value + "\": expected a non-empty " + OPTIONS.get(name)[0]);
        }
        return value;
    }

    static Duration duration(String text) {
        Matcher simple = SIMPLE_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        try {
            if (simple.matches()) {
                long amount = Long.parseLong(simple.group(1));
                return switch (simple.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m", "min" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(text.trim());
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static Integer positiveInt(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value >= 1 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
