package org.fenghuo.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/** The real server: as root it must run under the unprivileged account, and survive a stop/start. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagedElasticsearchTest {

    private static ElasticsearchEndpoint es;
    private static EsHttp http;
    private static final String INDEX = "fenghuo-test-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        es = ElasticsearchFixture.obtain();
        http = new EsHttp(es.url());
        es.managed().ifPresent(m -> System.out.printf("[startup] Elasticsearch %s: %d ms (work dir %s)%n",
                InfraVersions.elasticsearch(), m.startupTime().toMillis(), m.workDir()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (es != null) {
            if (es.managed().isEmpty()) {
                http.send("DELETE", "/" + INDEX, null);
            }
            es.close();
            es.managed().ifPresent(m -> assertThat(m.isRunning()).isFalse());
        }
    }

    @Test
    @Order(1)
    void runsAsTheUnprivilegedAccountWhenWeAreRoot() {
        Optional<ManagedElasticsearch> managed = es.managed();
        assumeTrue(managed.isPresent(), ElasticsearchFixture.RESTART_SKIP_REASON);
        Optional<String> owner = ProcessHandle.of(managed.get().pid()).flatMap(p -> p.info().user());
        assertThat(owner).isPresent();
        String expected = RunAs.isRoot()
                ? Optional.ofNullable(System.getenv(ElasticsearchConfig.USER_ENV)).orElse(RunAs.DEFAULT_ACCOUNT)
                : System.getProperty("user.name");
        assertThat(owner.get()).isEqualTo(expected);
        // The launcher's child is the server JVM proper; it must have been started too and be the same account.
        ProcessHandle server = ProcessHandle.of(managed.get().pid()).orElseThrow().children().findFirst()
                .orElseThrow(() -> new AssertionError("the Elasticsearch launcher has no server child"));
        assertThat(server.info().user()).contains(expected);
    }

    @Test
    @Order(2)
    void indexesAndFindsADocument() throws Exception {
        HttpResponse<String> put = http.send("PUT", "/" + INDEX + "/_doc/evt-1?refresh=true",
                "{\"event\":{\"kind\":\"alert\"},\"source\":{\"ip\":\"10.1.2.3\"},\"message\":\"beacon from fenghuo\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

        HttpResponse<String> search = http.send("POST", "/" + INDEX + "/_search",
                "{\"query\":{\"match\":{\"message\":\"beacon\"}}}");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        assertThat(search.body()).contains("\"total\":{\"value\":1,").contains("\"_id\":\"evt-1\"");
    }

    @Test
    @Order(3)
    void stopAndStartKeepPortAndData() throws Exception {
        assumeTrue(es.managed().isPresent(), ElasticsearchFixture.RESTART_SKIP_REASON);
        ManagedElasticsearch managed = es.managed().get();
        String url = managed.url();

        managed.stop();
        assertThat(managed.isRunning()).isFalse();
        assertThatThrownBy(() -> http.send("GET", "/_cluster/health", null)).isInstanceOf(ConnectException.class);

        managed.start();
        System.out.printf("[startup] Elasticsearch restart on the same data: %d ms%n",
                managed.startupTime().toMillis());
        assertThat(managed.url()).isEqualTo(url);
        HttpResponse<String> get = http.send("GET", "/" + INDEX + "/_doc/evt-1", null);
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(get.body()).contains("beacon from fenghuo");
    }

    @Test
    @Order(4)
    void theWorkDirHoldsConfigDataAndLogs() throws IOException {
        assumeTrue(es.managed().isPresent(), ElasticsearchFixture.RESTART_SKIP_REASON);
        ManagedElasticsearch managed = es.managed().get();
        assertThat(managed.workDir().resolve("config/elasticsearch.yml"))
                .content().contains("http.port: " + managed.httpPort());
        assertThat(managed.workDir().resolve("data")).isDirectory();
        assertThat(managed.logFile()).content().contains("started");
    }
}
