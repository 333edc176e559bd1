package org.fenghuo.deploy.infra;

import java.net.URI;
import java.util.Optional;

/** A cluster we did not start (FENGHUO_ES_URL): never stopped, restarted or cleaned by us. */
public record ExternalElasticsearch(String url) implements ElasticsearchEndpoint {

    public ExternalElasticsearch {
        url = normalise(url);
    }

    @Override
    public Optional<ManagedElasticsearch> managed() {
        return Optional.empty();
    }

    @Override
    public void close() {
        // Somebody else's cluster: leave it running.
    }

    /**
     * Checks that the value is an absolute http(s) URL with a host, and strips trailing slashes so callers
     * can append paths.
     */
    static String normalise(String url) {
        String value = url == null ? "" : url.trim();
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw invalid(value, e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(value, "the scheme must be http or https");
        }
        if (uri.getHost() == null) {
            throw invalid(value, "no host");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw invalid(value, "no query or fragment allowed");
        }
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException(ElasticsearchFixture.URL_ENV + "='" + value + "' is not a usable"
                + " Elasticsearch URL (" + why + "); expected e.g. http://127.0.0.1:9200");
    }
}
