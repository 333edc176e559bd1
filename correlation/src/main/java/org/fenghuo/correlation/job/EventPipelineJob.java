package org.fenghuo.correlation.job;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.correlation.types.SecurityEventTypeInfo;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/**
 * The correlation job's topology, handed its source and sinks so that tests plug in bounded ones
 * and {@code fenghuo run} and a Flink cluster plug in Kafka and Elasticsearch.
 *
 * <pre>
 * source (raw ECS JSON) -> decode --(bad)--> dead-letter sink <-- dead-letter source (optional)
 *                            |
 *                            v
 *                 event-time watermarks -> event sink
 * </pre>
 */
public final class EventPipelineJob {
    public static final String JOB_NAME = "fenghuo-correlation";

    private final PipelineSettings settings;

    public EventPipelineJob(PipelineSettings settings) {
        this.settings = settings.validated();
    }

    /** Adds the pipeline to {@code env}; the caller executes it. Returns the timestamped events. */
    public DataStream<SecurityEvent> build(StreamExecutionEnvironment env,
                                           Source<RawRecord, ?, ?> source,
                                           Sink<SecurityEvent> eventSink,
                                           Sink<DeadLetter> deadLetterSink) {
        return build(env, source, null, eventSink, deadLetterSink);
    }

    /**
     * As above, and also stores the dead letters collectors published upstream
     * ({@code deadLetterSource}, may be null) beside the job's own.
     */
    public DataStream<SecurityEvent> build(StreamExecutionEnvironment env,
                                           Source<RawRecord, ?, ?> source,
                                           Source<RawRecord, ?, ?> deadLetterSource,
                                           Sink<SecurityEvent> eventSink,
                                           Sink<DeadLetter> deadLetterSink) {
        if (!settings.checkpointInterval().isZero()) {
            env.enableCheckpointing(settings.checkpointInterval().toMillis());
        }
        DataStream<RawRecord> raw = env.fromSource(source, WatermarkStrategy.noWatermarks(), "events-source")
                .uid("events-source");
        SingleOutputStreamOperator<SecurityEvent> decoded = raw.process(new EventDecoder(), SecurityEventTypeInfo.INSTANCE)
                .name("decode-ecs").uid("decode-ecs");
        DataStream<DeadLetter> deadLetters = decoded.getSideOutput(EventDecoder.DEAD_LETTERS);
        if (deadLetterSource != null) {
            DataStream<DeadLetter> upstream = env
                    .fromSource(deadLetterSource, WatermarkStrategy.noWatermarks(), "dead-letter-source")
                    .uid("dead-letter-source")
                    .map(new DeadLetterDecoder()).name("decode-dead-letters").uid("decode-dead-letters");
            deadLetters = deadLetters.union(upstream);
        }
        deadLetters.sinkTo(deadLetterSink).name("dead-letter-sink").uid("dead-letter-sink");

        DataStream<SecurityEvent> timed = decoded.assignTimestampsAndWatermarks(eventTime())
                .name("event-time").uid("event-time");
        timed.sinkTo(eventSink).name("event-sink").uid("event-sink");
        return timed;
    }

    private WatermarkStrategy<SecurityEvent> eventTime() {
        return WatermarkStrategy.<SecurityEvent>forBoundedOutOfOrderness(settings.maxOutOfOrderness())
                .withTimestampAssigner((event, kafkaTime) -> event.timestamp().toEpochMilli())
                .withIdleness(settings.sourceIdleness());
    }
}
