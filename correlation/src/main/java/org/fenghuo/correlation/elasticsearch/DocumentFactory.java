package org.fenghuo.correlation.elasticsearch;

import java.io.Serializable;

/** Turns a stream element into the document the sink indexes. Called on the sink's task thread. */
@FunctionalInterface
public interface DocumentFactory<T> extends Serializable {
    IndexDocument toDocument(T element);
}
