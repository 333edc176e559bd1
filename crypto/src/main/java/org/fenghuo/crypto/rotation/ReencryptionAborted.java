package org.fenghuo.crypto.rotation;

/**
 * A re-encryption run stopped by Elasticsearch (unreachable, or refusing a search or a
 * {@code _bulk}), with what it had done until then. Documents of the page whose write failed are
 * counted as scanned, not rewritten: they may or may not have been written, and running the job
 * again picks them up (values already under the current key are left alone).
 */
public final class ReencryptionAborted extends RuntimeException {

    private final transient ReencryptionReport partialReport;

    /** @param cause the {@link java.io.UncheckedIOException} or {@link IllegalStateException} naming the failed call */
    ReencryptionAborted(ReencryptionReport partialReport, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.partialReport = partialReport;
    }

    /** The counts until the failure. */
    public ReencryptionReport partialReport() {
        return partialReport;
    }

    /** True when Elasticsearch could not be reached at all (an I/O failure), false when it answered with an error. */
    public boolean unreachable() {
        return getCause() instanceof java.io.UncheckedIOException;
    }
}
