package org.fenghuo.correlation.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.streaming.runtime.tasks.TestProcessingTimeService;
import org.fenghuo.correlation.TestAlerts;
import org.fenghuo.correlation.TestEvents;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Incident;
import org.fenghuo.events.SecurityEvent;
import org.fenghuo.events.WarningLevel;
import org.fenghuo.deploy.infra.ElasticsearchEndpoint;
import org.fenghuo.deploy.infra.ElasticsearchFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sink writers against a real Elasticsearch 8.19: one document per alert and per incident
 * whatever the number of versions, the templates' types, mapping conflicts dead-lettered with
 * Elasticsearch's reason while the rest of the bulk is indexed, and the latency histogram.
 */
class ElasticsearchSinksTest {
    private static final SinkWriter.Context NO_WATERMARK = new SinkWriter.Context() {
        @Override
        public long currentWatermark() {
            return Long.MIN_VALUE;
        }

        @Override
        public Long timestamp() {
            return null;
        }
    };

    private static ElasticsearchEndpoint elasticsearch;
    private static ElasticsearchClient client;
    private static ElasticsearchSinkSettings settings;

    @BeforeAll
    static void start() {
        elasticsearch = ElasticsearchFixture.obtain();
        client = ElasticsearchClients.create(elasticsearch.url());
        settings = new ElasticsearchSinkSettings(elasticsearch.url(), 100, 5L << 20, Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        ElasticsearchClients.closeQuietly(client);
        if (elasticsearch != null) {
            elasticsearch.close();
        }
    }

    @BeforeEach
    void noFenghuoIndices() throws IOException {
        client.indices().delete(d -> d.index("fenghuo-*").ignoreUnavailable(true).allowNoIndices(true));
    }

    private static <T> ElasticsearchSinkWriter<T> writer(DocumentFactory<T> documents, IndexTemplates.Template template,
                                                         LatencyTimes<T> times, CapturingMetricGroup metrics,
                                                         LongSupplier clock) {
        return new ElasticsearchSinkWriter<>(settings, documents, template, times, new TestProcessingTimeService(),
                metrics, clock);
    }

    @SafeVarargs
    private static <T> void writeAll(ElasticsearchSinkWriter<T> writer, T... elements) throws Exception {
        for (T element : elements) {
            writer.write(element, NO_WATERMARK);
        }
        writer.flush(false);
        writer.close();
    }

    @Test
    void anAlertAndAnIncidentUpdatedTwiceAreOneDocumentEachWithTheirMappedTypes() throws Exception {
        Instant created = Instant.now().minusSeconds(3600);
        Alert alert = TestAlerts.bruteForce("alert-1", created, "203.0.113.9");
        Incident v1 = TestAlerts.incident("inc-1", created, created, List.of("alert-1"), "203.0.113.9", WarningLevel.BLUE);
        // the second version is updated a day later: it must still land on the first version's document
        Incident v2 = TestAlerts.incident("inc-1", created, created.plus(Duration.ofDays(1)), List.of("alert-1", "alert-2"),
                "203.0.113.9", WarningLevel.ORANGE);

        writeAll(writer(new AlertDocuments(), IndexTemplates.Template.ALERTS, null, new CapturingMetricGroup(), System::currentTimeMillis),
                alert, alert);
        writeAll(writer(new IncidentDocuments(), IndexTemplates.Template.INCIDENTS, null, new CapturingMetricGroup(),
                System::currentTimeMillis), v1);
        writeAll(writer(new IncidentDocuments(), IndexTemplates.Template.INCIDENTS, null, new CapturingMetricGroup(),
                System::currentTimeMillis), v2);

        assertThat(count("fenghuo-alerts-*")).isEqualTo(1);
        assertThat(count("fenghuo-incidents-*")).isEqualTo(1);
        ObjectNode incident = only("fenghuo-incidents-*");
        assertThat(incident.at("/fenghuo/incident/alert_ids").toString()).isEqualTo("[\"alert-1\",\"alert-2\"]");
        assertThat(incident.at("/fenghuo/incident/level").asText()).isEqualTo("II");
        assertThat(incident.at("/fenghuo/incident/warning_name").asText()).isEqualTo("橙色预警");
        assertThat(only("fenghuo-alerts-*").at("/rule/name").asText()).isEqualTo("SSH brute force");

        assertThat(mappedType("fenghuo-alerts-*", "related.ip")).isEqualTo(Property.Kind.Ip);
        assertThat(mappedType("fenghuo-alerts-*", "event.risk_score")).isEqualTo(Property.Kind.Float);
        assertThat(mappedType("fenghuo-alerts-*", "threat.technique.id")).isEqualTo(Property.Kind.Keyword);
        assertThat(mappedType("fenghuo-alerts-*", "fenghuo.entities.destination_ip")).isEqualTo(Property.Kind.Ip);
        assertThat(mappedType("fenghuo-incidents-*", "fenghuo.incident.updated")).isEqualTo(Property.Kind.Date);
        assertThat(mappedType("fenghuo-incidents-*", "fenghuo.incident.alert_count")).isEqualTo(Property.Kind.Long);
        assertThat(mappedType("fenghuo-incidents-*", "fenghuo.incident.level_number")).isEqualTo(Property.Kind.Byte);
        assertThat(mappedType("fenghuo-incidents-*", "fenghuo.incident.category.code")).isEqualTo(Property.Kind.Keyword);
        assertThat(countQuery("fenghuo-incidents-*", "related.ip:\"203.0.113.0/24\"")).isEqualTo(1);
    }

    @Test
    void aMappingConflictIsDeadLetteredWithTheReasonAndTheRestOfTheBulkIndexed() throws Exception {
        Instant now = Instant.now().minusSeconds(60);
        String day = DocumentIds.dailyIndex("", now).substring(1);
        // events: raw JSON, as a record that bypassed the model would arrive
        DocumentFactory<String> rawEvents = json -> new IndexDocument("fenghuo-events-" + day,
                DocumentIds.contentHash(json), json.getBytes(StandardCharsets.UTF_8));
        CapturingMetricGroup eventMetrics = new CapturingMetricGroup();
        writeAll(writer(rawEvents, IndexTemplates.Template.EVENTS, null, eventMetrics, System::currentTimeMillis),
                "{\"@timestamp\":\"" + now + "\",\"source\":{\"ip\":\"10.0.0.1\"}}",
                "{\"@timestamp\":\"" + now + "\",\"source\":{\"ip\":\"not-an-ip\"}}",
                "{\"@timestamp\":\"" + now + "\",\"source\":{\"ip\":\"10.0.0.2\"}}");
        CapturingMetricGroup alertMetrics = new CapturingMetricGroup();
        writeAll(writer(new AlertDocuments(), IndexTemplates.Template.ALERTS, null, alertMetrics, System::currentTimeMillis),
                TestAlerts.bruteForce("good-alert", now, "203.0.113.9"), TestAlerts.bruteForce("bad-alert", now, "not-an-ip"));
        CapturingMetricGroup incidentMetrics = new CapturingMetricGroup();
        writeAll(writer(new IncidentDocuments(), IndexTemplates.Template.INCIDENTS, null, incidentMetrics,
                        System::currentTimeMillis),
                TestAlerts.incident("bad-incident", now, now, List.of("a"), "not-an-ip", WarningLevel.BLUE),
                TestAlerts.incident("good-incident", now, now, List.of("a"), "203.0.113.9", WarningLevel.BLUE));

        assertThat(count("fenghuo-events-*")).isEqualTo(2);
        assertThat(count("fenghuo-alerts-*")).isEqualTo(1);
        assertThat(only("fenghuo-alerts-*").at("/event/id").asText()).isEqualTo("good-alert");
        assertThat(count("fenghuo-incidents-*")).isEqualTo(1);
        assertThat(only("fenghuo-incidents-*").at("/event/id").asText()).isEqualTo("good-incident");

        assertThat(count("fenghuo-deadletter-*")).isEqualTo(3);
        for (String index : List.of("fenghuo-events-", "fenghuo-alerts-", "fenghuo-incidents-")) {
            SearchResponse<ObjectNode> hits = client.search(s -> s.index("fenghuo-deadletter-*")
                    .query(q -> q.prefix(p -> p.field("fenghuo.dead_letter.origin").value(index))), ObjectNode.class);
            assertThat(hits.hits().hits()).as(index).hasSize(1);
            ObjectNode letter = hits.hits().hits().get(0).source();
            assertThat(letter.at("/error/message").asText()).as(index)
                    .contains("Elasticsearch refused the document (400)", "document_parsing_exception", "not-an-ip");
            String raw = new String(java.util.Base64.getDecoder().decode(letter.at("/fenghuo/dead_letter/raw_base64").asText()),
                    StandardCharsets.UTF_8);
            assertThat(raw).as("the refused document is kept whole").contains("not-an-ip");
        }
        for (CapturingMetricGroup m : List.of(eventMetrics, alertMetrics, incidentMetrics)) {
            assertThat(m.count("elasticsearch.rejected")).isEqualTo(1);
            assertThat(m.count("elasticsearch.deadLettered")).isEqualTo(1);
            assertThat(m.count("elasticsearch.lost")).isZero();
        }
        assertThat(eventMetrics.count("elasticsearch.indexed")).isEqualTo(2 + 1); // two events and the dead letter
    }

    @Test
    void aDocumentRefusedForTheWholeRequestIsDeadLetteredAndTheRestOfItsBulkIndexed() throws Exception {
        // Elasticsearch validates ids before it looks at items: one id over 512 bytes fails the whole
        // bulk with 400. Retrying the bulk would fail again, and failing the job would restart it into
        // the same bulk for ever; the sink halves the bulk until the one document is alone.
        Instant now = Instant.now().minusSeconds(60);
        String day = DocumentIds.dailyIndex("", now).substring(1);
        String tooLong = "x".repeat(600);
        DocumentFactory<String> rawEvents = id -> new IndexDocument("fenghuo-events-" + day, id,
                ("{\"@timestamp\":\"" + now + "\",\"labels\":{\"n\":\"" + id.length() + "\"}}")
                        .getBytes(StandardCharsets.UTF_8));
        CapturingMetricGroup metrics = new CapturingMetricGroup();
        writeAll(writer(rawEvents, IndexTemplates.Template.EVENTS, null, metrics, System::currentTimeMillis),
                "a", "b", "c", tooLong, "d", "e");

        assertThat(count("fenghuo-events-*")).isEqualTo(5);
        assertThat(count("fenghuo-deadletter-*")).isEqualTo(1);
        ObjectNode letter = only("fenghuo-deadletter-*");
        assertThat(letter.at("/error/message").asText())
                .contains("Elasticsearch refused the request (400)", "is too long, must be no longer than 512 bytes");
        assertThat(letter.at("/fenghuo/dead_letter/origin").asText()).startsWith("fenghuo-events-" + day + "/xxxx");
        assertThat(metrics.count("elasticsearch.rejected")).isEqualTo(1);
        assertThat(metrics.count("elasticsearch.deadLettered")).isEqualTo(1);
        assertThat(metrics.count("elasticsearch.splitRequests")).isPositive();
        assertThat(metrics.count("elasticsearch.lost")).isZero();
    }

    @Test
    void anEventWhoseIdElasticsearchCannotTakeIsIndexedUnderTheHashOfItsId() throws Exception {
        Instant now = Instant.now().minusSeconds(60);
        String tooLong = "y".repeat(600);
        CapturingMetricGroup metrics = new CapturingMetricGroup();
        writeAll(writer(new SecurityEventDocuments(), IndexTemplates.Template.EVENTS, null, metrics,
                System::currentTimeMillis), TestEvents.sshFailure(tooLong, now, "10.0.0.1"),
                TestEvents.sshFailure(tooLong, now, "10.0.0.1"));

        assertThat(count("fenghuo-events-*")).as("the same event twice is one document").isEqualTo(1);
        assertThat(only("fenghuo-events-*").at("/event/id").asText()).isEqualTo(tooLong);
        assertThat(metrics.count("elasticsearch.rejected")).isZero();
    }

    @Test
    void theLatencyHistogramRecordsOneValuePerIndexedEventFromAControlledClock() throws Exception {
        long now = Instant.now().toEpochMilli();
        Instant t = Instant.ofEpochMilli(now);
        SecurityEvent plain = createdAt(TestEvents.sshFailure("lat-1", t.minusMillis(1500), "10.0.0.1"), t.minusMillis(200));
        SecurityEvent ahead = createdAt(TestEvents.sshFailure("lat-2", t.plusMillis(10_000), "10.0.0.2"), t.minusMillis(300));
        SecurityEvent noCreated = TestEvents.sshFailure("lat-3", t.minusMillis(2000), "10.0.0.3");
        SecurityEvent refused = createdAt(TestEvents.sshFailure("lat-4", t.minusMillis(10), "not-an-ip"), t.minusMillis(5));
        CapturingMetricGroup metrics = new CapturingMetricGroup();

        writeAll(writer(new SecurityEventDocuments(), IndexTemplates.Template.EVENTS, LatencyTimes.events(), metrics,
                () -> now), plain, ahead, noCreated, refused);

        assertThat(count("fenghuo-events-*")).isEqualTo(3);
        var fromEvent = metrics.histogram("elasticsearch.eventToIndexedLatencyMs");
        assertThat(fromEvent.getCount()).isEqualTo(2);
        assertThat(fromEvent.getStatistics().getMin()).isEqualTo(1500);
        assertThat(fromEvent.getStatistics().getMax()).isEqualTo(2000);
        assertThat(metrics.count("elasticsearch.eventTimeInFuture")).isEqualTo(1);
        var fromIngest = metrics.histogram("elasticsearch.ingestToIndexedLatencyMs");
        assertThat(fromIngest.getCount()).isEqualTo(2);
        assertThat(fromIngest.getStatistics().getMin()).isEqualTo(200);
        assertThat(fromIngest.getStatistics().getMax()).isEqualTo(300);
        assertThat(metrics.count("elasticsearch.ingestTimeMissing")).isEqualTo(1);
        assertThat(metrics.count("elasticsearch.deadLettered")).isEqualTo(1);
    }

    @Test
    void lateEventsAreStoredWholeWithTheirReason() throws Exception {
        Instant t = Instant.now().minusSeconds(600);
        SecurityEvent late = TestEvents.sshFailure("late-1", t, "10.0.0.7");
        SinkWriter.Context watermarked = new SinkWriter.Context() {
            @Override
            public long currentWatermark() {
                return t.toEpochMilli() + 120_000;
            }

            @Override
            public Long timestamp() {
                return null;
            }
        };
        ElasticsearchSinkWriter<SecurityEvent> writer = writer(new LateEventDocuments(), IndexTemplates.Template.LATE, null,
                new CapturingMetricGroup(), System::currentTimeMillis);
        writer.write(late, watermarked);
        writer.write(late, watermarked);
        writer.flush(false);
        writer.close();

        assertThat(count("fenghuo-late-*")).isEqualTo(1);
        assertThat(count("fenghuo-events-*")).isZero();
        ObjectNode doc = only("fenghuo-late-*");
        assertThat(doc.at("/fenghuo/late/reason").asText()).isEqualTo("beyond_allowed_lateness");
        assertThat(doc.at("/fenghuo/late/lag_ms").asLong()).isEqualTo(120_000);
        assertThat(mappedType("fenghuo-late-*", "source.ip")).isEqualTo(Property.Kind.Ip);
        assertThat(mappedType("fenghuo-late-*", "fenghuo.late.watermark")).isEqualTo(Property.Kind.Date);
    }

    private static SecurityEvent createdAt(SecurityEvent e, Instant created) {
        SecurityEvent.EventInfo i = e.event();
        return e.toBuilder().event(new SecurityEvent.EventInfo(i.id(), i.kind(), i.category(), i.type(), i.action(),
                i.outcome(), i.module(), i.dataset(), i.provider(), i.severity(), i.original(), created, i.ingested(),
                i.start(), i.end(), i.duration())).build();
    }

    private static long count(String index) throws IOException {
        client.indices().refresh(r -> r.index(index).ignoreUnavailable(true).allowNoIndices(true));
        return client.count(c -> c.index(index).ignoreUnavailable(true).allowNoIndices(true)).count();
    }

    private static long countQuery(String index, String query) throws IOException {
        client.indices().refresh(r -> r.index(index).ignoreUnavailable(true).allowNoIndices(true));
        return client.count(c -> c.index(index).query(q -> q.queryString(qs -> qs.query(query)))).count();
    }

    private static ObjectNode only(String index) throws IOException {
        SearchResponse<ObjectNode> hits = client.search(s -> s.index(index).size(2), ObjectNode.class);
        assertThat(hits.hits().hits()).as(index).hasSize(1);
        return hits.hits().hits().get(0).source();
    }

    private static Property.Kind mappedType(String index, String field) throws IOException {
        var mappings = client.indices().getFieldMapping(f -> f.index(index).fields(field)).result();
        var leaf = mappings.values().iterator().next().mappings().get(field);
        assertThat(leaf).as(field + " mapped in " + index).isNotNull();
        return leaf.mapping().values().iterator().next()._kind();
    }
}
