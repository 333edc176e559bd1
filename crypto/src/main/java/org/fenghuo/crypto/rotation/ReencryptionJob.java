package org.fenghuo.crypto.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.fenghuo.crypto.envelope.FieldEnvelope;
import org.fenghuo.crypto.keys.KeyRing;

/**
 * After a data-key rotation, re-seals under the current key every sealed value of older versions
 * in the documents of an index pattern. It reads a point-in-time snapshot page by page
 * ({@code search_after} on {@code _shard_doc}), re-seals in memory with each value's context,
 * and writes changed documents back with {@code _bulk} guarded by {@code if_seq_no} and
 * {@code if_primary_term}: a document changed meanwhile is counted as a conflict, never overwritten
 * (run the job again to pick it up). Values that do not open, and documents stored without
 * {@code _source}, are left as they were and counted. When Elasticsearch fails mid-run the
 * {@link ReencryptionAborted} it throws carries the counts until then.
 */
public final class ReencryptionJob {

    public static final int DEFAULT_PAGE_SIZE = 500;
    /** Failure reason of a document stored without {@code _source}; counted per document, not per value. */
    public static final String NO_SOURCE = "no_source";
    private static final String KEEP_ALIVE = "2m";

    private final ElasticsearchHttp es;
    private final KeyRing keys;
    private final ValueContext context;
    private final int pageSize;
    private final SecureRandom random;

    public ReencryptionJob(String elasticsearchUrl, KeyRing keys, ValueContext context, int pageSize, Duration timeout,
            SecureRandom random) {
        this(new ElasticsearchHttp(Objects.requireNonNull(elasticsearchUrl, "elasticsearchUrl"), timeout), keys, context,
                pageSize, random);
    }

    ReencryptionJob(ElasticsearchHttp es, KeyRing keys, ValueContext context, int pageSize, SecureRandom random) {
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("page size must be 1-10000, was " + pageSize);
        }
        this.es = es;
        this.keys = Objects.requireNonNull(keys, "keys");
        this.context = Objects.requireNonNull(context, "context");
        this.pageSize = pageSize;
        this.random = random;
    }

    /** With the {@code <field path>|<event.id>} context convention and default paging. */
    public ReencryptionJob(String elasticsearchUrl, KeyRing keys) {
        this(elasticsearchUrl, keys, SealedValueContext.ECS_EVENT_ID, DEFAULT_PAGE_SIZE, Duration.ofSeconds(60),
                new SecureRandom());
    }

    public ReencryptionReport run(String indexPattern) {
        return run(indexPattern, report -> { });
    }

    /**
     * @param progress called after each page with the counts so far (for a status line)
     * @throws ReencryptionAborted with the counts so far when Elasticsearch is unreachable or refuses a
     *     call (e.g. no such index, a failed {@code _bulk}); its cause names the call
     */
    public ReencryptionReport run(String indexPattern, Consumer<ReencryptionReport> progress) {
        Counts counts = new Counts();
        try {
            return run(indexPattern, progress, counts);
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new ReencryptionAborted(counts.report(), e);
        }
    }

    private ReencryptionReport run(String indexPattern, Consumer<ReencryptionReport> progress, Counts counts) {
        DocumentReencryptor reencryptor = new DocumentReencryptor(keys, new FieldEnvelope(keys, random), context);
        String pit = es.send("POST", "/" + encode(indexPattern) + "/_pit?keep_alive=" + KEEP_ALIVE, null).path("id").asText();
        try {
            JsonNode searchAfter = null;
            while (true) {
                JsonNode page = es.send("POST", "/_search", searchBody(pit, searchAfter));
                pit = page.path("pit_id").asText(pit);
                JsonNode hits = page.path("hits").path("hits");
                if (!hits.isArray() || hits.isEmpty()) {
                    break;
                }
                processPage(hits, reencryptor, counts);
                searchAfter = hits.get(hits.size() - 1).path("sort");
                progress.accept(counts.report());
                if (hits.size() < pageSize) {
                    break;
                }
            }
        } finally {
            closePit(pit);
        }
        return counts.report();
    }

    private void processPage(JsonNode hits, DocumentReencryptor reencryptor, Counts counts) {
        StringBuilder bulk = new StringBuilder();
        List<Long> pendingValues = new ArrayList<>();
        for (JsonNode hit : hits) {
            counts.scanned++;
            if (!(hit.get("_source") instanceof ObjectNode source)) {
                // _source disabled or excluded: nothing to read, and nothing could be written back whole
                counts.failed.merge(NO_SOURCE, 1L, Long::sum);
                continue;
            }
            DocumentReencryptor.Outcome outcome = reencryptor.reencrypt(source);
            counts.current += outcome.current;
            outcome.failed.forEach((reason, n) -> counts.failed.merge(reason, n, Long::sum));
            if (outcome.reencrypted == 0) {
                continue;
            }
            ObjectNode action = ElasticsearchHttp.json().createObjectNode();
            action.putObject("index").put("_index", hit.path("_index").asText()).put("_id", hit.path("_id").asText())
                    .put("if_seq_no", hit.path("_seq_no").asLong()).put("if_primary_term", hit.path("_primary_term").asLong());
            bulk.append(action).append('\n').append(source).append('\n');
            pendingValues.add(outcome.reencrypted);
        }
        if (pendingValues.isEmpty()) {
            return;
        }
        JsonNode items = es.bulk(bulk.toString()).path("items");
        for (int i = 0; i < pendingValues.size(); i++) {
            int status = items.path(i).path("index").path("status").asInt(0);
            if (status / 100 == 2) {
                counts.rewritten++;
                counts.reencrypted += pendingValues.get(i);
            } else if (status == 409) {
                counts.conflicts++;
            } else {
                counts.writeFailures++;
            }
        }
    }

    private JsonNode searchBody(String pit, JsonNode searchAfter) {
        ObjectNode body = ElasticsearchHttp.json().createObjectNode();
        body.put("size", pageSize);
        body.putObject("pit").put("id", pit).put("keep_alive", KEEP_ALIVE);
        body.putArray("sort").addObject().put("_shard_doc", "asc");
        body.put("seq_no_primary_term", true);
        body.put("track_total_hits", false);
        if (searchAfter != null) {
            body.set("search_after", searchAfter);
        }
        return body;
    }

    private void closePit(String pit) {
        try {
            es.send("DELETE", "/_pit", ElasticsearchHttp.json().createObjectNode().put("id", pit));
        } catch (RuntimeException e) {
            // the point in time expires by itself after KEEP_ALIVE; the run's own outcome matters more
        }
    }

    private static String encode(String indexPattern) {
        return URLEncoder.encode(indexPattern, StandardCharsets.UTF_8).replace("%2A", "*").replace("%2C", ",");
    }

    private static final class Counts {
        long scanned;
        long rewritten;
        long reencrypted;
        long current;
        long conflicts;
        long writeFailures;
        final Map<String, Long> failed = new HashMap<>();

        ReencryptionReport report() {
            return new ReencryptionReport(scanned, rewritten, reencrypted, current, failed, conflicts, writeFailures);
        }
    }
}
