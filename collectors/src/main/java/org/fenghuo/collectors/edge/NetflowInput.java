package org.fenghuo.collectors.edge;

import java.time.Duration;
import org.fenghuo.collectors.netflow.NetflowConfig;
import org.fenghuo.collectors.netflow.NetflowInputConfig;
import org.fenghuo.collectors.netflow.NetflowUdpListener;

/**
 * {@code netflow}: NetFlow v5/v9 and IPFIX over UDP ({@link NetflowUdpListener}). UDP cannot push
 * back, so a full spool drops and counts ({@code output.lossy()}); exporters' sequence numbers then
 * show the loss as {@code fenghuo.netflow.lost_flows} too. Keys: {@code host} (0.0.0.0), {@code port}
 * (2055; 4739 for IPFIX works the same), {@code template_timeout} (30m), {@code pending_timeout}
 * (10m), {@code max_templates_per_exporter} (1024), {@code max_exporters} (4096),
 * {@code max_pending_per_exporter} (256), {@code max_pending_bytes_per_exporter} (1MiB),
 * {@code max_pending_total} (4096), {@code max_pending_bytes_total} (16MiB).
 */
final class NetflowInput {

    private NetflowInput() {
    }

    static InputFactory factory() {
        return (name, settings) -> {
            NetflowConfig d = NetflowConfig.defaults();
            String host = settings.string("host", "0.0.0.0");
            int port = settings.port("port", NetflowInputConfig.DEFAULT_PORT, true);
            Duration templates = settings.duration("template_timeout", d.templateTimeout(), Duration.ofSeconds(1));
            Duration pending = settings.duration("pending_timeout", d.pendingTimeout(), Duration.ofSeconds(1));
            int maxTemplates = count(settings, "max_templates_per_exporter", d.maxTemplatesPerExporter());
            int maxExporters = count(settings, "max_exporters", d.maxExporters());
            int perExporter = count(settings, "max_pending_per_exporter", d.maxPendingPerExporter());
            long bytesPerExporter = settings.bytes("max_pending_bytes_per_exporter", d.maxPendingBytesPerExporter(), 1);
            int total = count(settings, "max_pending_total", d.maxPendingTotal());
            long bytesTotal = settings.bytes("max_pending_bytes_total", d.maxPendingBytesTotal(), 1);
            NetflowConfig decoder = new NetflowConfig(templates, pending, maxTemplates, maxExporters, perExporter,
                    bytesPerExporter, total, bytesTotal, d.maxDeadLetterBytes());
            NetflowInputConfig config = new NetflowInputConfig(name, host, port, decoder);
            return (output, registry) -> {
                NetflowUdpListener listener = NetflowUdpListener.start(config, output.lossy(), registry);
                return InputFactory.Running.of("netflow " + name + " on udp://" + listener.localAddress(), listener);
            };
        };
    }

    private static int count(ConfigNode settings, String key, int defaultValue) {
        return settings.integer(key, defaultValue, 1, 100_000_000, "is not a count (1..100000000)");
    }
}
