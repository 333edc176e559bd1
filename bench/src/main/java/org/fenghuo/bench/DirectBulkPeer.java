package org.fenghuo.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import org.fenghuo.correlation.elasticsearch.IndexDocument;
import org.fenghuo.correlation.elasticsearch.IndexTemplates;
import org.fenghuo.correlation.elasticsearch.SecurityEventDocuments;
import org.fenghuo.events.SecurityEvent;

/**
 * The peer: the same already-parsed events bulk-indexed straight into Elasticsearch from one
 * thread, in bulks of the sink's default size, with the same index template and ids. Whatever
 * the slice adds (Kafka, Flink, serialisation) shows as the ratio to this.
 */
public final class DirectBulkPeer {
    private static final int BULK = 1000;

    private DirectBulkPeer() {
    }

    static double run(List<SecurityEvent> events, String esUrl, ElasticsearchClient client) throws Exception {
        return run(events, events.size(), client);
    }

    /**
     * As above for a stream too large to hold (read lazily, e.g. a generated scenario): {@code count}
     * is how many it yields. The events are made while the clock runs, so a slow generator counts.
     */
    public static double run(Iterable<SecurityEvent> events, long count, ElasticsearchClient client) throws Exception {
        Indices.deleteFenghuo(client);
        IndexTemplates.install(client, IndexTemplates.Template.EVENTS);
        SecurityEventDocuments documents = new SecurityEventDocuments();
        long start = System.nanoTime();
        List<SecurityEvent> slice = new ArrayList<>(BULK);
        for (SecurityEvent event : events) {
            slice.add(event);
            if (slice.size() == BULK) {
                bulk(slice, documents, client);
                slice.clear();
            }
        }
        if (!slice.isEmpty()) {
            bulk(slice, documents, client);
        }
        Indices.awaitCount(client, "fenghuo-events-*", count, Duration.ofMinutes(10));
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void bulk(List<SecurityEvent> slice, SecurityEventDocuments documents, ElasticsearchClient client)
            throws Exception {
        BulkRequest.Builder request = new BulkRequest.Builder();
        for (SecurityEvent event : slice) {
            IndexDocument doc = documents.toDocument(event);
            BinaryData source = BinaryData.of(doc.json(), ContentType.APPLICATION_JSON);
            request.operations(BulkOperation.of(op -> op.index(ix -> ix.index(doc.index()).id(doc.id()).document(source))));
        }
        BulkResponse response = client.bulk(request.build());
        if (response.errors()) {
            throw new IllegalStateException("direct bulk had item errors: " + response.items().get(0).error());
        }
    }
}
