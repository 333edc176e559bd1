package org.fenghuo.correlation.job;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.correlation.correlate.CorrelationOperators;
import org.fenghuo.correlation.correlate.CorrelationReload;
import org.fenghuo.correlation.correlate.CorrelationRules;
import org.fenghuo.correlation.correlate.CorrelatorFactory;
import org.fenghuo.correlation.detect.AnomalyOperators;
import org.fenghuo.correlation.detect.DetectionOperators;
import org.fenghuo.correlation.detect.DetectionUpdate;
import org.fenghuo.correlation.detect.EventTimeGuards;
import org.fenghuo.correlation.incident.IncidentOperators;
import org.fenghuo.correlation.pack.AlertHits;
import org.fenghuo.correlation.pack.BuiltInPack;
import org.fenghuo.correlation.pack.MarkerHitFunction;
import org.fenghuo.correlation.pii.ProtectFindingsFunction;
import org.fenghuo.correlation.types.AlertTypeInfo;
import org.fenghuo.correlation.types.IncidentTypeInfo;
import org.fenghuo.correlation.types.RuleHitTypeInfo;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Incident;
import org.fenghuo.correlation.pii.DeadLetterMasking;
import org.fenghuo.correlation.pii.KeyRingSource;
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
 * source (ECS JSON) -> decode -> event-time guard -> watermarks -> late split --(late)--> protect -> late sink + event sink
 *                        |            | (missing/future time)         |
 *                        +--(bad)-----+-----------------> mask PII -> dead-letter sink
 *                                                                     v (on time)
 *        +------------------------------+-----------------------------+--------------> protect -> event sink
 *        v                              v                             v
 *  detection (Sigma, IOC;         keyed anomaly detectors      marker hits (pack)
 *  late events too)                     |                             |
 *    | alerts    | rule hits            | alerts                      |
 *    +-----------+---------+------------+-----------------------------+
 *                          v  alerts as hits + rule hits + markers
 *              Esper correlation (event-time clock, state replayed on restore; rules reloadable)
 *                          | correlation alerts
 *        all alerts -------+----> incidents (keyed by entity) -> protect -> incident sinks
 *             |                     ^ learned assets (broadcast)
 *             |        on-time events -> asset observations -> asset learner (one)
 *             +--> protect -> alert sinks
 * </pre>
 *
 * Personal-data protection sits in front of every sink, so nothing leaves the job in clear; the
 * streams {@link #build} returns are the ones before it, for processing inside the hub.
 */
public final class EventPipelineJob {
    public static final String JOB_NAME = "fenghuo-correlation";
    private static final Logger LOG = LoggerFactory.getLogger(EventPipelineJob.class);

    private final PipelineSettings settings;
    private final PiiSettings pii;
    private final CorrelationSettings correlation;

    /** Stores events only (no detection): the walking skeleton's job. */
    public EventPipelineJob(PipelineSettings settings, PiiSettings pii) {
        this(settings, pii, CorrelationSettings.disabled());
    }

    public EventPipelineJob(PipelineSettings settings, PiiSettings pii, CorrelationSettings correlation) {
        this.settings = settings.validated();
        this.pii = pii.validated();
        this.correlation = correlation.validated();
        if (!pii.enabled()) {
            LOG.warn("personal-data protection is OFF: events, alerts, incidents and dead letters reach their sinks in clear");
        }
    }

    /** What the job computes, before personal-data protection: for processing inside the hub only. */
    public record Streams(DataStream<SecurityEvent> events, DataStream<Alert> alerts, DataStream<Incident> incidents) {
    }

    /**
     * Adds the pipeline to {@code env}; the caller executes it. Returns the timestamped events as
     * they were <em>before</em> personal-data protection: for processing inside the hub only.
     */
    public DataStream<SecurityEvent> build(StreamExecutionEnvironment env,
                                           Source<RawRecord, ?, ?> source,
                                           Sink<SecurityEvent> eventSink,
                                           Sink<DeadLetter> deadLetterSink) {
        return build(env, source, null, JobSinks.eventsOnly(eventSink, deadLetterSink)).events();
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
        return build(env, source, deadLetterSource, JobSinks.eventsOnly(eventSink, deadLetterSink)).events();
    }

    /** The whole job: events, dead letters, late events, alerts and incidents to {@code sinks}. */
    public Streams build(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source,
            Source<RawRecord, ?, ?> deadLetterSource, JobSinks sinks) {
        return build(env, source, deadLetterSource, null, sinks);
    }

    /**
     * The whole job, with rule-reload control records from {@code ruleControl} (may be null: the
     * rule set of the settings runs until a restart).
     */
    public Streams build(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source,
            Source<RawRecord, ?, ?> deadLetterSource, Source<String, ?, ?> ruleControl, JobSinks sinks) {
        if (!settings.checkpointInterval().isZero()) {
            env.enableCheckpointing(settings.checkpointInterval().toMillis());
            env.getCheckpointConfig().setCheckpointTimeout(PipelineSettings.CHECKPOINT_TIMEOUT.toMillis());
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
        EventTimeGuards.Guarded guarded = EventTimeGuards.guard(decoded, correlation.eventTime(), eventTime(), "event-time");
        deadLetters = deadLetters.union(guarded.deadLetters());
        DataStream<SecurityEvent> timed = guarded.onTime();

        DataStream<Alert> alerts = null;
        DataStream<Incident> incidents = null;
        if (correlation.enabled()) {
            Judged judged = judge(env, guarded, ruleControl);
            alerts = judged.alerts();
            incidents = judged.incidents();
            if (judged.controlDeadLetters() != null) {
                deadLetters = deadLetters.union(judged.controlDeadLetters());
            }
        }

        // the event index takes every event, late ones included, from the one stream before the late
        // split: a union of two streams would give the sink two inputs, and an operator with two inputs
        // is never chained, so every event would be serialised to reach it
        DataStream<SecurityEvent> leaving = guarded.every();
        DataStream<SecurityEvent> lateLeaving = guarded.late();
        DataStream<Alert> alertsLeaving = alerts;
        // no re-keying by incident id on the way out: an incident's id derives from its group key, so
        // all its versions come, in order, from the one incident subtask that owns the key and go
        // forward from there to the sinks
        DataStream<Incident> incidentsLeaving = incidents;
        if (pii.enabled()) {
            // one key source for every operator that seals or blind-indexes: with ephemeral keys each
            // source is its own ring, and a person's events and alerts must share blind terms
            KeyRingSource keys = pii.keyRingSource();
            SingleOutputStreamOperator<SecurityEvent> protectedEvents = guarded.every()
                    .process(new PiiProtectFunction(pii, keys), SecurityEventTypeInfo.INSTANCE)
                    .name("protect-pii").uid("protect-pii");
            // late events are protected a second time for the late index (rare; the two documents
            // seal the same values with their own nonces and share the blind terms)
            SingleOutputStreamOperator<SecurityEvent> protectedLate = guarded.late()
                    .process(new PiiProtectFunction(pii, keys), SecurityEventTypeInfo.INSTANCE)
                    .name("protect-pii-late").uid("protect-pii-late");
            leaving = protectedEvents;
            lateLeaving = protectedLate;
            deadLetters = deadLetters.union(protectedEvents.getSideOutput(PiiProtectFunction.FAILURES))
                    .union(protectedLate.getSideOutput(PiiProtectFunction.FAILURES))
                    .map(new DeadLetterMasking()).name("mask-dead-letters").uid("mask-dead-letters");
            if (alerts != null) {
                alertsLeaving = alerts.map(ProtectFindingsFunction.alerts(keys), AlertTypeInfo.INSTANCE)
                        .name("protect-pii-alerts").uid("protect-pii-alerts");
                incidentsLeaving = incidentsLeaving.map(ProtectFindingsFunction.incidents(keys),
                        IncidentTypeInfo.INSTANCE).name("protect-pii-incidents").uid("protect-pii-incidents");
            }
        }
        deadLetters.sinkTo(sinks.deadLetters()).name("dead-letter-sink").uid("dead-letter-sink");
        // late events are events too: in the event index with everything else (so a replay, which may
        // judge lateness differently, still overwrites the one document) and, for the record, in the late index
        leaving.sinkTo(sinks.events()).name("event-sink").uid("event-sink");
        lateLeaving.sinkTo(sinks.late()).name("late-event-sink").uid("late-event-sink");
        if (alertsLeaving != null) {
            for (int i = 0; i < sinks.alerts().size(); i++) {
                alertsLeaving.sinkTo(sinks.alerts().get(i)).name("alert-sink-" + i).uid("alert-sink-" + i);
            }
            for (int i = 0; i < sinks.incidents().size(); i++) {
                incidentsLeaving.sinkTo(sinks.incidents().get(i)).name("incident-sink-" + i).uid("incident-sink-" + i);
            }
        }
        return new Streams(timed, alerts, incidents);
    }

    /** Alerts and incidents of the guarded events, plus the control stream's bad records. */
    private record Judged(DataStream<Alert> alerts, DataStream<Incident> incidents, DataStream<DeadLetter> controlDeadLetters) {
    }

    private Judged judge(StreamExecutionEnvironment env, EventTimeGuards.Guarded guarded, Source<String, ?, ?> ruleControl) {
        DetectionOperators.Detected detected;
        DataStream<DeadLetter> controlDeadLetters = null;
        SingleOutputStreamOperator<DetectionUpdate> updates = null;
        if (ruleControl != null) {
            updates = DetectionOperators.updates(env, ruleControl);
            controlDeadLetters = DetectionOperators.controlDeadLetters(updates);
            detected = DetectionOperators.detect(guarded.every(), correlation.detection(), updates);
        } else {
            detected = DetectionOperators.detect(guarded.every(), correlation.detection());
        }
        DataStream<Alert> anomalies = AnomalyOperators.detect(guarded.onTime(), correlation.detectors(), correlation.anomaly());
        DataStream<Alert> detections = detected.alerts().union(anomalies);
        DataStream<RuleHit> hits = detected.hits()
                .union(detections.map(AlertHits::of, RuleHitTypeInfo.INSTANCE).name("alerts-as-hits").uid("alerts-as-hits"))
                .union(guarded.onTime().flatMap(new MarkerHitFunction(correlation.pack()), RuleHitTypeInfo.INSTANCE)
                        .name("marker-hits").uid("marker-hits"));
        CorrelationRules epl = CorrelationRules.none().withEpl(BuiltInPack.rules(correlation.pack()));
        CorrelationReload reload = new CorrelationReload(correlation.detection(), epl);
        CorrelationRules rules = reload.rulesFor(DetectionUpdate.reload(0));
        DataStream<Alert> correlated = updates == null
                ? CorrelationOperators.correlate(hits, rules, correlation.correlationParallelism(), CorrelatorFactory.ESPER,
                        correlation.eventTime().allowedLateness())
                // rule reloads reach the correlator too: a new or changed Sigma correlation needs no restart
                : CorrelationOperators.correlate(hits, rules, correlation.correlationParallelism(), CorrelatorFactory.ESPER,
                        correlation.eventTime().allowedLateness(),
                        DetectionOperators.atEndOfTime(updates, "correlation-control-time"), reload);
        DataStream<Alert> alerts = detections.union(correlated);
        DataStream<Incident> incidents = IncidentOperators.build(alerts, guarded.onTime(), correlation.incidents());
        return new Judged(alerts, incidents, controlDeadLetters);
    }

    private WatermarkStrategy<SecurityEvent> eventTime() {
        return WatermarkStrategy.<SecurityEvent>forBoundedOutOfOrderness(settings.maxOutOfOrderness())
                .withTimestampAssigner((event, kafkaTime) -> event.timestamp().toEpochMilli())
                .withIdleness(settings.sourceIdleness());
    }
}
