package org.fenghuo.bench;

import java.io.IOException;
import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/** Index housekeeping for benchmark runs. */
public final class Indices {
    private Indices() {
    }

    public static void deleteFenghuo(ElasticsearchClient client) throws IOException {
        client.indices().delete(d -> d.index("fenghuo-*").ignoreUnavailable(true).allowNoIndices(true));
    }

    public static long count(ElasticsearchClient client, String pattern) throws IOException {
        client.indices().refresh(r -> r.index(pattern).ignoreUnavailable(true).allowNoIndices(true));
        return client.count(c -> c.index(pattern).ignoreUnavailable(true).allowNoIndices(true)).count();
    }

    /** Waits until the pattern holds {@code expected} documents; fails the run if it does not in time. */
    public static void awaitCount(ElasticsearchClient client, String pattern, long expected, Duration limit)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long count = count(client, pattern);
        while (count < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pattern + " holds " + count + " of " + expected + " documents after " + limit);
            }
            Thread.sleep(50);
            count = count(client, pattern);
        }
        if (count > expected) {
            throw new IllegalStateException(pattern + " holds " + count + " documents, more than the " + expected + " sent");
        }
    }
}
