package org.fenghuo.correlation.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.fenghuo.correlation.elasticsearch.ElasticsearchSinkSettings;
import org.junit.jupiter.api.Test;

class PipelineSettingsTest {

    @Test
    void defaultsAreValid() {
        assertThat(PipelineSettings.defaults().problems()).isEmpty();
        assertThat(ElasticsearchSinkSettings.defaults("http://127.0.0.1:9200").problems()).isEmpty();
    }

    @Test
    void everyBadValueIsReportedWithItsKey() {
        PipelineSettings bad = new PipelineSettings(Duration.ofSeconds(-1), Duration.ZERO, null);
        assertThat(bad.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("pipeline.max-out-of-orderness = PT-1S"))
                .anySatisfy(p -> assertThat(p).startsWith("pipeline.source-idleness = PT0S"))
                .anySatisfy(p -> assertThat(p).startsWith("pipeline.checkpoint-interval = null"));
        assertThatThrownBy(bad::validated).hasMessageContaining("pipeline.source-idleness");
    }

    @Test
    void elasticsearchSettingsNameTheirKeys() {
        ElasticsearchSinkSettings bad = new ElasticsearchSinkSettings("localhost:9200", 0, 10, Duration.ZERO,
                Duration.ofMillis(1), null);
        assertThat(bad.problems())
                .anySatisfy(p -> assertThat(p).startsWith("elasticsearch.url = localhost:9200"))
                .anySatisfy(p -> assertThat(p).startsWith("elasticsearch.bulk.max-actions = 0"))
                .anySatisfy(p -> assertThat(p).startsWith("elasticsearch.bulk.max-bytes = 10"))
                .anySatisfy(p -> assertThat(p).startsWith("elasticsearch.bulk.flush-interval = PT0S"))
                .anySatisfy(p -> assertThat(p).startsWith("elasticsearch.retry.max-backoff = null"));
    }
}
