package org.fenghuo.correlation.elasticsearch;

import java.io.Serializable;

/** Turns a stream element into the document the sink indexes. Called on the sink's task thread. */
@FunctionalInterface
public interface DocumentFactory<T> extends Serializable {
    IndexDocument toDocument(T element);

    /**
     * The document, given the sink's current watermark ({@code Long.MIN_VALUE} before the first).
     * Only documents that record why an element came late need it.
     */
    default IndexDocument toDocument(T element, long currentWatermark) {
        return toDocument(element);
    }
}
