package org.fenghuo.correlation.job;

import java.util.List;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.correlation.elasticsearch.ElasticsearchSink;
import org.fenghuo.correlation.elasticsearch.ElasticsearchSinkSettings;
import org.fenghuo.correlation.detect.DetectionControl;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.fenghuo.correlation.output.KafkaSinks;
import org.fenghuo.correlation.output.OutputTopics;
import org.fenghuo.correlation.pii.PiiSettings;

/**
 * The production wiring: Kafka {@code fenghuo.events} (and {@code fenghuo.deadletter}, and rule-reload
 * records on {@code fenghuo.rules} when {@link CorrelationSettings#rulesTopic} names it) in;
 * Elasticsearch {@code fenghuo-events-*}, {@code fenghuo-late-*}, {@code fenghuo-deadletter-*},
 * {@code fenghuo-alerts-*}, {@code fenghuo-incidents-*} and Kafka {@code fenghuo.alerts},
 * {@code fenghuo.incidents} (transactional: consumers read {@code read_committed}) out.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param eventsTopic      topic of ECS events ({@code fenghuo.events})
 * @param deadLetterTopic  topic of collectors' dead letters ({@code fenghuo.deadletter})
 * @param groupId          consumer group, so a restarted job resumes where it stopped
 * @param bounded          stop at the offsets latest at start (replays, tests)
 * @param elasticsearch    sink settings
 * @param pipeline         event-time and checkpoint settings
 * @param pii              personal-data protection: policy and keys
 * @param correlation      detection, anomaly, correlation and incident settings
 */
public record KafkaToElasticsearch(String bootstrapServers, String eventsTopic, String deadLetterTopic, String groupId, boolean bounded,
                                   ElasticsearchSinkSettings elasticsearch, PipelineSettings pipeline, PiiSettings pii,
                                   CorrelationSettings correlation) {

    /**
     * Default topics and settings; personal data protected with the shipped policy under
     * <em>ephemeral</em> keys (logged loudly): give a keystore with {@link #withPii} for data to keep.
     */
    public static KafkaToElasticsearch defaults(String bootstrapServers, String elasticsearchUrl) {
        return new KafkaToElasticsearch(bootstrapServers, KafkaTopics.EVENTS, KafkaTopics.DEAD_LETTERS,
                EventPipelineJob.JOB_NAME, false,
                ElasticsearchSinkSettings.defaults(elasticsearchUrl), PipelineSettings.defaults(), PiiSettings.ephemeral(),
                CorrelationSettings.defaults());
    }

    public KafkaToElasticsearch withPii(PiiSettings value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, bounded, elasticsearch, pipeline, value, correlation);
    }

    public KafkaToElasticsearch withTopics(String events, String deadLetters) {
        return new KafkaToElasticsearch(bootstrapServers, events, deadLetters, groupId, bounded, elasticsearch, pipeline, pii, correlation);
    }

    public KafkaToElasticsearch withGroupId(String value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, value, bounded, elasticsearch, pipeline, pii, correlation);
    }

    public KafkaToElasticsearch withBounded(boolean value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, value, elasticsearch, pipeline, pii, correlation);
    }

    public KafkaToElasticsearch withPipeline(PipelineSettings value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, bounded, elasticsearch, value, pii, correlation);
    }

    public KafkaToElasticsearch withElasticsearch(ElasticsearchSinkSettings value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, bounded, value, pipeline, pii, correlation);
    }

    public KafkaToElasticsearch withCorrelation(CorrelationSettings value) {
        return new KafkaToElasticsearch(bootstrapServers, eventsTopic, deadLetterTopic, groupId, bounded, elasticsearch, pipeline, pii,
                value);
    }

    /** Adds the whole pipeline to {@code env}. */
    public void addTo(StreamExecutionEnvironment env) {
        // transactions commit on checkpoints: without checkpoints they never would
        DeliveryGuarantee kafka = pipeline.checkpointInterval().isZero() ? DeliveryGuarantee.AT_LEAST_ONCE
                : DeliveryGuarantee.EXACTLY_ONCE;
        JobSinks sinks = new JobSinks(ElasticsearchSink.events(elasticsearch), ElasticsearchSink.deadLetters(elasticsearch),
                ElasticsearchSink.late(elasticsearch),
                List.of(ElasticsearchSink.alerts(elasticsearch),
                        KafkaSinks.alerts(bootstrapServers, OutputTopics.ALERTS, groupId + "-alerts", kafka)),
                List.of(ElasticsearchSink.incidents(elasticsearch),
                        KafkaSinks.incidents(bootstrapServers, OutputTopics.INCIDENTS, groupId + "-incidents", kafka)));
        Source<String, ?, ?> control = correlation.rulesTopic() == null ? null
                : DetectionControl.kafkaSource(bootstrapServers, correlation.rulesTopic(), groupId + "-rules");
        new EventPipelineJob(pipeline, pii, correlation).build(env,
                KafkaTopics.source(bootstrapServers, eventsTopic, groupId, bounded),
                KafkaTopics.source(bootstrapServers, deadLetterTopic, groupId, bounded),
                control, sinks);
    }

    /** Starts the pipeline without waiting for it: the all-in-one's and long-running tests' way. */
    public JobClient start(StreamExecutionEnvironment env) throws Exception {
        addTo(env);
        return env.executeAsync(EventPipelineJob.JOB_NAME);
    }
}
