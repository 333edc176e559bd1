package org.fenghuo.deploy.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.netflow.NetflowConfig;
import org.fenghuo.collectors.netflow.NetflowDecoder;
import org.fenghuo.collectors.netflow.NetflowMetrics;
import org.fenghuo.collectors.netflow.NetflowPcapReader;
import org.fenghuo.events.EcsJsonCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "netflow", mixinStandardHelpOptions = true,
        description = {"Decode the NetFlow v5, v9 and IPFIX export datagrams inside pcap or pcapng files into ECS flow "
                + "events printed as NDJSON on stdout (event.dataset netflow.flow, options records netflow.options).",
                "The files are read in order through one decoder, as a collector would receive them: templates from "
                        + "an earlier file decode data in a later one. Data whose template never comes, and every "
                        + "malformed datagram, are dead letters (NDJSON on stderr, or --dead-letters FILE); a line "
                        + "per file and the decoder's counters go to stderr."},
        footer = {"", "Exit codes: 0 decoded, 1 stdout could not be written (closed or full: output incomplete), "
                + "2 usage, 4 a file unreadable."})
final class DecodeNetflowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng files holding UDP export packets.")
    List<Path> files;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Only UDP datagrams to or from this port (default: any UDP datagram).")
    int port;

    @Option(names = "--dead-letters", paramLabel = "FILE", description = "Write dead letters to FILE instead of stderr.")
    Path deadLetterFile;

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port: " + port + " is not a UDP port (0..65535)");
        }
        if (!InputFiles.allReadable(files, "fenghuo decode netflow", spec.commandLine().getErr())) {
            return FenghuoCli.EXIT_INPUT;
        }
        OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
        try (DeadLetterOutput deadLetters = DeadLetterOutput.open(deadLetterFile)) {
            EcsJsonCodec.LineWriter lines = EcsJsonCodec.lineWriter(stdout);
            NetflowDecoder decoder = new NetflowDecoder(NetflowConfig.defaults(), "netflow",
                    EventSink.of(lines::write, deadLetters.sink()), NetflowMetrics.forInput(new SimpleMeterRegistry(), "netflow"));
            NetflowPcapReader reader = new NetflowPcapReader(decoder, port);
            for (Path file : files) {
                NetflowPcapReader.Result r;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    r = reader.read(file.toString(), in);
                }
                spec.commandLine().getErr().println(file + ": packets=" + r.capture().packets() + " udp_datagrams="
                        + r.udpDatagrams() + " other_packets=" + r.otherPackets() + " capture_problems="
                        + r.capture().problemCount());
            }
            decoder.dropPending("never came before the end of the input");
            lines.flush();
            stdout.flush();
            spec.commandLine().getErr().println(decoder.metrics().snapshot().toStatusLine());
        }
        return StdoutCheck.lostOutput("fenghuo decode netflow", spec.commandLine().getErr())
                ? FenghuoCli.EXIT_NOTHING : FenghuoCli.EXIT_OK;
    }
}
