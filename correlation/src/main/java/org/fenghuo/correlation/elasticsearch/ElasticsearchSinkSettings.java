package org.fenghuo.correlation.elasticsearch;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.fenghuo.correlation.settings.SettingsCheck;

/**
 * How the sink talks to Elasticsearch.
 *
 * @param url            base URL, e.g. {@code http://127.0.0.1:9200}
 * @param maxActions     documents per bulk request
 * @param maxBytes       bytes of documents per bulk request
 * @param flushInterval  longest time a document waits in the buffer
 * @param initialBackoff first wait after a failed bulk request or rejected items
 * @param maxBackoff     longest wait between retries; retries never give up on retryable errors,
 *                       so an outage back-pressures the job instead of losing events
 */
public record ElasticsearchSinkSettings(String url, int maxActions, long maxBytes, Duration flushInterval,
                                        Duration initialBackoff, Duration maxBackoff) implements Serializable {

    public static ElasticsearchSinkSettings defaults(String url) {
        return new ElasticsearchSinkSettings(url, 1000, 5L * 1024 * 1024, Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    public ElasticsearchSinkSettings withMaxBackoff(Duration value) {
        return new ElasticsearchSinkSettings(url, maxActions, maxBytes, flushInterval, initialBackoff, value);
    }

    /** Every problem at once, each naming its key. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        try {
            URI uri = URI.create(String.valueOf(url));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.add("elasticsearch.url = " + url + ": expected http(s)://host:port");
            }
        } catch (IllegalArgumentException e) {
            problems.add("elasticsearch.url = " + url + ": expected http(s)://host:port (" + e.getMessage() + ")");
        }
        SettingsCheck.atLeast("elasticsearch.bulk.max-actions", maxActions, 1, problems);
        SettingsCheck.atLeast("elasticsearch.bulk.max-bytes", maxBytes, 1024, problems);
        SettingsCheck.positive("elasticsearch.bulk.flush-interval", flushInterval, problems);
        SettingsCheck.positive("elasticsearch.retry.initial-backoff", initialBackoff, problems);
        SettingsCheck.positive("elasticsearch.retry.max-backoff", maxBackoff, problems);
        return problems;
    }

    public ElasticsearchSinkSettings validated() {
        SettingsCheck.throwIfAny("Elasticsearch sink settings", problems());
        return this;
    }
}
