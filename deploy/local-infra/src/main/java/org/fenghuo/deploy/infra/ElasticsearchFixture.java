package org.fenghuo.deploy.infra;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where tests get an Elasticsearch: the cluster named by {@value #URL_ENV} if set, otherwise a
 * {@link ManagedElasticsearch} started from the Maven Central distribution.
 *
 * <p>Tests that stop or restart the server must skip when {@link ElasticsearchEndpoint#managed()} is empty,
 * e.g. {@code assumeTrue(es.managed().isPresent(), ElasticsearchFixture.RESTART_SKIP_REASON)}.
 */
public final class ElasticsearchFixture {

    /** Environment variable pointing tests at an existing cluster, e.g. {@code http://127.0.0.1:9200}. */
    public static final String URL_ENV = "FENGHUO_ES_URL";
    public static final String RESTART_SKIP_REASON = URL_ENV + " points at an external Elasticsearch, which this"
            + " test must not stop or restart";

    private static ElasticsearchEndpoint shared;

    private ElasticsearchFixture() {
    }

    /** A new endpoint owned by the caller (close it): external if {@value #URL_ENV} is set, else managed. */
    public static ElasticsearchEndpoint obtain() {
        return obtain(System.getenv(), () -> ManagedElasticsearch.launch(ElasticsearchConfig.defaults()));
    }

    /** {@link #obtain()} with an explicit environment and way to start a managed instance. */
    public static ElasticsearchEndpoint obtain(Map<String, String> env, Supplier<ManagedElasticsearch> managed) {
        Optional<ExternalElasticsearch> external = external(env);
        if (external.isPresent()) {
            return external.get();
        }
        return managed.get();
    }

    /** The external cluster configured in {@code env}, if any; a malformed value is an error, not ignored. */
    public static Optional<ExternalElasticsearch> external(Map<String, String> env) {
        String url = env.get(URL_ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ExternalElasticsearch(url));
    }

    /**
     * One endpoint for the whole JVM, started on first use and closed when the JVM exits, so that a test
     * suite pays the server start-up once. Callers must not close it, stop it or restart it.
     */
    public static synchronized ElasticsearchEndpoint shared() {
        if (shared == null) {
            // A managed instance already closes itself in a shutdown hook.
            shared = obtain();
        }
        return shared;
    }
}
