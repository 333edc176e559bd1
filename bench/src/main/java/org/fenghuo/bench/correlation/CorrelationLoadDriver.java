package org.fenghuo.bench.correlation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.HistogramStatistics;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.bench.DirectBulkPeer;
import org.fenghuo.bench.Indices;
import org.fenghuo.correlation.elasticsearch.ElasticsearchClients;
import org.fenghuo.correlation.job.LocalEnvironments;
import org.fenghuo.correlation.job.CorrelationSettings;
import org.fenghuo.correlation.job.EventPipelineJob;
import org.fenghuo.correlation.job.JobSinks;
import org.fenghuo.correlation.job.KafkaToElasticsearch;
import org.fenghuo.correlation.job.KafkaTopics;
import org.fenghuo.correlation.job.PipelineSettings;
import org.fenghuo.correlation.detect.DetectionSettings;
import org.fenghuo.correlation.pii.PiiSettings;
import org.fenghuo.correlation.incident.AssetLookup;
import org.fenghuo.correlation.incident.IncidentBuilder;
import org.fenghuo.correlation.incident.IncidentSettings;
import org.fenghuo.correlation.scenario.DistrictScenario;
import org.fenghuo.correlation.scenario.PlainJudgement;
import org.fenghuo.correlation.scenario.ScenarioSettings;
import org.fenghuo.deploy.infra.ElasticsearchEndpoint;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.fenghuo.events.Alert;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.Incident;
import org.fenghuo.events.SecurityEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The correlation job end to end on this machine (issue 7, "Speed"): the district scenario (its
 * attack included) through Kafka, the whole job (detection, anomaly, Esper pack, incidents) on a
 * MiniCluster, into Elasticsearch. Two shapes:
 * <ul>
 *   <li>bounded: the scenario already in the topic, the job reads it to the end; events/s of the full
 *       job, of the storage-only job ({@link CorrelationSettings#disabled()}), of the full job with
 *       discarding sinks (no Elasticsearch: the job's own rate), and of a direct bulk of the same
 *       documents (Elasticsearch's ceiling here);</li>
 *   <li>rate: the scenario published at a fixed rate while the job runs, each event stamped
 *       {@code event.ingested} = send time; lag and the events sink's ingest-to-indexed p50/p99 per
 *       second.</li>
 * </ul>
 * Every job run must still find the pack's five correlation rules and at least one incident.
 */
@Command(name = "correlation-load", mixinStandardHelpOptions = true,
        description = "Measure the correlation job end to end (Kafka -> Flink job -> Elasticsearch) with the district scenario.")
public final class CorrelationLoadDriver implements Callable<Integer> {
    private static final String EVENTS_SINK = "event-sink";
    private static final String INGEST_HISTOGRAM = "ingestToIndexedLatencyMs";

    @Option(names = "--events", defaultValue = "1000000", description = "Background events of the bounded runs' scenario (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--rate", split = ",", description = "Rates (events/s) of the rate runs, e.g. 10000,20000; 0 = as fast as the producer goes. None: no rate runs.")
    List<Long> rates = new ArrayList<>();

    @Option(names = "--rate-seconds", defaultValue = "40", description = "A rate run sends rate x this many background events (default: ${DEFAULT-VALUE}).")
    long rateSeconds;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--runs", defaultValue = "1", description = "Measured bounded runs after one warm-up; 0 = no bounded runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--sides", split = ",", defaultValue = "full,storage,nosink,direct",
            description = "Bounded sides to run (default: ${DEFAULT-VALUE}).")
    List<String> sides;

    private ElasticsearchClient client;
    private EmbeddedKafka kafka;
    private String esUrl;
    private Path indicators;
    /** Incidents the plain-Java judgement finds in the bounded scenario; -1 in rate runs (not judged). */
    private long referenceIncidents = -1;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CorrelationLoadDriver()).execute(args));
    }

    /**
     * Where the job's classes come from and when they were built: without {@code -am}, Maven runs the
     * correlation jar last installed in ~/.m2, not the code in the tree, and nothing else would say so.
     */
    static String jobCode() {
        try {
            Path code = Path.of(EventPipelineJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code + " (modified " + Files.getLastModifiedTime(code).toInstant().truncatedTo(
                    java.time.temporal.ChronoUnit.SECONDS) + ")";
        } catch (Exception e) {
            return "unknown (" + e + ")";
        }
    }

    @Override
    public Integer call() throws Exception {
        System.out.printf(Locale.ROOT, "correlation-load: %,d background events, rates %s, parallelism %d, %d cores, load %s%n",
                events, rates, parallelism, Runtime.getRuntime().availableProcessors(), load());
        System.out.println("correlation code: " + jobCode());
        try (ElasticsearchEndpoint es = ElasticsearchFixture.obtain(); EmbeddedKafka k = EmbeddedKafka.start()) {
            kafka = k;
            esUrl = es.url();
            es.managed().ifPresent(m -> System.out.printf(Locale.ROOT, "startup: Elasticsearch %.1f s%n",
                    m.startupTime().toMillis() / 1000.0));
            System.out.printf(Locale.ROOT, "startup: Kafka %.1f s%n", kafka.startupTime().toMillis() / 1000.0);
            client = ElasticsearchClients.create(esUrl);
            try {
                if (runs > 0) {
                    bounded();
                }
                for (long rate : rates) {
                    rateRun(rate);
                }
            } finally {
                ElasticsearchClients.closeQuietly(client);
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- bounded: the job on a full topic

    private void bounded() throws Exception {
        DistrictScenario scenario = new DistrictScenario(ScenarioSettings.defaults().withBackgroundEvents(events));
        indicators = writeIndicators(scenario);
        String topic = "corr-full";
        kafka.createTopic(topic, 2);
        kafka.createTopic(topic + "-dl", 1);
        long judging = System.nanoTime();
        // what the job must find in these events: the plain-Java judgement's incidents (no inventory)
        referenceIncidents = PlainJudgement.run(scenario)
                .incidents(new IncidentBuilder(IncidentSettings.defaults(), AssetLookup.NONE)).size();
        System.out.printf(Locale.ROOT, "reference: %d incidents (plain-Java judgement, %.1f s)%n", referenceIncidents,
                (System.nanoTime() - judging) / 1e9);
        ScenarioProducer producer = new ScenarioProducer(kafka.bootstrapServers(), topic);
        long n = producer.produce(scenario, 0);
        System.out.printf(Locale.ROOT, "produced %,d events in %.1f s (%,.0f events/s, producer thread %.1f CPU s)%n",
                n, producer.wallNanos / 1e9, n / (producer.wallNanos / 1e9), producer.cpuNanos / 1e9);
        for (int run = 0; run <= runs; run++) {
            String label = run == 0 ? "warm-up" : "run " + run;
            for (String side : sides) {
                String group = "bench-" + side + "-" + run;
                String line = switch (side) {
                    case "full" -> esSide(label, "full", topic, group, n, full(scenario), true);
                    case "storage" -> esSide(label, "storage", topic, group, n, CorrelationSettings.disabled(), false);
                    case "nosink" -> noSinkSide(label, topic, group, n, full(scenario));
                    case "direct" -> {
                        double rate = DirectBulkPeer.run(scenario, n, client);
                        yield String.format(Locale.ROOT, "%-8s direct  %,9.0f events/s (one thread bulk of the same documents)",
                                label, rate);
                    }
                    default -> throw new CommandLine.ParameterException(new CommandLine(this),
                            "--sides: unknown side '" + side + "', expected full, storage, nosink, direct");
                };
                System.out.println(line + "   load " + load());
            }
        }
    }

    /** One bounded run of the production wiring into Elasticsearch. */
    private String esSide(String label, String side, String topic, String group, long n, CorrelationSettings correlation,
            boolean judge) throws Exception {
        Indices.deleteFenghuo(client);
        LatencyReporter.clear();
        StreamExecutionEnvironment env = environment();
        KafkaToElasticsearch.defaults(kafka.bootstrapServers(), esUrl)
                .withTopics(topic, topic + "-dl").withGroupId(group).withBounded(true)
                .withPipeline(PipelineSettings.defaults())
                .withCorrelation(correlation)
                .addTo(env);
        Sampler sampler = new Sampler(() -> 0L);
        sampler.start();
        long t0 = System.nanoTime();
        env.execute(EventPipelineJob.JOB_NAME);
        double wall = (System.nanoTime() - t0) / 1e9;
        sampler.stop();
        Indices.awaitCount(client, "fenghuo-events-*", n, Duration.ofMinutes(1));
        double steady = sampler.indexedSpanSeconds(n);
        String found = judge ? found() : "";
        return String.format(Locale.ROOT, "%-8s %-7s %,9.0f events/s wall (%.1f s incl. start), %,9.0f events/s first->last indexed%s",
                label, side, n / wall, wall, n / steady, found);
    }

    /** One bounded run of the full job with sinks that keep nothing: the job's own rate without Elasticsearch. */
    private String noSinkSide(String label, String topic, String group, long n, CorrelationSettings correlation)
            throws Exception {
        StreamExecutionEnvironment env = environment();
        String tag = group + "-";
        TallySink<SecurityEvent> eventSink = new TallySink<>(tag + "events", null);
        TallySink<Alert> alertSink = new TallySink<>(tag + "alerts", Alert::ruleId);
        TallySink<Incident> incidentSink = new TallySink<>(tag + "incidents", Incident::id);
        JobSinks sinks = new JobSinks(eventSink, new TallySink<DeadLetter>(tag + "dl", null),
                new TallySink<SecurityEvent>(tag + "late", null), List.of(alertSink), List.of(incidentSink));
        new EventPipelineJob(PipelineSettings.defaults(), PiiSettings.ephemeral(), correlation).build(env,
                KafkaTopics.source(kafka.bootstrapServers(), topic, group, true),
                KafkaTopics.source(kafka.bootstrapServers(), topic + "-dl", group, true), null, sinks);
        long t0 = System.nanoTime();
        env.execute(EventPipelineJob.JOB_NAME);
        double wall = (System.nanoTime() - t0) / 1e9;
        TallySink.Tally e = TallySink.of(tag + "events");
        double steady = (e.lastNanos.get() - e.firstNanos.get()) / 1e9;
        Set<String> rules = new TreeSet<>();
        TallySink.of(tag + "alerts").labels.stream().filter(r -> r.startsWith("fenghuo.correlation.")).forEach(rules::add);
        long incidents = TallySink.of(tag + "incidents").labels.size();
        if (e.count.sum() != n) {
            throw new IllegalStateException("nosink: " + e.count.sum() + " events reached the sink, " + n + " sent");
        }
        return String.format(Locale.ROOT, "%-8s nosink  %,9.0f events/s wall (%.1f s incl. start), %,9.0f events/s first->last event%s",
                label, n / wall, wall, n / steady, verdict(rules, incidents));
    }

    // ---------------------------------------------------------------- rate: sustained rate and latency

    private void rateRun(long rate) throws Exception {
        referenceIncidents = -1; // another scenario than the bounded runs', not judged
        long background = rate > 0 ? rate * rateSeconds : events;
        DistrictScenario scenario = new DistrictScenario(ScenarioSettings.defaults().withBackgroundEvents(background));
        indicators = writeIndicators(scenario);
        String topic = "corr-rate-" + rate + "-" + System.nanoTime();
        kafka.createTopic(topic, 2);
        kafka.createTopic(topic + "-dl", 1);
        Indices.deleteFenghuo(client);
        LatencyReporter.clear();
        StreamExecutionEnvironment env = environment();
        JobClient job = KafkaToElasticsearch.defaults(kafka.bootstrapServers(), esUrl)
                .withTopics(topic, topic + "-dl").withGroupId(topic).withBounded(false)
                .withPipeline(PipelineSettings.defaults())
                .withCorrelation(full(scenario))
                .start(env);
        try {
            awaitRunning(job);
            Thread.sleep(10_000); // operators open (EPL compiles) before the clock starts
            ScenarioProducer producer = new ScenarioProducer(kafka.bootstrapServers(), topic);
            Sampler sampler = new Sampler(producer.sent::get);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread sender = new Thread(() -> {
                try {
                    producer.produce(scenario, rate);
                } catch (Throwable t) {
                    failed.set(t);
                }
            }, "scenario-producer");
            sampler.start();
            long t0 = System.nanoTime();
            sender.start();
            sender.join();
            if (failed.get() != null) {
                throw new IllegalStateException("producer failed", failed.get());
            }
            long n = producer.sent.get();
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            long drainStart = System.nanoTime();
            while (sampler.indexed() < n && System.nanoTime() - drainStart < Duration.ofMinutes(5).toNanos()) {
                Thread.sleep(100);
            }
            double drain = (System.nanoTime() - drainStart) / 1e9;
            sampler.stop();
            Indices.awaitCount(client, "fenghuo-events-*", n, Duration.ofMinutes(1));
            String found = awaitFound();
            System.out.printf(Locale.ROOT, "rate %,d: sent %,d events in %.1f s (%,.0f events/s achieved, producer thread %.1f CPU s)%n",
                    rate, n, produceSeconds, n / produceSeconds, producer.cpuNanos / 1e9);
            sampler.printSeries(rate);
            System.out.printf(Locale.ROOT, "result: rate %,d target, %,.0f sent/s, all indexed %.1f s after the last send; %s%s   load %s%n",
                    rate, n / produceSeconds, drain, sampler.latencySummary(t0, produceSeconds), found, load());
        } finally {
            job.cancel().get();
        }
    }

    private static void awaitRunning(JobClient job) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("job not running after 2 minutes: " + job.getJobStatus().get());
            }
            Thread.sleep(100);
        }
    }

    // ---------------------------------------------------------------- shared

    private CorrelationSettings full(DistrictScenario scenario) {
        return CorrelationSettings.defaults()
                .withDetection(DetectionSettings.defaults().withIndicators("list:" + indicators))
                .withPack(scenario.packSettings());
    }

    private static Path writeIndicators(DistrictScenario scenario) throws IOException {
        Path file = Files.createTempFile("district-ti", ".txt");
        Files.writeString(file, scenario.indicatorList(), StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    /**
     * A MiniCluster environment configured as {@code fenghuo run}'s ({@link LocalEnvironments#configuration}:
     * no Kryo, checkpoints on the file system, which the waiting events outgrow in the JobManager's
     * memory), no restarts, plus the latency reporter.
     */
    private StreamExecutionEnvironment environment() throws IOException {
        Configuration config = LocalEnvironments.configuration(Files.createTempDirectory("fenghuo-bench-checkpoints"));
        // a failure must end the run with its cause, not restart it out of sight for ever
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        config.setString("metrics.reporter." + LatencyReporter.NAME + ".factory.class", LatencyReporterFactory.class.getName());
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, config);
    }

    /** The pack's correlation rule ids found in {@code fenghuo-alerts-*} and the incident count. */
    private String found() throws IOException {
        Set<String> rules = new TreeSet<>();
        client.indices().refresh(r -> r.index("fenghuo-*").ignoreUnavailable(true).allowNoIndices(true));
        var response = client.search(s -> s.index("fenghuo-alerts-*").size(0).ignoreUnavailable(true).allowNoIndices(true)
                .aggregations("rules", a -> a.terms(t -> t.field("rule.id").size(100))), Void.class);
        if (response.aggregations().get("rules") != null) {
            for (StringTermsBucket b : response.aggregations().get("rules").sterms().buckets().array()) {
                if (b.key().stringValue().startsWith("fenghuo.correlation.")) {
                    rules.add(b.key().stringValue());
                }
            }
        }
        long incidents = Indices.count(client, "fenghuo-incidents-*");
        return verdict(rules, incidents);
    }

    /** In a running job the last alerts wait for the watermark: polls for up to a minute. */
    private String awaitFound() throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String found = found();
        while (!found.contains("FOUND") && System.nanoTime() < end) {
            Thread.sleep(1000);
            found = found();
        }
        return found;
    }

    /** All five pack rules and some incident; in bounded runs, exactly the reference's number of incidents. */
    private String verdict(Set<String> rules, long incidents) {
        boolean asReference = referenceIncidents < 0 || incidents == referenceIncidents;
        boolean ok = rules.size() == 5 && incidents > 0 && asReference;
        return String.format(Locale.ROOT, "; %s: %d/5 pack rules %s, %d incidents%s", ok ? "attack FOUND" : "attack MISSED",
                rules.size(), rules.stream().map(r -> r.substring("fenghuo.correlation.".length())).toList(), incidents,
                referenceIncidents < 0 ? "" : " (reference " + referenceIncidents + ")");
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Once a second (every 100 ms for the bounded spans): produced and indexed counts, and the events sink's latency. */
    private static final class Sampler {
        private final java.util.function.LongSupplier produced;
        private final List<long[]> counts = new ArrayList<>(); // nanos, produced, indexed
        private final List<Sample> samples = new ArrayList<>();
        private volatile boolean running = true;
        private Thread thread;

        record Sample(long nanos, long produced, long indexed, long p50, long p99, long max) {
        }

        Sampler(java.util.function.LongSupplier produced) {
            this.produced = produced;
        }

        void start() {
            thread = new Thread(() -> {
                long next = System.nanoTime();
                int tick = 0;
                while (running) {
                    long now = System.nanoTime();
                    synchronized (this) {
                        counts.add(new long[] {now, produced.getAsLong(), indexed()});
                        if (tick++ % 10 == 0) {
                            samples.add(sample(now));
                        }
                    }
                    next += 100_000_000L;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "bench-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private static Map<String, Histogram> eventSinks() {
            Map<String, Histogram> all = LatencyReporter.matching(EVENTS_SINK, INGEST_HISTOGRAM);
            all.keySet().removeIf(id -> id.contains("late-" + EVENTS_SINK));
            return all;
        }

        long indexed() {
            long sum = 0;
            for (Histogram h : eventSinks().values()) {
                sum += h.getCount();
            }
            return sum;
        }

        /** The worst subtask's latest-10,000-documents percentiles. */
        private Sample sample(long now) {
            long p50 = 0;
            long p99 = 0;
            long max = 0;
            for (Histogram h : eventSinks().values()) {
                if (h.getCount() == 0) {
                    continue;
                }
                HistogramStatistics s = h.getStatistics();
                p50 = Math.max(p50, Math.round(s.getQuantile(0.5)));
                p99 = Math.max(p99, Math.round(s.getQuantile(0.99)));
                max = Math.max(max, s.getMax());
            }
            return new Sample(now, produced.getAsLong(), indexed(), p50, p99, max);
        }

        /** Seconds from the first indexed document to the {@code n}th. */
        synchronized double indexedSpanSeconds(long n) {
            long first = -1;
            long last = -1;
            for (long[] c : counts) {
                if (first < 0 && c[2] > 0) {
                    first = c[0];
                }
                if (last < 0 && c[2] >= n) {
                    last = c[0];
                }
            }
            if (first < 0 || last < 0) {
                throw new IllegalStateException("the events sink's histograms never counted " + n + " documents (saw "
                        + (counts.isEmpty() ? 0 : counts.get(counts.size() - 1)[2]) + "): is the reporter configured?");
            }
            return Math.max(0.1, (last - first) / 1e9);
        }

        synchronized void printSeries(long rate) {
            System.out.println("   t(s)     sent  indexed  lag(s)  p50ms  p99ms  maxms   (worst subtask, latest 10,000 docs)");
            long t0 = samples.isEmpty() ? 0 : samples.get(0).nanos();
            for (Sample s : samples) {
                System.out.printf(Locale.ROOT, "%7.0f %8d %8d %7.2f %6d %6d %6d%n", (s.nanos() - t0) / 1e9, s.produced(), s.indexed(),
                        rate > 0 ? (s.produced() - s.indexed()) / (double) rate : 0.0, s.p50(), s.p99(), s.max());
            }
        }

        /** Median and worst per-second p50/p99 while sending, the first 10 s left out (JIT, first bulks). */
        synchronized String latencySummary(long t0, double produceSeconds) {
            List<Long> p50 = new ArrayList<>();
            List<Long> p99 = new ArrayList<>();
            long lagMid = -1;
            long lagEnd = 0;
            long maxLag = 0;
            for (Sample s : samples) {
                double t = (s.nanos() - t0) / 1e9;
                if (t >= 10 && t <= produceSeconds) {
                    p50.add(s.p50());
                    p99.add(s.p99());
                    long lag = s.produced() - s.indexed();
                    maxLag = Math.max(maxLag, lag);
                    if (lagMid < 0 && t >= produceSeconds / 2) {
                        lagMid = lag;
                    }
                    lagEnd = lag;
                }
            }
            if (p99.isEmpty()) {
                return "run too short for latency (under 10 s of sending)";
            }
            return String.format(Locale.ROOT, "ingest->indexed p50 %d ms (median of per-second samples; worst %d), p99 %d ms (median; worst %d);"
                    + " lag mid-run %,d, at end %,d, max %,d events", median(p50), max(p50), median(p99), max(p99), lagMid, lagEnd, maxLag);
        }

        private static long median(List<Long> v) {
            List<Long> s = new ArrayList<>(v);
            s.sort(null);
            return s.get(s.size() / 2);
        }

        private static long max(List<Long> v) {
            return v.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }
}
