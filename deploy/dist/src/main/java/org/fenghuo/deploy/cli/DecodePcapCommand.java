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
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.events.EcsJsonCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "pcap", mixinStandardHelpOptions = true,
        description = {"Decode pcap or pcapng files into ECS flow records (bidirectional, with Community ID) and "
                + "print them as NDJSON on stdout.",
                "Malformed packets and broken capture structure are dead letters (NDJSON on stderr, or --dead-letters "
                        + "FILE); a stats line per file goes to stderr, and a progress line for files over 8 MB."},
        footer = {"", "Exit codes: 0 decoded, 2 usage, 4 a file unreadable.",
                "Not built yet: live capture (--live, --bpf) and protocol events (DNS, HTTP, TLS, SSH, ICS)."})
final class DecodePcapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng files.")
    List<Path> files;

    @Option(names = "--max-flows", defaultValue = "100000",
            description = "Flows held at once before the least recently seen is evicted (default: ${DEFAULT-VALUE}).")
    int maxFlows;

    @Option(names = "--dead-letters", paramLabel = "FILE", description = "Write dead letters to FILE instead of stderr.")
    Path deadLetterFile;

    @Option(names = "--live", paramLabel = "IFACE", description = "Live capture (not built yet).")
    String live;

    @Option(names = "--bpf", paramLabel = "EXPR", description = "BPF filter for live capture (not built yet).")
    String bpf;

    @Override
    public Integer call() throws IOException {
        if (live != null || bpf != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "live capture (--live, --bpf) is not built yet; decode capture files instead");
        }
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
            PcapFileDecoder decoder = new PcapFileDecoder(FlowTableConfig.defaults().withMaxFlows(maxFlows),
                    event -> writeLine(event, stdout), deadLetters);
            for (Path file : files) {
                decodeOne(decoder, file, stdout);
            }
            deadLetters.flush();
        }
        return FenghuoCli.EXIT_OK;
    }

    private static void writeLine(org.fenghuo.events.SecurityEvent event, OutputStream out) {
        EcsJsonCodec.writeTo(event, out);
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write to stdout", e);
        }
    }

    private void decodeOne(PcapFileDecoder decoder, Path file, OutputStream stdout) throws IOException {
        AutoCloseable[] progress = new AutoCloseable[1];
        try (InputStream in = ProgressReporter.wrap(new BufferedInputStream(Files.newInputStream(file), 1 << 20),
                file.getFileName().toString(), Files.size(file), spec.commandLine().getErr(), progress)) {
            PcapFileDecoder.Result result = decoder.decode(file, in);
            stdout.flush();
            spec.commandLine().getErr().println(result.toStatusLine());
        } finally {
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
