package org.fenghuo.correlation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.executiongraph.ErrorInfo;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fenghuo.correlation.detect.DetectionSettings;
import org.fenghuo.correlation.elasticsearch.ElasticsearchClients;
import org.fenghuo.correlation.incident.AssetInventory;
import org.fenghuo.correlation.incident.AssetLookup;
import org.fenghuo.correlation.incident.IncidentBuilder;
import org.fenghuo.correlation.incident.LearnedAssetSettings;
import org.fenghuo.correlation.incident.LearnedAssetTable;
import org.fenghuo.correlation.incident.LearnedAssetUpdate;
import org.fenghuo.correlation.incident.LearnedAssets;
import org.fenghuo.correlation.incident.IncidentConfig;
import org.fenghuo.correlation.incident.IncidentSettings;
import org.fenghuo.correlation.job.CorrelationSettings;
import org.fenghuo.correlation.job.KafkaToElasticsearch;
import org.fenghuo.correlation.job.LocalEnvironments;
import org.fenghuo.correlation.job.PipelineSettings;
import org.fenghuo.correlation.output.OutputTopics;
import org.fenghuo.correlation.pack.BuiltInPack;
import org.fenghuo.correlation.scenario.DistrictScenario;
import org.fenghuo.correlation.scenario.ExpectedAttack;
import org.fenghuo.correlation.scenario.PlainJudgement;
import org.fenghuo.deploy.infra.ElasticsearchEndpoint;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.fenghuo.deploy.infra.EmbeddedKafka;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AttackTactic;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.Incident;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.WarningLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof on real servers: the district scenario (about 50,000 events of normal traffic
 * with a multi-stage attack mixed in) through KRaft Kafka, the whole job on a MiniCluster and
 * Elasticsearch 8.19. What the job stores must be what the plain-Java judgement of the same events
 * gives (detection and the pack: {@link PlainJudgement}; incidents: {@link IncidentBuilder} over
 * those alerts in time order), down to the ids, and the incidents must hold the attack's tactics,
 * warning level and an evidence chain that resolves: incident -> alerts -> events.
 */
class DistrictScenarioEndToEndTest {
    private static ElasticsearchEndpoint elasticsearch;
    private static EmbeddedKafka kafka;
    private static ElasticsearchClient client;
    private static DistrictScenario scenario;
    private static List<SecurityEvent> events;
    private static PlainJudgement.Result reference;
    /** The reference incidents with the full inventory (first run) and with the PLCs left to learning (failover run). */
    private static Map<String, Incident> expectedListed;
    private static Map<String, Incident> expectedLearned;

    @TempDir
    Path dir;
    private String topic;

    @BeforeAll
    static void start() {
        elasticsearch = ElasticsearchFixture.obtain();
        kafka = EmbeddedKafka.start();
        client = ElasticsearchClients.create(elasticsearch.url());
        scenario = DistrictScenario.defaults();
        events = new ArrayList<>();
        scenario.forEach(events::add);
        reference = PlainJudgement.run(scenario);
        expectedListed = incidentsOf(scenario.assetInventory(), true);
        expectedLearned = incidentsOf(scenario.assetInventoryWithoutPlcs(), true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            deleteFenghuoIndices();
        }
        SliceFixture.closeServers(client, kafka, elasticsearch);
    }

    @BeforeEach
    void freshIndicesAndTopics(TestInfo test) throws IOException {
        topic = "district-" + test.getTestMethod().orElseThrow().getName();
        kafka.createTopic(topic, 2);
        kafka.createTopic(topic + "-deadletter", 1);
        deleteFenghuoIndices();
    }

    @AfterEach
    void clean() throws IOException {
        deleteFenghuoIndices();
    }

    private static void deleteFenghuoIndices() throws IOException {
        SliceFixture.deleteFenghuoIndices(client);
    }

    @Test
    void theAttackBecomesItsIncidentsWithTheirTacticsWarningLevelAndEvidenceInElasticsearch() throws Exception {
        produceAll();
        JobResult result = runOnMiniCluster(job("first", scenario.assetInventory()), null);
        assertThat(result.isSuccess()).as("job failed: %s", failure(result)).isTrue();

        assertStoredAsReference("first", expectedListed);

        ExpectedAttack x = scenario.expected();
        Map<String, JsonNode> incidents = documents("fenghuo-incidents-*");
        JsonNode attacker = incidentOf(incidents, x.attacker());
        assertThat(tactics(attacker)).contains(AttackTactic.RECONNAISSANCE.id(), AttackTactic.CREDENTIAL_ACCESS.id(),
                AttackTactic.INITIAL_ACCESS.id());
        JsonNode foothold = incidentOf(incidents, x.foothold());
        assertThat(tactics(foothold)).contains(AttackTactic.LATERAL_MOVEMENT.id(), AttackTactic.COMMAND_AND_CONTROL.id(),
                AttackTactic.EXFILTRATION.id());
        // ICS writes to critical infrastructure after a remote session: the district's most urgent incident
        JsonNode ics = incidents.values().stream().filter(i -> texts(i.at("/fenghuo/incident/alert_ids")).stream()
                .anyMatch(id -> ruleOf(id).equals(BuiltInPack.ICS_WRITE_AFTER_REMOTE_SESSION))).findFirst()
                .orElseThrow(() -> new AssertionError("no incident holds the ICS correlation"));
        assertThat(tactics(ics)).contains(AttackTactic.IMPACT.id());
        assertThat(WarningLevel.parse(ics.at("/fenghuo/incident/warning_level").asText()).levelNumber())
                .as("warning of the ICS incident").isLessThanOrEqualTo(WarningLevel.ORANGE.levelNumber());
        System.out.println("district incidents: " + incidents.values().stream().map(i -> i.at("/message").asText() + " -> "
                + i.at("/fenghuo/incident/warning_level").asText() + " risk " + i.at("/event/risk_score").asInt()).toList());
        assertEvidenceChainResolves(incidents);
    }

    @Test
    void aTaskManagerLostMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        produceAll();
        // fenghuo.alerts is the production topic, shared with the other test's run: read only what this run adds
        Map<TopicPartition, Long> before = endOffsets(OutputTopics.ALERTS);
        // the PLCs are not in this run's inventory: the job learns them from their traffic, and the
        // learner's state must come back with the rest after the failure
        Run run = run(job("failover", scenario.assetInventoryWithoutPlcs()), (cluster, running) -> {
            // kill one of the two task managers once part of the stream is stored, then give the job its slots back
            awaitCount("fenghuo-events-*", events.size() / 3, running);
            // and a checkpoint after that, so the restore brings state back (the learned PLCs among it)
            awaitNextCheckpoint(cluster, running);
            cluster.terminateTaskManager(0).get();
            cluster.startTaskManager();
        });
        assertThat(run.result().isSuccess()).as("job failed: %s", failure(run.result())).isTrue();
        // it did fail over: the lost task manager is the failure the job recovered from
        assertThat(run.lastFailure()).as("a failure was recovered from").isNotNull();
        assertThat(run.restoredCheckpoint()).as("the job restored from a checkpoint, not from scratch").isNotNull();
        System.out.println("failover: recovered from " + run.lastFailure().getExceptionAsString().lines().findFirst().orElse(""));

        assertStoredAsReference("failover", expectedLearned);
        // which only holds if the learned PLCs reached the risk score: without them the bastion's incident scores less
        Map<String, Incident> unlearned = incidentsOf(scenario.assetInventoryWithoutPlcs(), false);
        String foothold = scenario.expected().foothold();
        assertThat(ledBy(expectedLearned, foothold).riskScore()).as("learned PLCs weigh in the foothold's incident")
                .isGreaterThan(ledBy(unlearned, foothold).riskScore());
        // Kafka, read_committed: every alert once, however many attempts wrote it
        List<ConsumerRecord<String, String>> alerts = readCommitted(OutputTopics.ALERTS, before);
        assertThat(alerts).extracting(ConsumerRecord::key).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(allAlerts(reference).stream().map(Alert::id).toList());
    }

    /** What both runs must leave in Elasticsearch: exactly the reference's events, alerts and incidents. */
    private void assertStoredAsReference(String run, Map<String, Incident> expectedIncidents) throws IOException {
        assertThat(count("fenghuo-events-*")).as(run + ": events").isEqualTo(events.size());
        Map<String, JsonNode> alerts = documents("fenghuo-alerts-*");
        Map<String, Long> byRule = alerts.values().stream()
                .collect(Collectors.groupingBy(a -> a.at("/rule/id").asText(), TreeMap::new, Collectors.counting()));
        Map<String, Long> expectedByRule = allAlerts(reference).stream()
                .collect(Collectors.groupingBy(Alert::ruleId, TreeMap::new, Collectors.counting()));
        assertThat(byRule).as(run + ": alerts per rule").isEqualTo(expectedByRule);
        assertThat(alerts.keySet()).as(run + ": alert ids").containsExactlyInAnyOrderElementsOf(
                allAlerts(reference).stream().map(Alert::id).toList());

        Map<String, JsonNode> incidents = documents("fenghuo-incidents-*");
        assertThat(incidents.keySet()).as(run + ": incident ids").containsExactlyInAnyOrderElementsOf(expectedIncidents.keySet());
        for (Incident expected : expectedIncidents.values()) {
            JsonNode stored = incidents.get(expected.id());
            assertThat(texts(stored.at("/fenghuo/incident/alert_ids"))).as(expected.id() + " alerts")
                    .containsExactlyElementsOf(expected.alertIds());
            assertThat(tactics(stored)).as(expected.id() + " tactics")
                    .containsExactlyElementsOf(expected.tactics().stream().map(AttackTactic::id).toList());
            assertThat(stored.at("/event/risk_score").asInt()).as(expected.id() + " risk").isEqualTo(expected.riskScore());
            assertThat(stored.at("/fenghuo/incident/warning_level").asText(null)).as(expected.id() + " warning")
                    .isEqualTo(expected.warningLevel() == null ? null : expected.warningLevel().value());
        }
    }

    private void assertEvidenceChainResolves(Map<String, JsonNode> incidents) throws IOException {
        Map<String, JsonNode> alerts = documents("fenghuo-alerts-*");
        Set<String> evidence = new HashSet<>();
        for (JsonNode incident : incidents.values()) {
            for (String alertId : texts(incident.at("/fenghuo/incident/alert_ids"))) {
                assertThat(alerts).as("incident " + incident.at("/event/id").asText() + " names alert " + alertId)
                        .containsKey(alertId);
                evidence.addAll(texts(alerts.get(alertId).at("/fenghuo/event_ids")));
            }
        }
        // a pack alert's evidence is the alerts it correlates; a detection alert's, the events it saw
        Set<String> eventEvidence = new HashSet<>(evidence);
        eventEvidence.removeAll(alerts.keySet());
        assertThat(eventEvidence).isNotEmpty();
        assertThat(idsPresent("fenghuo-events-*", eventEvidence)).as("evidence events stored")
                .isEqualTo(eventEvidence.size());
    }

    private KafkaToElasticsearch job(String name, String inventoryYaml) throws IOException {
        Path indicators = dir.resolve(DistrictScenario.INDICATOR_SOURCE + ".txt");
        Files.writeString(indicators, scenario.indicatorList(), StandardCharsets.UTF_8);
        Path assets = dir.resolve("district-assets.yml");
        Files.writeString(assets, inventoryYaml, StandardCharsets.UTF_8);
        CorrelationSettings correlation = CorrelationSettings.defaults()
                .withDetection(DetectionSettings.defaults().withIndicators("list:" + indicators))
                .withPack(scenario.packSettings())
                .withIncidents(IncidentConfig.of(null, List.of(assets)));
        return KafkaToElasticsearch.defaults(kafka.bootstrapServers(), elasticsearch.url())
                .withTopics(topic, topic + "-deadletter")
                .withGroupId("district-" + name)
                .withBounded(true)
                .withPipeline(new PipelineSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(500)))
                .withCorrelation(correlation);
    }

    /** Runs the job on a MiniCluster of two task managers with one slot each (so each runs a subtask of every parallel operator and losing either fails the job over); {@code during} acts on it meanwhile. */
    /** How the job ended, and the last failure it recovered from (null when none). */
    private record Run(JobResult result, ErrorInfo lastFailure, Long restoredCheckpoint) {
    }

    private static JobResult runOnMiniCluster(KafkaToElasticsearch job, ClusterAction during) throws Exception {
        return run(job, during).result();
    }

    private static Run run(KafkaToElasticsearch job, ClusterAction during) throws Exception {
        Configuration config = LocalEnvironments.configuration(Files.createTempDirectory("district-checkpoints"));
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        // the lost task manager's tasks and a checkpoint in flight can each fail an attempt on a loaded machine
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        job.addTo(env);
        JobGraph graph = env.getStreamGraph().getJobGraph();
        MiniClusterConfiguration cluster = new MiniClusterConfiguration.Builder().setConfiguration(config)
                .setNumTaskManagers(2).setNumSlotsPerTaskManager(1).build();
        try (MiniCluster mini = new MiniCluster(cluster)) {
            mini.start();
            JobID id = mini.submitJob(graph).get().getJobID();
            CompletableFuture<JobResult> result = mini.requestJobResult(id);
            if (during != null) {
                during.run(mini, result);
            }
            JobResult done = result.get();
            var archived = mini.getArchivedExecutionGraph(id).get();
            var stats = archived.getCheckpointStatsSnapshot();
            var restored = stats == null ? null : stats.getLatestRestoredCheckpoint();
            return new Run(done, archived.getFailureInfo(), restored == null ? null : restored.getCheckpointId());
        }
    }

    private static String failure(JobResult result) {
        return result.getSerializedThrowable().map(t -> t.getFullStringifiedStackTrace()).orElse("no error");
    }

    @FunctionalInterface
    private interface ClusterAction {
        void run(MiniCluster cluster, CompletableFuture<JobResult> result) throws Exception;
    }

    private void produceAll() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (SecurityEvent e : events) {
                // keyed by source address, as the collectors publish
                String key = e.source() == null ? null : e.source().ip();
                producer.send(new ProducerRecord<>(topic, key, EcsJsonCodec.toJsonBytes(e)));
            }
            producer.flush();
        }
    }

    private Properties consumerProperties(String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    /** Where each partition of {@code outputTopic} ends now (empty when the topic does not exist yet). */
    private Map<TopicPartition, Long> endOffsets(String outputTopic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties("offsets-" + topic))) {
            List<TopicPartition> partitions = consumer.partitionsFor(outputTopic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /** The committed records of {@code outputTopic} after {@code from} (partitions not in it: from the start). */
    private List<ConsumerRecord<String, String>> readCommitted(String outputTopic, Map<TopicPartition, Long> from) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties("check-" + topic))) {
            List<TopicPartition> partitions = consumer.partitionsFor(outputTopic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, from.getOrDefault(tp, 0L));
            }
            int emptyPolls = 0;
            while (emptyPolls < 5) {
                var records = consumer.poll(Duration.ofSeconds(1));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                records.forEach(out::add);
            }
        }
        return out;
    }

    private static List<Alert> allAlerts(PlainJudgement.Result r) {
        return r.allAlerts();
    }

    /** The reference incidents: every alert in time order (ties by id), as the operator takes them; last versions. */
    private static Map<String, Incident> incidentsOf(String inventoryYaml, boolean learn) {
        AssetInventory inventory = AssetInventory.parseYaml(inventoryYaml, "district-assets.yml");
        // what the learner knows once it has seen every event; each fact carries since when it held,
        // and every alert is scored as of its own time, as the job does
        LearnedAssetTable learned = new LearnedAssetTable();
        if (learn) {
            LearnedAssets learner = new LearnedAssets(LearnedAssetSettings.defaults(), inventory);
            events.forEach(learner::observe);
            learner.snapshot().hosts().forEach(h -> learned.apply(new LearnedAssetUpdate(h.learned().ip(), h.learned())));
        }
        IncidentBuilder builder = new IncidentBuilder(IncidentSettings.defaults(), AssetLookup.combined(inventory, learned));
        return reference.incidents(builder, a -> learned.asOf(a.timestamp()));
    }

    private static Incident ledBy(Map<String, Incident> incidents, String sourceIp) {
        return incidents.values().stream()
                .filter(i -> !i.entities().sourceIps().isEmpty() && i.entities().sourceIps().get(0).equals(sourceIp))
                .findFirst().orElseThrow(() -> new AssertionError("the reference has no incident led by " + sourceIp));
    }

    /** The stored incident the reference groups under {@code sourceIp} (its primary entity). */
    private static JsonNode incidentOf(Map<String, JsonNode> incidents, String sourceIp) {
        return incidents.get(ledBy(expectedListed, sourceIp).id());
    }

    private static String ruleOf(String alertId) {
        return allAlerts(reference).stream().filter(a -> a.id().equals(alertId)).map(Alert::ruleId).findFirst().orElse("");
    }

    private static List<String> tactics(JsonNode incident) {
        return texts(incident.at("/threat/tactic/id"));
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }

    private static long count(String index) throws IOException {
        return SliceFixture.count(client, index);
    }

    /** Until the running job completes one more checkpoint than it had on the call. */
    private static void awaitNextCheckpoint(MiniCluster cluster, CompletableFuture<JobResult> job) throws Exception {
        JobID id = cluster.listJobs().get().iterator().next().getJobId();
        long before = completedCheckpoints(cluster, id);
        Instant end = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(end) && !job.isDone()) {
            if (completedCheckpoints(cluster, id) > before) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no checkpoint completed within 3 minutes (or the job ended first)");
    }

    private static long completedCheckpoints(MiniCluster cluster, JobID id) throws Exception {
        var stats = cluster.getExecutionGraph(id).get().getCheckpointStatsSnapshot();
        return stats == null ? 0 : stats.getCounts().getNumberOfCompletedCheckpoints();
    }

    private static void awaitCount(String index, long atLeast, CompletableFuture<JobResult> job) throws Exception {
        Instant end = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(end)) {
            if (job.isDone()) {
                throw new AssertionError("the job ended before " + index + " reached " + atLeast + ": "
                        + job.get().getSerializedThrowable().map(t -> t.getFullStringifiedStackTrace()).orElse("no error"));
            }
            try {
                if (count(index) >= atLeast) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // index not there yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(index + " never reached " + atLeast + " documents");
    }

    private static Map<String, JsonNode> documents(String index) throws IOException {
        client.indices().refresh(r -> r.index(index).ignoreUnavailable(true).allowNoIndices(true));
        Map<String, JsonNode> out = new HashMap<>();
        SearchResponse<JsonNode> response = client.search(s -> s.index(index).size(10_000).trackTotalHits(t -> t.enabled(true)),
                JsonNode.class);
        for (Hit<JsonNode> h : response.hits().hits()) {
            assertThat(out.put(h.id(), h.source())).as("one document per id: " + h.id()).isNull();
        }
        assertThat(response.hits().total().value()).as(index + " fits one page").isEqualTo(out.size());
        return out;
    }

    private static long idsPresent(String index, Set<String> ids) throws IOException {
        long found = 0;
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            List<String> batch = all.subList(i, Math.min(all.size(), i + 1000));
            found += client.count(c -> c.index(index).query(q -> q.ids(x -> x.values(batch)))).count();
        }
        return found;
    }
}
