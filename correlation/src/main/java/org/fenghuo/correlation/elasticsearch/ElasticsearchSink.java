package org.fenghuo.correlation.elasticsearch;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink sink that bulk-indexes into Elasticsearch with deterministic ids. It flushes everything
 * it buffered before each checkpoint completes, so together with replay from Kafka and the ids, a
 * failure neither loses nor duplicates a document.
 */
public final class ElasticsearchSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final ElasticsearchSinkSettings settings;
    private final DocumentFactory<T> documents;
    private final IndexTemplates.Template template;

    public ElasticsearchSink(ElasticsearchSinkSettings settings, DocumentFactory<T> documents,
                             IndexTemplates.Template template) {
        this.settings = settings.validated();
        this.documents = documents;
        this.template = template;
    }

    public static ElasticsearchSink<org.fenghuo.events.SecurityEvent> events(ElasticsearchSinkSettings settings) {
        return new ElasticsearchSink<>(settings, new SecurityEventDocuments(), IndexTemplates.Template.EVENTS);
    }

    public static ElasticsearchSink<org.fenghuo.events.DeadLetter> deadLetters(ElasticsearchSinkSettings settings) {
        return new ElasticsearchSink<>(settings, new DeadLetterDocuments(), IndexTemplates.Template.DEAD_LETTERS);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new ElasticsearchSinkWriter<>(settings, documents, template, context);
    }
}
