package org.fenghuo.deploy.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.fenghuo.collectors.deadletter.JsonLinesDeadLetterSink;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.StandardProtocols;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.events.EcsJsonCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "pcap", mixinStandardHelpOptions = true,
        description = {"Decode pcap or pcapng files into ECS events printed as NDJSON on stdout: per file, first the "
                + "flow records (bidirectional, with Community ID), then the protocol events (DNS, HTTP, TLS, SSH, "
                + "Modbus, DNP3, S7comm, IEC 104), each linked to its flow by fenghuo.flow_id.",
                "Malformed packets, protocol data that does not parse and broken capture structure are dead letters "
                        + "(NDJSON on stderr, or --dead-letters FILE); a stats line per file goes to stderr, and a "
                        + "progress line for files over 8 MB."},
        footer = {"", "Exit codes: 0 decoded, 2 usage, 4 a file unreadable."})
final class DecodePcapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng files.")
    List<Path> files;

    @Option(names = "--max-flows", defaultValue = "100000",
            description = "Flows held at once before the least recently seen is evicted (default: ${DEFAULT-VALUE}).")
    int maxFlows;

    @Option(names = "--protocols", split = ",", paramLabel = "NAME",
            description = "Protocols to decode, comma separated (default: all; 'none' for flows only).")
    List<String> protocols;

    @Option(names = "--dead-letters", paramLabel = "FILE", description = "Write dead letters to FILE instead of stderr.")
    Path deadLetterFile;

    @Option(names = "--live", paramLabel = "IFACE", description = "Live capture (not built yet).")
    String live;

    @Option(names = "--bpf", paramLabel = "EXPR", description = "BPF filter for live capture (not built yet).")
    String bpf;

    @Override
    public Integer call() throws IOException {
        if (live != null || bpf != null) {
            throw new ParameterException(spec.commandLine(),
                    "live capture (--live, --bpf) is not built yet; decode capture files instead");
        }
        AppProtocols chosen = chosenProtocols();
        for (Path file : files) {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                spec.commandLine().getErr().println("fenghuo decode pcap: cannot read " + file);
                return FenghuoCli.EXIT_INPUT;
            }
        }
        OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
        try (PrintStream deadLetterOut = deadLetterFile == null ? null
                : new PrintStream(Files.newOutputStream(deadLetterFile), false, StandardCharsets.UTF_8)) {
            JsonLinesDeadLetterSink deadLetters = deadLetterOut == null ? JsonLinesDeadLetterSink.stderr()
                    : new JsonLinesDeadLetterSink(deadLetterOut);
            EcsJsonCodec.LineWriter stdoutLines = EcsJsonCodec.lineWriter(stdout);
            for (Path file : files) {
                decodeOne(chosen, deadLetters, file, stdout, stdoutLines);
            }
            deadLetters.flush();
        }
        return FenghuoCli.EXIT_OK;
    }

    private AppProtocols chosenProtocols() {
        if (protocols == null) {
            return StandardProtocols.all();
        }
        if (protocols.equals(List.of("none"))) {
            return AppProtocols.none();
        }
        try {
            return StandardProtocols.select(protocols);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--protocols: " + e.getMessage());
        }
    }

    /**
     * Flows are known only when they end, most at the end of the file, while protocol events come
     * as packets arrive: they wait in a temporary NDJSON file so stdout holds the flows first.
     */
    private void decodeOne(AppProtocols chosen, JsonLinesDeadLetterSink deadLetters, Path file, OutputStream stdout,
                           EcsJsonCodec.LineWriter stdoutLines) throws IOException {
        Path held = Files.createTempFile("fenghuo-pcap-events", ".ndjson");
        AutoCloseable[] progress = new AutoCloseable[1];
        try (OutputStream heldOut = new BufferedOutputStream(Files.newOutputStream(held), 1 << 16);
             InputStream in = ProgressReporter.wrap(new BufferedInputStream(Files.newInputStream(file), 1 << 20),
                     file.getFileName().toString(), Files.size(file), spec.commandLine().getErr(), progress)) {
            EcsJsonCodec.LineWriter heldLines = EcsJsonCodec.lineWriter(heldOut);
            PcapFileDecoder decoder = new PcapFileDecoder(FlowTableConfig.defaults().withMaxFlows(maxFlows), chosen,
                    event -> ("pcap.flow".equals(event.event().dataset()) ? stdoutLines : heldLines).write(event),
                    deadLetters);
            PcapFileDecoder.Result result = decoder.decode(file, in);
            heldLines.flush();
            heldOut.flush();
            stdoutLines.flush();
            Files.copy(held, stdout);
            stdout.flush();
            spec.commandLine().getErr().println(result.toStatusLine());
        } finally {
            Files.deleteIfExists(held);
            try {
                if (progress[0] != null) {
                    progress[0].close();
                }
            } catch (Exception ignored) {
                // stopping a timer thread cannot fail in a way that matters here
            }
        }
    }
}
