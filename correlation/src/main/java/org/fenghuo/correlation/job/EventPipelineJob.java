package org.fenghuo.correlation.job;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.correlation.pii.DeadLetterMasking;
import org.fenghuo.correlation.pii.PiiProtectFunction;
import org.fenghuo.correlation.pii.PiiSettings;
import org.fenghuo.correlation.types.SecurityEventTypeInfo;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The correlation job's topology, handed its source and sinks so that tests plug in bounded ones
 * and {@code fenghuo run} and a Flink cluster plug in Kafka and Elasticsearch.
 *
 * <pre>
 * source (raw ECS JSON) -> decode --(bad)--> mask PII -> dead-letter sink <-- dead-letter source (optional)
 *                            |                   ^
 *                            v                   | (cannot be protected: id and reason only)
 *                 event-time watermarks -> protect PII -> event sink
 * </pre>
 *
 * Personal-data protection sits in front of every sink, so nothing leaves the job in clear; the
 * stream {@link #build} returns is the one before it, for processing inside the hub.
 */
public final class EventPipelineJob {
    public static final String JOB_NAME = "fenghuo-correlation";
    private static final Logger LOG = LoggerFactory.getLogger(EventPipelineJob.class);

    private final PipelineSettings settings;
    private final PiiSettings pii;

    public EventPipelineJob(PipelineSettings settings, PiiSettings pii) {
        this.settings = settings.validated();
        this.pii = pii.validated();
        if (!pii.enabled()) {
            LOG.warn("personal-data protection is OFF: events and dead letters reach their sinks in clear");
        }
    }

    /**
     * Adds the pipeline to {@code env}; the caller executes it. Returns the timestamped events as
     * they were <em>before</em> personal-data protection: for processing inside the hub only.
     */
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
        DataStream<SecurityEvent> timed = decoded.assignTimestampsAndWatermarks(eventTime())
                .name("event-time").uid("event-time");
        DataStream<SecurityEvent> leaving = timed;
        if (pii.enabled()) {
            SingleOutputStreamOperator<SecurityEvent> protectedEvents = timed
                    .process(new PiiProtectFunction(pii), SecurityEventTypeInfo.INSTANCE)
                    .name("protect-pii").uid("protect-pii");
            leaving = protectedEvents;
            deadLetters = deadLetters.union(protectedEvents.getSideOutput(PiiProtectFunction.FAILURES))
                    .map(new DeadLetterMasking()).name("mask-dead-letters").uid("mask-dead-letters");
        }
        deadLetters.sinkTo(deadLetterSink).name("dead-letter-sink").uid("dead-letter-sink");
        leaving.sinkTo(eventSink).name("event-sink").uid("event-sink");
        return timed;
    }

    private WatermarkStrategy<SecurityEvent> eventTime() {
        return WatermarkStrategy.<SecurityEvent>forBoundedOutOfOrderness(settings.maxOutOfOrderness())
                .withTimestampAssigner((event, kafkaTime) -> event.timestamp().toEpochMilli())
                .withIdleness(settings.sourceIdleness());
    }
}
