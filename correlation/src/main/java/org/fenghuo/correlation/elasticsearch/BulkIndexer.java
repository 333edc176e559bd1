package org.fenghuo.correlation.elasticsearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends documents with the bulk API until each is either indexed or refused for good. Retryable
 * failures (connection errors, 429, 5xx) are retried with backoff for as long as it takes: the
 * caller blocks, which back-pressures the job instead of dropping events. A request refused as a
 * whole because of what it holds (400 with Elasticsearch's own error: a document fails request
 * validation; 413: too large) is halved until the documents at fault are alone, and those are
 * refused for good: sending it again would fail again, and failing the job would restart it into
 * the same request for ever. Any other whole-request refusal (401, 403, 404, a 400 without
 * Elasticsearch's error body, i.e. from a proxy) is about the cluster, not the data, and fails the call.
 */
final class BulkIndexer {
    private static final Logger LOG = LoggerFactory.getLogger(BulkIndexer.class);

    /**
     * A document Elasticsearch refused for a reason that retrying will not fix.
     *
     * @param wholeRequest true when the bulk request holding only this document was refused, false
     *                     when its item was
     */
    record Rejected(IndexDocument document, int status, String reason, boolean wholeRequest) {
    }

    /** A whole bulk request refused because of what it holds. */
    private static final class RequestRefused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        RequestRefused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final ElasticsearchClient client;
    private final Backoff backoff;
    private final BulkStats stats;

    BulkIndexer(ElasticsearchClient client, ElasticsearchSinkSettings settings, BulkStats stats) {
        this.client = client;
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        this.stats = stats;
    }

    /** Returns the documents refused for good; every other document is indexed when this returns. */
    List<Rejected> indexAll(List<IndexDocument> documents) throws IOException, InterruptedException {
        return indexAll(documents, position -> { });
    }

    /**
     * {@link #indexAll(List)}, telling {@code onIndexed} the position in {@code documents} of each
     * document as soon as Elasticsearch acknowledges it (a retried one when its retry succeeds).
     */
    List<Rejected> indexAll(List<IndexDocument> documents, IntConsumer onIndexed) throws IOException, InterruptedException {
        List<Rejected> rejected = new ArrayList<>();
        int[] positions = new int[documents.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        index(documents, positions, rejected, onIndexed);
        return rejected;
    }

    private void index(List<IndexDocument> documents, int[] positions, List<Rejected> rejected, IntConsumer onIndexed)
            throws IOException, InterruptedException {
        List<IndexDocument> pending = documents;
        while (!pending.isEmpty()) {
            BulkResponse response;
            try {
                response = sendOnce(pending);
            } catch (RequestRefused e) {
                split(pending, positions, e, rejected, onIndexed);
                return;
            }
            if (response == null) {
                Thread.sleep(backoff.nextMillis());
                continue;
            }
            Retry retry = sortOut(pending, positions, response, rejected, onIndexed);
            if (retry.documents.isEmpty()) {
                backoff.reset();
            } else {
                onItemsRetried(retry.documents.size());
                Thread.sleep(backoff.nextMillis());
            }
            pending = retry.documents;
            positions = retry.positions;
        }
    }

    /** Sends each half on its own; a document refused alone is refused for good. */
    private void split(List<IndexDocument> documents, int[] positions, RequestRefused refusal, List<Rejected> rejected,
                       IntConsumer onIndexed) throws IOException, InterruptedException {
        if (documents.size() == 1) {
            rejected.add(new Rejected(documents.get(0), refusal.status, refusal.getMessage(), true));
            return;
        }
        long splits = stats.splitRequests.incrementAndGet();
        if (splits == 1 || splits % 100 == 0) {
            LOG.warn("Elasticsearch refused a bulk request of {} documents ({}; {} splits so far): sending each half"
                    + " on its own to find the documents at fault", documents.size(), refusal.getMessage(), splits);
        }
        int half = documents.size() / 2;
        index(documents.subList(0, half), Arrays.copyOfRange(positions, 0, half), rejected, onIndexed);
        index(documents.subList(half, documents.size()), Arrays.copyOfRange(positions, half, positions.length), rejected,
                onIndexed);
    }

    /** The documents to send again and their positions in the caller's list. */
    private record Retry(List<IndexDocument> documents, int[] positions) {
    }

    /**
     * The response, or null after a failure worth retrying.
     *
     * @throws RequestRefused when Elasticsearch refused the request because of what it holds
     */
    private BulkResponse sendOnce(List<IndexDocument> documents) throws IOException, RequestRefused {
        try {
            return client.bulk(request(documents));
        } catch (ElasticsearchException e) {
            // Elasticsearch's own error body: a 400 is its verdict on the request's content
            refuseOrFail(documents, e.status(), isRefusalOfContent(e.status()), e);
            onRequestFailure(documents, e);
            return null;
        } catch (TransportException e) {
            // no Elasticsearch error body: a 400 may come from a proxy in front of it (a reload, a header
            // limit) and says nothing about the documents; splitting would dead-letter every one of them.
            // A 413 is refused on size before any body is read, by Elasticsearch or a proxy: halving helps.
            if (e.statusCode() > 0) {
                refuseOrFail(documents, e.statusCode(), e.statusCode() == 413, e);
            }
            onRequestFailure(documents, e);
            return null;
        } catch (IOException e) {
            onRequestFailure(documents, e);
            return null;
        }
    }

    /** Returns when the status is worth retrying; otherwise throws what the caller must do. */
    private static void refuseOrFail(List<IndexDocument> documents, int status, boolean refusalOfContent, Exception e)
            throws IOException, RequestRefused {
        if (refusalOfContent) {
            throw new RequestRefused(status, e.getMessage());
        }
        if (!isRetryable(status)) {
            throw new IOException("Elasticsearch refused a whole bulk request of " + documents.size()
                    + " documents with status " + status + ": " + e.getMessage(), e);
        }
    }

    private void onRequestFailure(List<IndexDocument> documents, Exception e) {
        long failures = stats.failedRequests.incrementAndGet();
        // Log the first failure of an outage and then every 10th, so a long outage stays readable.
        if (failures == 1 || failures % 10 == 0) {
            LOG.warn("bulk request of {} documents failed ({} failed requests so far), retrying: {}",
                    documents.size(), failures, e.toString());
        }
    }

    private void onItemsRetried(int count) {
        long before = stats.retriedItems.getAndAdd(count);
        // Elasticsearch pushing back (429) or failing shards (5xx): say so once per 1000 items retried.
        if (before / 1000 != (before + count) / 1000 || before == 0) {
            LOG.warn("Elasticsearch asked to retry {} documents ({} retried so far); backing off", count, before + count);
        }
    }

    private Retry sortOut(List<IndexDocument> sent, int[] positions, BulkResponse response, List<Rejected> rejected,
                          IntConsumer onIndexed) {
        List<BulkResponseItem> items = response.items();
        if (items.size() != sent.size()) {
            throw new IllegalStateException("bulk response has " + items.size() + " items for " + sent.size() + " documents");
        }
        List<IndexDocument> retry = new ArrayList<>();
        int[] retryPositions = new int[sent.size()];
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                stats.indexed.incrementAndGet();
                onIndexed.accept(positions[i]);
            } else if (isRetryable(item.status())) {
                retryPositions[retry.size()] = positions[i];
                retry.add(sent.get(i));
            } else {
                rejected.add(new Rejected(sent.get(i), item.status(), describe(item.error()), false));
            }
        }
        return new Retry(retry, Arrays.copyOf(retryPositions, retry.size()));
    }

    private static String describe(ErrorCause error) {
        String reason = error.type() + ": " + error.reason();
        return error.causedBy() == null ? reason : reason + " (caused by " + error.causedBy().type() + ": "
                + error.causedBy().reason() + ")";
    }

    /** Transient statuses: timeouts, back-pressure and server errors. Shared by every ES call we retry. */
    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** A request refused for its content: 400 (request validation, e.g. an id too long) or 413 (too large). */
    static boolean isRefusalOfContent(int status) {
        return status == 400 || status == 413;
    }

    private static BulkRequest request(List<IndexDocument> documents) {
        List<BulkOperation> operations = new ArrayList<>(documents.size());
        for (IndexDocument document : documents) {
            BinaryData source = BinaryData.of(document.json(), ContentType.APPLICATION_JSON);
            operations.add(BulkOperation.of(op -> op.index(ix -> ix.index(document.index()).id(document.id())
                    .document(source))));
        }
        return BulkRequest.of(b -> b.operations(operations));
    }
}
