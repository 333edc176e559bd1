package org.fenghuo.correlation.detect;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.fenghuo.correlation.types.AlertTypeInfo;
import org.fenghuo.events.Alert;
import org.fenghuo.events.SecurityEvent;

/** Adds the keyed anomaly operator to a job. */
public final class AnomalyOperators {
    public static final String ROUTE_UID = "anomaly-route";
    public static final String UID = "anomaly-detect";

    private AnomalyOperators() {
    }

    /**
     * Runs {@code detectors} over {@code onTime} (timestamped, watermarked, late events already split
     * off): route (detector id, key, event), key by (detector id, key), one keyed operator.
     */
    public static SingleOutputStreamOperator<Alert> detect(DataStream<SecurityEvent> onTime, DetectorSet detectors,
            AnomalySettings settings) {
        return onTime.flatMap(new AnomalyRouter(detectors), AnomalyRouter.TYPE).name("anomaly-route").uid(ROUTE_UID)
                .keyBy(in -> Tuple2.of(in.f0, in.f1), Types.TUPLE(Types.STRING, Types.STRING))
                .process(new AnomalyFunction(detectors, settings.validated()), AlertTypeInfo.INSTANCE)
                .name("anomaly-detect").uid(UID);
    }
}
