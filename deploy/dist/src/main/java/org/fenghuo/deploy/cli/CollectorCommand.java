package org.fenghuo.deploy.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.fenghuo.collectors.edge.EdgeCollectorMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "collector", mixinStandardHelpOptions = true,
        description = {"The edge collector: runs the inputs of edge.yml (syslog UDP/TCP, pcap live capture, ...) and "
                + "sends to Kafka through a durable local spool, so a Kafka outage loses nothing. Prometheus metrics "
                + "on /metrics. Runs until SIGTERM or Ctrl-C; a status line on stderr every --status-interval.",
                "See conf/edge.yml for every setting."},
        footer = {"", "Exit codes: 0 stopped, 2 configuration error (each problem names its key), 3 a part could not "
                + "start (port taken, spool not writable, capture not permitted)."})
final class CollectorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The edge.yml to run.")
    Path config;

    @Option(names = "--status-interval", defaultValue = "PT10S", paramLabel = "DURATION",
            description = "How often to print the status line (ISO-8601, default: ${DEFAULT-VALUE}).")
    Duration statusInterval;

    @Override
    public Integer call() {
        if (statusInterval.isNegative() || statusInterval.isZero()) {
            spec.commandLine().getErr().println("fenghuo collector: --status-interval must be positive");
            return FenghuoCli.EXIT_USAGE;
        }
        // the collector's exit codes are the CLI's: 2 configuration, 3 service
        return EdgeCollectorMain.run(config, statusInterval, spec.commandLine().getErr());
    }
}
