package org.fenghuo.correlation.elasticsearch;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.metrics.MetricGroup;
import org.fenghuo.events.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers documents and sends them in bulk when the buffer is full, when the flush interval
 * passes, and before every checkpoint. Everything runs on the task's mailbox thread (the timer
 * callback included), so the buffer needs no locking.
 */
final class ElasticsearchSinkWriter<T> implements SinkWriter<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);
    static final int MAX_RAW_BYTES = 64 * 1024;

    private final ElasticsearchSinkSettings settings;
    private final DocumentFactory<T> documents;
    private final ElasticsearchClient client;
    private final BulkIndexer indexer;
    private final BulkStats stats = new BulkStats();
    private final ProcessingTimeService time;
    private final DeadLetterDocuments deadLetterDocuments = new DeadLetterDocuments();
    private final IndexTemplates.Template template;
    /** Null when this sink measures no latency. */
    private final LatencyTimes<T> times;
    private final IndexLatency latency;

    private List<IndexDocument> buffer = new ArrayList<>();
    private long bufferedBytes;
    private boolean templatesInstalled;

    /**
     * @param times start times for the latency metrics, or null for none
     * @param clock epoch milliseconds, read when Elasticsearch acknowledges a document
     */
    ElasticsearchSinkWriter(ElasticsearchSinkSettings settings, DocumentFactory<T> documents,
                            IndexTemplates.Template template, LatencyTimes<T> times, ProcessingTimeService time,
                            MetricGroup metrics, LongSupplier clock) {
        this.settings = settings;
        this.documents = documents;
        this.template = template;
        this.times = times;
        this.latency = times == null ? null : new IndexLatency(clock);
        this.client = ElasticsearchClients.create(settings.url());
        this.indexer = new BulkIndexer(client, settings, stats);
        this.time = time;
        registerMetrics(metrics);
        scheduleFlush();
    }

    private void registerMetrics(MetricGroup group) {
        MetricGroup es = group.addGroup("elasticsearch");
        if (latency != null) {
            latency.register(es);
        }
        es.gauge("indexed", stats::indexed);
        es.gauge("retriedItems", stats::retriedItems);
        es.gauge("failedRequests", stats::failedRequests);
        es.gauge("splitRequests", stats::splitRequests);
        es.gauge("rejected", stats::rejected);
        es.gauge("deadLettered", stats::deadLettered);
        es.gauge("lost", stats::lost);
    }

    @Override
    public void write(T element, Context context) throws IOException, InterruptedException {
        IndexDocument document = documents.toDocument(element, context.currentWatermark());
        buffer.add(document);
        if (latency != null) {
            latency.buffered(times.eventTime(element), times.ingestTime(element));
        }
        bufferedBytes += document.json().length;
        if (buffer.size() >= settings.maxActions() || bufferedBytes >= settings.maxBytes()) {
            flushBuffer();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        flushBuffer();
    }

    private void scheduleFlush() {
        time.registerTimer(time.getCurrentProcessingTime() + settings.flushInterval().toMillis(), now -> {
            flushBuffer();
            scheduleFlush();
        });
    }

    private void flushBuffer() throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        ensureTemplates();
        List<IndexDocument> sending = buffer;
        buffer = new ArrayList<>();
        bufferedBytes = 0;
        List<BulkIndexer.Rejected> rejected;
        if (latency == null) {
            rejected = indexer.indexAll(sending);
        } else {
            rejected = indexer.indexAll(sending, latency::indexed);
            latency.clear();
        }
        if (!rejected.isEmpty()) {
            deadLetter(rejected);
        }
    }

    private void ensureTemplates() throws InterruptedException {
        if (!templatesInstalled) {
            Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
            IndexTemplates.install(client, template, backoff);
            IndexTemplates.install(client, IndexTemplates.Template.DEAD_LETTERS, backoff);
            templatesInstalled = true;
        }
    }

    /**
     * A refused document is kept in the dead-letter index with Elasticsearch's reason: whole up to
     * {@value #MAX_RAW_BYTES} bytes (a document refused for its size must not come back as a larger one).
     */
    private void deadLetter(List<BulkIndexer.Rejected> rejected) throws IOException, InterruptedException {
        stats.rejected.addAndGet(rejected.size());
        List<IndexDocument> letters = new ArrayList<>(rejected.size());
        for (BulkIndexer.Rejected r : rejected) {
            DeadLetter letter = DeadLetter.of(Instant.now(), "correlation.elasticsearch-sink",
                    r.document().index() + "/" + r.document().id(), -1,
                    "Elasticsearch refused the " + (r.wholeRequest() ? "request" : "document") + " (" + r.status()
                            + "): " + r.reason(), r.document().json(), MAX_RAW_BYTES);
            letters.add(deadLetterDocuments.toDocument(letter));
        }
        List<BulkIndexer.Rejected> lost = indexer.indexAll(letters);
        stats.deadLettered.addAndGet(letters.size() - lost.size());
        for (BulkIndexer.Rejected l : lost) {
            stats.lost.incrementAndGet();
            LOG.error("dead letter {} refused by Elasticsearch ({}): {}", l.document().id(), l.status(), l.reason());
        }
    }

    @Override
    public void close() {
        ElasticsearchClients.closeQuietly(client);
    }
}
