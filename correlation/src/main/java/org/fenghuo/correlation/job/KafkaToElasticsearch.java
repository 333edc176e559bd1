package org.fenghuo.correlation.job;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.correlation.elasticsearch.ElasticsearchSink;
import org.fenghuo.correlation.elasticsearch.ElasticsearchSinkSettings;

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
 */
public record KafkaToElasticsearch(String bootstrapServers, String eventsTopic, String deadLetterTopic, String groupId, boolean bounded,
                                   ElasticsearchSinkSettings elasticsearch, PipelineSettings pipeline) {

    public static KafkaToElasticsearch defaults(String bootstrapServers, String elasticsearchUrl) {
        return new KafkaToElasticsearch(bootstrapServers, KafkaTopics.EVENTS, KafkaTopics.DEAD_LETTERS,
                EventPipelineJob.JOB_NAME, false,
                ElasticsearchSinkSettings.defaults(elasticsearchUrl), PipelineSettings.defaults());
    }

    public KafkaToElasticsearch withTopics(String events, String deadLetters) {
        return new KafkaToElasticsearch(bootstrapServers, events, deadLetters, groupId, bounded, elasticsearch, pipeline);
    }

    public KafkaToElasticsearch withGroupId(String value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, value, bounded, elasticsearch, pipeline);
    }

    public KafkaToElasticsearch withBounded(boolean value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, value, elasticsearch, pipeline);
    }

    public KafkaToElasticsearch withPipeline(PipelineSettings value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, bounded, elasticsearch, value);
    }

    public KafkaToElasticsearch withElasticsearch(ElasticsearchSinkSettings value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, bounded, value, pipeline);
    }

    /** Adds the whole pipeline to {@code env}. */
    public void addTo(StreamExecutionEnvironment env) {
        new EventPipelineJob(pipeline).build(env,
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
