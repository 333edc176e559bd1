package org.fenghuo.correlation.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.fenghuo.correlation.types.AssetObservationTypeInfo;
import org.fenghuo.correlation.types.IncidentTypeInfo;
import org.fenghuo.correlation.types.LearnedAssetUpdateTypeInfo;
import org.fenghuo.events.Alert;
import org.fenghuo.events.Incident;
import org.fenghuo.events.SecurityEvent;

/** Adds the incident builder, and the asset learner that feeds it, to a job. */
public final class IncidentOperators {
    public static final String UID = "build-incidents";
    public static final String LEARNER_UID = "learn-assets";

    private IncidentOperators() {
    }

    /**
     * Every version of every incident the {@code alerts} make, keyed by {@link IncidentBuilder#groupKey}
     * (so one incident's versions come out of one subtask, in order), scored with the inventory and
     * the assets learned from {@code events} (the on-time events; when learning is off, the inventory only).
     */
    public static SingleOutputStreamOperator<Incident> build(DataStream<Alert> alerts, DataStream<SecurityEvent> events,
            IncidentConfig config) {
        return alerts.keyBy(IncidentBuilder::groupKey, Types.STRING)
                .connect(learn(events, config).broadcast(IncidentFunction.LEARNED_ASSETS))
                .process(new IncidentFunction(config), IncidentTypeInfo.INSTANCE)
                .name("build-incidents").uid(UID);
    }

    /**
     * The changes of the job's one {@link LearnedAssets}: each subtask of {@code events} picks the
     * small {@link AssetObservation}s out of its events (chained, no hop), the one learner takes them.
     */
    static DataStream<LearnedAssetUpdate> learn(DataStream<SecurityEvent> events, IncidentConfig config) {
        boolean enabled = config.settingsParsed().learnedAssets().enabled();
        return events.flatMap(new Observations(enabled), AssetObservationTypeInfo.INSTANCE)
                .name("asset-observations").uid("asset-observations")
                .transform("learn-assets", LearnedAssetUpdateTypeInfo.INSTANCE, new AssetLearningOperator(config))
                .setParallelism(1).setMaxParallelism(1).uid(LEARNER_UID);
    }

    /**
     * What an event teaches about assets, if anything; nothing at all when learning is off. The same
     * responder, initiator, port and protocol seen again less than {@link #RESEND_AFTER_MILLIS}
     * after it was sent, and not earlier than that, is not sent again: every fact the learner keeps is
     * the earliest time of such a combination, so the repeat could change none of them, only the
     * host's last-seen time (forgetting takes days). This keeps steady traffic from the one learner.
     */
    static final class Observations extends RichFlatMapFunction<SecurityEvent, AssetObservation> {
        private static final long serialVersionUID = 1L;
        static final long RESEND_AFTER_MILLIS = 60_000;
        private static final int RECENT_MAX = 10_000;
        private final boolean enabled;
        private transient Map<String, Long> recent;
        private transient Counter skipped;

        Observations(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public void open(OpenContext openContext) {
            recent = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > RECENT_MAX;
                }
            };
            skipped = getRuntimeContext().getMetricGroup().counter("assetObservationsRepeated");
        }

        @Override
        public void flatMap(SecurityEvent event, Collector<AssetObservation> out) {
            AssetObservation o = enabled ? AssetObservation.of(event) : null;
            if (o == null) {
                return;
            }
            String key = o.server() + '|' + o.client() + '|' + o.port() + '|' + o.icsProtocol();
            long t = o.timestamp().toEpochMilli();
            Long sent = recent.get(key);
            if (sent != null && t >= sent && t - sent < RESEND_AFTER_MILLIS) {
                skipped.inc();
                return;
            }
            recent.put(key, t);
            out.collect(o);
        }
    }
}
