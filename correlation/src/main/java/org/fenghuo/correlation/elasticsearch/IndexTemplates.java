package org.fenghuo.correlation.elasticsearch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs Fenghuo's composable index templates, which map ECS fields to their types
 * ({@code ip}, {@code date}, {@code keyword}, ...) before the first document creates an index.
 */
public final class IndexTemplates {
    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);

    /**
     * Template name to classpath resource. A template with a base is the base's JSON with its own
     * resource merged over it (objects merged key by key, anything else replaced): the late-data
     * index maps every event field exactly as the events index does without a second copy to drift.
     */
    public enum Template {
        EVENTS("fenghuo-events", "elasticsearch/fenghuo-events-template.json", null),
        DEAD_LETTERS("fenghuo-deadletter", "elasticsearch/fenghuo-deadletter-template.json", null),
        ALERTS("fenghuo-alerts", "elasticsearch/fenghuo-alerts-template.json", null),
        INCIDENTS("fenghuo-incidents", "elasticsearch/fenghuo-incidents-template.json", null),
        LATE("fenghuo-late", "elasticsearch/fenghuo-late-template.json", EVENTS);

        private final String templateName;
        private final String resource;
        private final Template base;

        Template(String templateName, String resource, Template base) {
            this.templateName = templateName;
            this.resource = resource;
            this.base = base;
        }

        public String templateName() {
            return templateName;
        }

        public InputStream open() {
            if (base == null) {
                return openResource(resource);
            }
            try (InputStream baseJson = base.open(); InputStream own = openResource(resource)) {
                ObjectMapper mapper = new ObjectMapper();
                JsonNode merged = merge(mapper.readTree(baseJson), mapper.readTree(own));
                return new ByteArrayInputStream(mapper.writeValueAsBytes(merged));
            } catch (IOException e) {
                // a bundled resource that does not parse is a build bug: fail, do not retry as if ES were down
                throw new IllegalStateException("cannot read index template " + resource + " over " + base.resource, e);
            }
        }
    }

    private static InputStream openResource(String resource) {
        InputStream in = IndexTemplates.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("index template resource missing from the classpath: " + resource);
        }
        return in;
    }

    /** {@code over} merged into {@code base}: objects key by key, any other value replaced. */
    static JsonNode merge(JsonNode base, JsonNode over) {
        if (!(base instanceof ObjectNode target) || !over.isObject()) {
            return over;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = target.get(field.getKey());
            target.set(field.getKey(), existing == null ? field.getValue() : merge(existing, field.getValue()));
        }
        return target;
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
