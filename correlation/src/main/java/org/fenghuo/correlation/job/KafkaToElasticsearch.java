package org.fenghuo.correlation.job;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.correlation.elasticsearch.ElasticsearchSink;
import org.fenghuo.correlation.elasticsearch.ElasticsearchSinkSettings;
import org.fenghuo.correlation.pii.PiiSettings;

/**
 * The production wiring: Kafka {@code fenghuo.events} (and {@code fenghuo.deadletter}) in,
 * Elasticsearch {@code fenghuo-events-*} (and {@code fenghuo-deadletter-*}) out.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param eventsTopic      topic of ECS events ({@code fenghuo.events})
 * @param deadLetterTopic  topic of collectors' dead letters ({@code fenghuo.deadletter})
 * @param groupId          consumer group, so a restarted job resumes where it stopped
 * @param bounded          stop at the offsets latest at start (replays, tests)
 * @param elasticsearch    sink settings
 * @param pipeline         event-time and checkpoint settings
 * @param pii              personal-data protection: policy and keys
 */
public record KafkaToElasticsearch(String bootstrapServers, String eventsTopic, String deadLetterTopic, String groupId, boolean bounded,
                                   ElasticsearchSinkSettings elasticsearch, PipelineSettings pipeline, PiiSettings pii) {

    /**
     * Default topics and settings; personal data protected with the shipped policy under
     * <em>ephemeral</em> keys (logged loudly): give a keystore with {@link #withPii} for data to keep.
     */
    public static KafkaToElasticsearch defaults(String bootstrapServers, String elasticsearchUrl) {
        return new KafkaToElasticsearch(bootstrapServers, KafkaTopics.EVENTS, KafkaTopics.DEAD_LETTERS,
                EventPipelineJob.JOB_NAME, false,
                ElasticsearchSinkSettings.defaults(elasticsearchUrl), PipelineSettings.defaults(), PiiSettings.ephemeral());
    }

    public KafkaToElasticsearch withPii(PiiSettings value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, bounded, elasticsearch, pipeline, value);
    }

    public KafkaToElasticsearch withTopics(String events, String deadLetters) {
        return new KafkaToElasticsearch(bootstrapServers, events, deadLetters, groupId, bounded, elasticsearch, pipeline, pii);
    }

    public KafkaToElasticsearch withGroupId(String value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, value, bounded, elasticsearch, pipeline, pii);
    }

    public KafkaToElasticsearch withBounded(boolean value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, value, elasticsearch, pipeline, pii);
    }

    public KafkaToElasticsearch withPipeline(PipelineSettings value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, bounded, elasticsearch, value, pii);
    }

    public KafkaToElasticsearch withElasticsearch(ElasticsearchSinkSettings value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, bounded, value, pipeline, pii);
    }

    /** Adds the whole pipeline to {@code env}. */
    public void addTo(StreamExecutionEnvironment env) {
        new EventPipelineJob(pipeline, pii).build(env,
                KafkaTopics.source(bootstrapServers, eventsTopic, groupId, bounded),
                KafkaTopics.source(bootstrapServers, deadLetterTopic, groupId, bounded),
                ElasticsearchSink.events(elasticsearch),
                ElasticsearchSink.deadLetters(elasticsearch));
    }

    /** Starts the pipeline without waiting for it: the all-in-one's and long-running tests' way. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        addTo(env);
        return env.executeAsync(EventPipelineJob.JOB_NAME);
    }
}
