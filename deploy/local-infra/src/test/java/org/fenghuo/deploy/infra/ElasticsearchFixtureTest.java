package org.fenghuo.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ElasticsearchFixtureTest {

    @Test
    void externalUrlIsUsedAsIsAndNothingIsStarted() {
        AtomicInteger started = new AtomicInteger();
        ElasticsearchEndpoint endpoint = ElasticsearchFixture.obtain(
                Map.of(ElasticsearchFixture.URL_ENV, " https://es.city.example:9200/ "),
                () -> {
                    started.incrementAndGet();
                    throw new AssertionError("must not start a managed Elasticsearch");
                });

        assertThat(endpoint).isInstanceOf(ExternalElasticsearch.class);
        assertThat(endpoint.url()).isEqualTo("https://es.city.example:9200");
        assertThat(endpoint.managed()).isEmpty();
        endpoint.close();
        assertThat(started).hasValue(0);
    }

    @Test
    void withoutTheVariableAManagedInstanceIsRequested() {
        AtomicInteger started = new AtomicInteger();
        assertThatThrownBy(() -> ElasticsearchFixture.obtain(Map.of(ElasticsearchFixture.URL_ENV, "  "), () -> {
            started.incrementAndGet();
            throw new IllegalStateException("would start here");
        })).hasMessage("would start here");
        assertThat(started).hasValue(1);
        assertThat(ElasticsearchFixture.external(Map.of())).isEmpty();
    }

    @Test
    void aMalformedUrlIsAnErrorNamingTheVariable() {
        for (String bad : new String[] {"localhost:9200", "ftp://h:21", "http://", "http://h:9200/?pretty"}) {
            assertThatThrownBy(() -> ElasticsearchFixture.external(Map.of(ElasticsearchFixture.URL_ENV, bad)))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(ElasticsearchFixture.URL_ENV)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    void aPathPrefixIsKeptForProxiedClusters() {
        assertThat(new ExternalElasticsearch("http://proxy:8080/es//").url()).isEqualTo("http://proxy:8080/es");
    }
}
