package org.fenghuo.correlation.detect;

import java.util.List;

import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fenghuo.correlation.types.AlertTypeInfo;
import org.fenghuo.detection.sigma.correlation.RuleHit;
import org.fenghuo.events.Alert;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/** Adds the detection operator (Sigma single-event rules, IOC feeds, reloadable) to a job. */
public final class DetectionOperators {
    public static final String UID = "detect-sigma-ioc";
    public static final String CONTROL_SOURCE_UID = "detection-control-source";
    public static final String CONTROL_DECODE_UID = "decode-detection-control";

    private DetectionOperators() {
    }

    /**
     * The detection's outputs.
     *
     * @param alerts Sigma single-event and IOC alerts
     * @param hits   matches of rules that Sigma correlations refer to, for the correlation operator
     */
    public record Detected(SingleOutputStreamOperator<Alert> alerts, DataStream<RuleHit> hits) {
    }

    /**
     * Runs detection over {@code events} with the set {@code settings} names, replaced by every
     * newer {@link DetectionUpdate} on {@code updates}. The initial set is loaded here once, so a
     * broken configuration fails before the job starts, with every reason.
     */
    public static Detected detect(DataStream<SecurityEvent> events, DetectionSettings settings,
            DataStream<DetectionUpdate> updates) {
        DetectionRules.Load check = DetectionRules.load(settings.validated(), 0);
        if (!check.ok()) {
            throw new IllegalArgumentException("invalid detection settings: " + check.refusal());
        }
        // event time is the events' alone (FirstInputTimeOperator): a control watermark, let alone
        // the end of time, must neither hold it back nor, once the events go idle, take its place
        SingleOutputStreamOperator<Alert> alerts = events
                .connect(updates.assignTimestampsAndWatermarks(ControlWatermarks.atEndOfTime())
                        .name("detection-control-time").uid("detection-control-time")
                        .broadcast())
                .transform("detect-sigma-ioc", AlertTypeInfo.INSTANCE,
                        new FirstInputTimeOperator<>(new DetectionFunction(settings), List.of(DetectionFunction.UPDATES)))
                .uid(UID);
        return new Detected(alerts, alerts.getSideOutput(DetectionFunction.RULE_HITS));
    }

    /**
     * As above with no control stream: the initial set runs until the job is restarted, in a
     * one-input operator ({@link FixedDetectionFunction}) that Flink chains to its input's task when
     * {@code events} is one stream.
     */
    public static Detected detect(DataStream<SecurityEvent> events, DetectionSettings settings) {
        DetectionRules.Load check = DetectionRules.load(settings.validated(), 0);
        if (!check.ok()) {
            throw new IllegalArgumentException("invalid detection settings: " + check.refusal());
        }
        SingleOutputStreamOperator<Alert> alerts = events
                .process(new FixedDetectionFunction(settings), AlertTypeInfo.INSTANCE)
                .name("detect-sigma-ioc").uid(UID);
        return new Detected(alerts, alerts.getSideOutput(DetectionFunction.RULE_HITS));
    }

    /**
     * The control stream read from {@code source} (e.g. {@link DetectionControl#kafkaSource}): JSON
     * control records decoded; a bad one becomes a dead letter ({@link DetectionControl#DEAD_LETTERS}).
     */
    public static SingleOutputStreamOperator<DetectionUpdate> updates(StreamExecutionEnvironment env,
            Source<String, ?, ?> source) {
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "detection-control")
                .uid(CONTROL_SOURCE_UID)
                .process(new DetectionControl(), DetectionControl.TYPE)
                .name("decode-detection-control").uid(CONTROL_DECODE_UID);
    }

    /**
     * {@code updates} with their watermark at the end of time (see {@link ControlWatermarks}), for an
     * operator besides detection that takes them as a second input (the correlator).
     */
    public static DataStream<DetectionUpdate> atEndOfTime(DataStream<DetectionUpdate> updates, String uid) {
        return updates.assignTimestampsAndWatermarks(ControlWatermarks.atEndOfTime()).name(uid).uid(uid);
    }

    /** The dead letters of {@link #updates}. */
    public static DataStream<DeadLetter> controlDeadLetters(SingleOutputStreamOperator<DetectionUpdate> updates) {
        return updates.getSideOutput(DetectionControl.DEAD_LETTERS);
    }
}
