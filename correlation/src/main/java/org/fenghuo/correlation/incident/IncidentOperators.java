package org.fenghuo.correlation.incident;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.fenghuo.correlation.types.IncidentTypeInfo;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Incident;

/** Adds the incident builder to a job. */
public final class IncidentOperators {
    public static final String UID = "build-incidents";

    private IncidentOperators() {
    }

    /**
     * Every version of every incident the {@code alerts} make, keyed by {@link IncidentBuilder#groupKey}
     * (so one incident's versions come out of one subtask, in order).
     */
    public static SingleOutputStreamOperator<Incident> build(DataStream<Alert> alerts, IncidentConfig config) {
        return alerts.keyBy(IncidentBuilder::groupKey, Types.STRING)
                .process(new IncidentFunction(config), IncidentTypeInfo.INSTANCE)
                .name("build-incidents").uid(UID);
    }
}
