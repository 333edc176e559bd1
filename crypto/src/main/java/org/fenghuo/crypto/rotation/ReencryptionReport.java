package org.fenghuo.crypto.rotation;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a re-encryption run did. Values are sealed field values; documents are counted once each.
 *
 * @param documentsScanned   documents read from the index pattern
 * @param documentsRewritten documents written back with at least one re-sealed value
 * @param valuesReencrypted  values re-sealed under the current key and written back
 * @param valuesCurrent      values already under the current key, left as they were
 * @param valuesFailed       values that could not be re-sealed, by reason (e.g. {@code missing_key},
 *                           {@code authentication_failed}, {@code malformed_input}, {@code no_document_id}); left as they were;
 *                           {@code no_source} counts <em>documents</em> stored without {@code _source}, whose values cannot be read
 * @param conflicts          documents changed by someone else between read and write (not overwritten)
 * @param writeFailures      documents Elasticsearch refused for another reason
 */
public record ReencryptionReport(long documentsScanned, long documentsRewritten, long valuesReencrypted, long valuesCurrent,
        Map<String, Long> valuesFailed, long conflicts, long writeFailures) {

    public ReencryptionReport {
        valuesFailed = Map.copyOf(valuesFailed);
    }

    public long valuesFailedTotal() {
        return valuesFailed.values().stream().mapToLong(Long::longValue).sum();
    }

    /** One line for logs and the CLI. */
    public String summary() {
        return "documents_scanned=" + documentsScanned + " documents_rewritten=" + documentsRewritten
                + " values_reencrypted=" + valuesReencrypted + " values_current=" + valuesCurrent
                + " values_failed=" + valuesFailedTotal() + (valuesFailed.isEmpty() ? "" : " " + new TreeMap<>(valuesFailed))
                + " conflicts=" + conflicts + " write_failures=" + writeFailures;
    }
}
