package org.fenghuo.deploy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.collectors.input.EventSinkException;
import org.fenghuo.collectors.output.KafkaEventSink;
import org.fenghuo.collectors.output.KafkaSinkConfig;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.collectors.pcap.capture.CaptureFileStream;
import org.fenghuo.collectors.pcap.app.StandardProtocols;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "pcap", mixinStandardHelpOptions = true,
        description = {"Decode pcap or pcapng files (flows and protocol events, as `fenghuo decode pcap` prints them) "
                + "and send the events to Kafka fenghuo.events; malformed packets and protocol data go to "
                + "fenghuo.deadletter with the reason.",
                "Prints one stats line per file on stderr."},
        footer = {"", "Exit codes: 0 everything sent (malformed input as dead letters), 1 some records could not be "
                + "sent to Kafka, 3 Kafka unreachable, 4 a file unreadable."})
final class IngestPcapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng files to send.")
    List<Path> files;

    @Option(names = "--kafka", description = "Kafka bootstrap servers (default: $FENGHUO_KAFKA or the running `fenghuo run`).")
    String kafka;

    @Option(names = "--max-flows", defaultValue = "100000",
            description = "Flows held at once before the least recently seen is evicted (default: ${DEFAULT-VALUE}).")
    int maxFlows;

    @Override
    public Integer call() throws IOException {
        if (!InputFiles.allReadable(files, "fenghuo ingest pcap", spec.commandLine().getErr())) {
            return FenghuoCli.EXIT_INPUT;
        }
        String bootstrap = Endpoints.kafka(kafka);
        KafkaReachability.require(bootstrap);
        PrintWriter err = spec.commandLine().getErr();
        try (KafkaEventSink sink = new KafkaEventSink(KafkaSinkConfig.of(bootstrap), new SimpleMeterRegistry())) {
            PcapFileDecoder decoder = new PcapFileDecoder(FlowTableConfig.defaults().withMaxFlows(maxFlows),
                    StandardProtocols.all(), sink::event, sink);
            for (Path file : files) {
                try (InputStream in = CaptureFileStream.open(file)) {
                    err.println(decoder.decode(file, in).toStatusLine());
                }
            }
            sink.flush();
        } catch (EventSinkException e) {
            // Events that reached neither Kafka nor a dead letter: say so, never pretend success.
            err.println("fenghuo ingest pcap: not everything reached Kafka at " + bootstrap + ": " + e.getMessage());
            return FenghuoCli.EXIT_NOTHING;
        }
        return FenghuoCli.EXIT_OK;
    }
}
