package org.fenghuo.correlation.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.correlation.job.KafkaToElasticsearch;
import org.fenghuo.correlation.pii.PiiSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorrelationJobMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicReference<KafkaToElasticsearch> launched = new AtomicReference<>();
    private final AtomicReference<StreamExecutionEnvironment> environment = new AtomicReference<>();

    private int run(Map<String, String> env, String... args) throws Exception {
        return CorrelationJobMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (pipeline, e) -> {
                    launched.set(pipeline);
                    environment.set(e);
                });
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void requiredOnlyGivesTheProductionDefaults() throws Exception {
        assertThat(run(Map.of(), "--kafka", "k1:9092,k2:9092", "--elasticsearch", "http://es:9200")).isZero();

        KafkaToElasticsearch pipeline = launched.get();
        assertThat(pipeline.bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(pipeline.elasticsearch().url()).isEqualTo("http://es:9200");
        assertThat(pipeline.eventsTopic()).isEqualTo("fenghuo.events");
        assertThat(pipeline.deadLetterTopic()).isEqualTo("fenghuo.deadletter");
        assertThat(pipeline.groupId()).isEqualTo("fenghuo-correlation");
        assertThat(pipeline.bounded()).isFalse();
        assertThat(pipeline.pipeline().checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(pipeline.pii()).isEqualTo(PiiSettings.ephemeral());
        assertThat(environment.get().getConfiguration().get(RestartStrategyOptions.RESTART_STRATEGY))
                .isEqualTo("exponential-delay");
        assertThat(err()).isEmpty();
    }

    @Test
    void everyOptionReachesThePipeline(@TempDir Path dir) throws Exception {
        Path keystore = Files.writeString(dir.resolve("keys.bcfks"), "x");
        Path passphrase = Files.writeString(dir.resolve("pass"), "secret");
        assertThat(run(Map.of(), "--kafka=kafka:9092", "--elasticsearch", "https://es:9200", "--events-topic", "ev",
                "--dead-letter-topic", "dl", "--group-id", "g", "--checkpoint-interval", "500ms", "--parallelism", "3",
                "--pii-keystore", keystore.toString(), "--pii-passphrase-file", passphrase.toString())).isZero();

        KafkaToElasticsearch pipeline = launched.get();
        assertThat(pipeline.eventsTopic()).isEqualTo("ev");
        assertThat(pipeline.deadLetterTopic()).isEqualTo("dl");
        assertThat(pipeline.groupId()).isEqualTo("g");
        assertThat(pipeline.pipeline().checkpointInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(pipeline.pii()).isEqualTo(PiiSettings.keystore(keystore, passphrase));
        assertThat(environment.get().getParallelism()).isEqualTo(3);
    }

    @Test
    void correlationOptionsReachTheJob(@TempDir Path dir) throws Exception {
        Path feed = Files.writeString(dir.resolve("ti.txt"), "198.51.100.77\n");
        Path assets = Files.writeString(dir.resolve("assets.csv"),
                "id,name,ips,criticality\nplc-1,Water PLC,10.9.0.10,5\n");
        assertThat(run(Map.of(), "--kafka", "k:9092", "--elasticsearch", "http://es:9200", "--indicators", "list:" + feed,
                "--engineering-hosts", "10.9.0.5", "--critical-assets", "10.9.0.0/24", "--assets", assets.toString(),
                "--rules-topic", "fenghuo.rules", "--correlation-parallelism", "2")).isZero();

        var correlation = launched.get().correlation();
        assertThat(correlation.enabled()).isTrue();
        assertThat(correlation.detection().indicators()).containsExactly("list:" + feed);
        assertThat(correlation.pack().engineeringHosts()).containsExactly("10.9.0.5");
        assertThat(correlation.incidents().inventory().byIp("10.9.0.10").criticality()).isEqualTo(5);
        assertThat(correlation.rulesTopic()).isEqualTo("fenghuo.rules");
        assertThat(correlation.correlationParallelism()).isEqualTo(2);
    }

    @Test
    void badCorrelationOptionsAreNamedAndLaunchNothing(@TempDir Path dir) throws Exception {
        Path assets = Files.writeString(dir.resolve("assets.csv"), "id,name,ips,criticality\nplc-1,PLC,10.9.0.10,9\n");
        assertThat(run(Map.of(), "--kafka", "k:9092", "--elasticsearch", "http://es:9200", "--assets", assets.toString(),
                "--engineering-hosts", "not-an-address", "--correlation-parallelism", "0")).isEqualTo(
                CorrelationJobMain.EXIT_BAD_OPTIONS);
        assertThat(err()).contains("--incidents/--assets").contains("criticality").contains("--engineering-hosts")
                .contains("--correlation-parallelism = 0");
        assertThat(launched.get()).isNull();
    }

    @Test
    void correlationCanBeSwitchedOff() throws Exception {
        assertThat(run(Map.of(), "--kafka", "k:9092", "--elasticsearch", "http://es:9200", "--no-correlation")).isZero();
        assertThat(launched.get().correlation().enabled()).isFalse();
    }

    @Test
    void piiCanBeSwitchedOff() throws Exception {
        assertThat(run(Map.of(), "--kafka", "k:9092", "--elasticsearch", "http://es:9200", "--pii-disabled",
                "--checkpoint-interval", "PT2S")).isZero();
        assertThat(launched.get().pii().enabled()).isFalse();
        assertThat(launched.get().pipeline().checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void helpPrintsEveryOptionAndLaunchesNothing() throws Exception {
        assertThat(run(Map.of(), "--help")).isZero();
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String option : JobOptions.OPTIONS.keySet()) {
            assertThat(usage).contains("--" + option);
        }
        assertThat(launched.get()).isNull();
    }

    @Test
    void missingRequiredOptionsAreNamedAndExitTwo() throws Exception {
        assertThat(run(Map.of())).isEqualTo(CorrelationJobMain.EXIT_BAD_OPTIONS);
        assertThat(err()).contains("--kafka: required").contains("--elasticsearch: required").contains("usage:");
        assertThat(launched.get()).isNull();
    }

    @Test
    void everyBadValueIsReportedAtOnceNamingItsOption() throws Exception {
        int code = run(Map.of(), "--kafka", "k:9092", "--elasticsearch", "es:9200", "--checkpoint-interval", "0s",
                "--parallelism", "zero", "--bogus", "x", "--group-id");

        assertThat(code).isEqualTo(CorrelationJobMain.EXIT_BAD_OPTIONS);
        assertThat(err())
                .contains("--elasticsearch = es:9200: expected an http:// or https:// URL")
                .contains("--checkpoint-interval = 0s: expected a duration > 0")
                .contains("--parallelism = zero: expected a whole number >= 1")
                .contains("--bogus: unknown option")
                .contains("x: unknown option")
                .contains("--group-id: missing value");
        assertThat(launched.get()).isNull();
    }

    @Test
    void aKeystoreWithoutPassphraseOrFileIsRefusedBeforeFlinkBuildsAnything(@TempDir Path dir) throws Exception {
        int code = run(Map.of(), "--kafka", "k:9092", "--elasticsearch", "http://es:9200",
                "--pii-keystore", dir.resolve("missing.bcfks").toString());

        assertThat(code).isEqualTo(CorrelationJobMain.EXIT_BAD_OPTIONS);
        assertThat(err()).contains("--pii-keystore = " + dir.resolve("missing.bcfks") + ": no such file")
                .contains("FENGHUO_KEYSTORE_PASSPHRASE");
        assertThat(launched.get()).isNull();
    }

    @Test
    void conflictingPiiOptionsAreRefused() throws Exception {
        assertThat(run(Map.of(), "--kafka", "k:9092", "--elasticsearch", "http://es:9200", "--pii-disabled",
                "--pii-keystore", "/k")).isEqualTo(CorrelationJobMain.EXIT_BAD_OPTIONS);
        assertThat(err()).contains("--pii-disabled: cannot be combined");
    }
}
