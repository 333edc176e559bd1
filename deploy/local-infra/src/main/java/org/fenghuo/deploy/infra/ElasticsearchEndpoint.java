package org.fenghuo.deploy.infra;

import java.util.Optional;

/**
 * An Elasticsearch that tests and the all-in-one mode talk to over HTTP: either one we started
 * ({@link ManagedElasticsearch}) or one somebody else runs ({@link ExternalElasticsearch}).
 */
public sealed interface ElasticsearchEndpoint extends AutoCloseable
        permits ManagedElasticsearch, ExternalElasticsearch {

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:9200}. */
    String url();

    /** The managed instance, for callers that need to stop/start it; empty for an external cluster. */
    Optional<ManagedElasticsearch> managed();

    /** Stops and cleans up a managed instance; does nothing to an external cluster. */
    @Override
    void close();
}
