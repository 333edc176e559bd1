package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.collectors.input.EventSinkException;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.output.KafkaEventSink;
import org.fenghuo.collectors.output.KafkaSinkConfig;
import org.fenghuo.collectors.syslog.SyslogFileReader;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.time.Clock;
import org.fenghuo.collectors.syslog.payload.PayloadRules;

@Command(name = "syslog", mixinStandardHelpOptions = true,
        description = {"Read syslog files (RFC 5424 or RFC 3164, one message per line) and send each line to Kafka "
                + "fenghuo.events; lines that do not parse go to fenghuo.deadletter with the reason.",
                "Prints one stats line per file on stderr."},
        footer = {"", "Exit codes: 0 every line sent (malformed ones as dead letters), 1 some records could not be "
                + "sent to Kafka, 3 Kafka unreachable, 4 a file unreadable."})
final class IngestSyslogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Syslog files to send.")
    List<Path> files;

    @Option(names = "--kafka", description = "Kafka bootstrap servers (default: $FENGHUO_KAFKA or the running `fenghuo run`).")
    String kafka;

    @Option(names = "--time-zone", defaultValue = "UTC",
            description = "Zone of RFC 3164 timestamps, which carry none (default: ${DEFAULT-VALUE}).")
    ZoneId timeZone;

    @Override
    public Integer call() throws IOException {
        if (!InputFiles.allReadable(files, "fenghuo ingest syslog", spec.commandLine().getErr())) {
            return FenghuoCli.EXIT_INPUT;
        }
        String bootstrap = Endpoints.kafka(kafka);
        KafkaReachability.require(bootstrap);
        PrintWriter err = spec.commandLine().getErr();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KafkaEventSink sink = new KafkaEventSink(KafkaSinkConfig.of(bootstrap), registry)) {
            for (Path file : files) {
                SyslogInputConfig input = SyslogInputConfig.file().withName("file:" + file.getFileName()).withTimeZone(timeZone);
                CollectorStats stats = new SyslogFileReader(input, sink, registry, Clock.systemUTC(),
                        PayloadRules.defaults()).read(file);
                err.println(stats.toStatusLine());
            }
            sink.flush();
        } catch (EventSinkException e) {
            // Lines that reached neither Kafka nor a dead letter: say so, never pretend success.
            err.println("fenghuo ingest syslog: not everything reached Kafka at " + bootstrap + ": " + e.getMessage());
            return FenghuoCli.EXIT_NOTHING;
        }
        return FenghuoCli.EXIT_OK;
    }
}
