package org.fenghuo.collectors.edge;

import java.util.List;
import org.fenghuo.collectors.output.KafkaSinkConfig;
import org.fenghuo.collectors.spool.SpoolConfig;

/**
 * {@code edge.yml}, validated ({@link EdgeConfigReader}).
 *
 * @param kafka   where the output sends ({@code kafka:})
 * @param spool   the durable local buffer ({@code spool:})
 * @param metrics the Prometheus endpoint ({@code metrics:})
 * @param inputs  what to listen to / capture ({@code inputs:}), in file order, names unique
 */
public record EdgeConfig(KafkaSinkConfig kafka, SpoolConfig spool, MetricsConfig metrics, List<Input> inputs) {

    public EdgeConfig {
        inputs = List.copyOf(inputs);
    }

    /**
     * @param enabled whether to serve {@code /metrics} and {@code /healthz}
     * @param host    address to bind; default 127.0.0.1
     * @param port    port to bind; default 9464; 0 picks a free one
     */
    public record MetricsConfig(boolean enabled, String host, int port) {
        public static final int DEFAULT_PORT = 9464;
    }

    /** One validated entry of {@code inputs}. */
    public record Input(String type, String name, InputFactory.Plan plan) {
    }
}
