package org.fenghuo.correlation.detect;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.fenghuo.correlation.types.SecurityEventTypeInfo;
import org.fenghuo.events.DeadLetter;
import org.fenghuo.events.SecurityEvent;

/** Adds the event-time guard around a watermark assigner. */
public final class EventTimeGuards {
    public static final String TIMESTAMP_GUARD_UID = "event-time-guard";
    public static final String LATE_SPLIT_UID = "late-events";

    private EventTimeGuards() {
    }

    /**
     * What the guard gives.
     *
     * @param onTime      timestamped, watermarked, not late: for every operator
     * @param late        behind the watermark by more than the allowed lateness: for the late-data
     *                    index, not for keyed operators
     * @param deadLetters missing or future timestamps, reason {@code missing_timestamp} /
     *                    {@code future_timestamp: ...}
     * @param every       every event with a usable timestamp, on time or late, in arrival order: one
     *                    stream from the watermark assigner, so an operator taking it alone (the event
     *                    sink, the stateless detection) is chained to it instead of taking two edges and
     *                    a serialising hop per event
     */
    public record Guarded(DataStream<SecurityEvent> onTime, DataStream<SecurityEvent> late,
            DataStream<DeadLetter> deadLetters, DataStream<SecurityEvent> every) {
    }

    /** Before the watermark assigner: missing and future timestamps out ({@link TimestampGuard#DEAD_LETTERS}). */
    public static SingleOutputStreamOperator<SecurityEvent> checkTimestamps(DataStream<SecurityEvent> events,
            EventTimeSettings settings) {
        return events.process(new TimestampGuard(settings), SecurityEventTypeInfo.INSTANCE)
                .name("event-time-guard").uid(TIMESTAMP_GUARD_UID);
    }

    /** After the watermark assigner: late events out ({@link LateEventSplitter#LATE}). */
    public static SingleOutputStreamOperator<SecurityEvent> splitLate(DataStream<SecurityEvent> timed,
            EventTimeSettings settings) {
        return timed.process(new LateEventSplitter(settings), SecurityEventTypeInfo.INSTANCE)
                .name("late-events").uid(LATE_SPLIT_UID);
    }

    /** Guard, {@code watermarks} (uid {@code watermarkUid}), late split, in one go. */
    public static Guarded guard(DataStream<SecurityEvent> events, EventTimeSettings settings,
            WatermarkStrategy<SecurityEvent> watermarks, String watermarkUid) {
        SingleOutputStreamOperator<SecurityEvent> checked = checkTimestamps(events, settings);
        DataStream<SecurityEvent> timed = checked.assignTimestampsAndWatermarks(watermarks)
                .name(watermarkUid).uid(watermarkUid);
        SingleOutputStreamOperator<SecurityEvent> onTime = splitLate(timed, settings);
        return new Guarded(onTime, onTime.getSideOutput(LateEventSplitter.LATE),
                checked.getSideOutput(TimestampGuard.DEAD_LETTERS), timed);
    }
}
