package org.fenghuo.deploy.cli;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Fails fast, with the address, when no Kafka answers: a producer would otherwise block for a
 * minute per record before giving up.
 */
final class KafkaReachability {
    private KafkaReachability() {
    }

    static void require(String bootstrapServers) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(6, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ServiceUnavailableException("cannot reach Kafka at " + bootstrapServers + " (is `fenghuo run` running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted while contacting Kafka at " + bootstrapServers, e);
        }
    }
}
