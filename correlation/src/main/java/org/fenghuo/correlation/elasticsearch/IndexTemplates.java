package org.fenghuo.correlation.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs Fenghuo's composable index templates, which map ECS fields to their types
 * ({@code ip}, {@code date}, {@code keyword}, ...) before the first document creates an index.
 */
public final class IndexTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);

    /** Template name to classpath resource. */
    public enum Template {
        EVENTS("fenghuo-events", "elasticsearch/fenghuo-events-template.json"),
        DEAD_LETTERS("fenghuo-deadletter", "elasticsearch/fenghuo-deadletter-template.json");

        private final String templateName;
        private final String resource;

        Template(String templateName, String resource) {
            this.templateName = templateName;
            this.resource = resource;
        }

        public String templateName() {
            return templateName;
        }

        public InputStream open() {
            InputStream in = IndexTemplates.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("index template resource missing from the classpath: " + resource);
            }
            return in;
        }
    }

    private IndexTemplates() {
    }

    /**
     * Puts the template (idempotent), retrying while Elasticsearch is unreachable, so a job that
     * starts before Elasticsearch waits for it instead of writing unmapped indices.
     */
    public static void install(ElasticsearchClient client, Template template, Backoff backoff)
            throws InterruptedException {
        while (true) {
            try (InputStream json = template.open()) {
                client.indices().putIndexTemplate(r -> r.name(template.templateName()).withJson(json));
                return;
            } catch (ElasticsearchException e) {
                if (!BulkIndexer.isRetryable(e.status())) {
                    throw new IllegalStateException("Elasticsearch refused index template " + template.templateName()
                            + ": " + e.getMessage(), e);
                }
                LOG.warn("Elasticsearch cannot take index template {} yet ({}), retrying", template.templateName(), e.status());
                Thread.sleep(backoff.nextMillis());
            } catch (UncheckedIOException | IOException e) {
                LOG.warn("cannot install index template {} yet, retrying: {}", template.templateName(), e.toString());
                Thread.sleep(backoff.nextMillis());
            }
        }
    }

    /** For tools and tests that install without waiting. */
    public static void install(ElasticsearchClient client, Template template) throws InterruptedException {
        install(client, template, new Backoff(java.time.Duration.ofMillis(200), java.time.Duration.ofSeconds(5)));
    }
}
