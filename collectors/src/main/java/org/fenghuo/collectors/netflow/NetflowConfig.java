package org.fenghuo.collectors.netflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Limits of one NetFlow/IPFIX decoder. Every bound is a hard one: what exceeds it is counted and
 * dead-lettered, never buffered.
 *
 * @param templateTimeout          a template not refreshed for this long is forgotten (RFC 7011 8.4:
 *                                 UDP templates expire; exporters resend them periodically)
 * @param pendingTimeout           a data set held for its template is dropped (dead-lettered) after this long
 * @param maxTemplatesPerExporter  templates one exporter domain may hold; more are refused (a template flood)
 * @param maxExporters             exporter domains tracked at once; the least recently heard is forgotten
 * @param maxPendingPerExporter    data sets held per exporter domain
 * @param maxPendingBytesPerExporter bytes held per exporter domain
 * @param maxPendingTotal          data sets held in total
 * @param maxPendingBytesTotal     bytes held in total
 * @param maxDeadLetterBytes       raw bytes kept in one dead letter (a datagram is at most 65,535)
 */
public record NetflowConfig(
        Duration templateTimeout,
        Duration pendingTimeout,
        int maxTemplatesPerExporter,
        int maxExporters,
        int maxPendingPerExporter,
        long maxPendingBytesPerExporter,
        int maxPendingTotal,
        long maxPendingBytesTotal,
        int maxDeadLetterBytes) {

    public NetflowConfig {
        Objects.requireNonNull(templateTimeout, "templateTimeout");
        Objects.requireNonNull(pendingTimeout, "pendingTimeout");
        List<String> errors = new ArrayList<>();
        positive(errors, "template_timeout", templateTimeout.toMillis());
        positive(errors, "pending_timeout", pendingTimeout.toMillis());
        positive(errors, "max_templates_per_exporter", maxTemplatesPerExporter);
        positive(errors, "max_exporters", maxExporters);
        positive(errors, "max_pending_per_exporter", maxPendingPerExporter);
        positive(errors, "max_pending_bytes_per_exporter", maxPendingBytesPerExporter);
        positive(errors, "max_pending_total", maxPendingTotal);
        positive(errors, "max_pending_bytes_total", maxPendingBytesTotal);
        positive(errors, "max_dead_letter_bytes", maxDeadLetterBytes);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("netflow: " + String.join("; ", errors));
        }
    }

    /** 30 min templates, 10 min held data, 1,024 templates and 256 held sets (1 MiB) per exporter, 16 MiB held in all. */
    public static NetflowConfig defaults() {
        return new NetflowConfig(Duration.ofMinutes(30), Duration.ofMinutes(10), 1024, 4096, 256, 1 << 20,
                4096, 16 << 20, 65535);
    }

    public NetflowConfig withPendingLimits(int perExporter, long bytesPerExporter, int total, long bytesTotal) {
        return new NetflowConfig(templateTimeout, pendingTimeout, maxTemplatesPerExporter, maxExporters, perExporter,
                bytesPerExporter, total, bytesTotal, maxDeadLetterBytes);
    }

    public NetflowConfig withMaxTemplatesPerExporter(int max) {
        return new NetflowConfig(templateTimeout, pendingTimeout, max, maxExporters, maxPendingPerExporter,
                maxPendingBytesPerExporter, maxPendingTotal, maxPendingBytesTotal, maxDeadLetterBytes);
    }

    public NetflowConfig withTimeouts(Duration templates, Duration pending) {
        return new NetflowConfig(templates, pending, maxTemplatesPerExporter, maxExporters, maxPendingPerExporter,
                maxPendingBytesPerExporter, maxPendingTotal, maxPendingBytesTotal, maxDeadLetterBytes);
    }

    private static void positive(List<String> errors, String key, long value) {
        if (value <= 0) {
            errors.add(key + " is " + value + ", expected a positive value");
        }
    }
}
