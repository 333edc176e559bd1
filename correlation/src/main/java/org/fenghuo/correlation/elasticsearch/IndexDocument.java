package org.fenghuo.correlation.elasticsearch;

/**
 * One document to index.
 *
 * @param index target index name
 * @param id    deterministic document id, so that a replay overwrites instead of duplicating
 * @param json  the document source
 */
public record IndexDocument(String index, String id, byte[] json) {
}
