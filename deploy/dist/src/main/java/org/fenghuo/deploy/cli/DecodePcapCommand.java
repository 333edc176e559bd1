package org.fenghuo.deploy.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.fenghuo.collectors.deadletter.JsonLinesDeadLetterSink;
import org.fenghuo.collectors.pcap.PcapFileDecoder;
import org.fenghuo.collectors.pcap.capture.CaptureFileStream;
import org.fenghuo.collectors.pcap.app.AppProtocols;
import org.fenghuo.collectors.pcap.app.StandardProtocols;
import org.fenghuo.collectors.pcap.flow.FlowTableConfig;
import org.fenghuo.collectors.pcap.live.LiveCaptureConfig;
import org.fenghuo.collectors.pcap.live.LiveCaptureException;
import org.fenghuo.collectors.pcap.live.LivePcapDecoder;
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
                "With --live IFACE, capture from a network interface instead (root or CAP_NET_RAW, and libpcap0.8): "
                        + "events are printed as they become known until Ctrl-C or --duration.",
                "Malformed packets, protocol data that does not parse and broken capture structure are dead letters "
                        + "(NDJSON on stderr, or --dead-letters FILE); a stats line per file goes to stderr, and a "
                        + "progress line for files over 8 MB."},
        footer = {"", "Exit codes: 0 decoded, 1 stdout could not be written (closed or full: output incomplete), "
                + "2 usage or a bad BPF filter, 3 live capture impossible (no libpcap, no permission), 4 a file "
                + "unreadable or no such interface."})
final class DecodePcapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "pcap or pcapng files (none with --live).")
    List<Path> files;

    @Option(names = "--max-flows", defaultValue = "100000",
            description = "Flows held at once before the least recently seen is evicted (default: ${DEFAULT-VALUE}).")
    int maxFlows;

    @Option(names = "--protocols", split = ",", paramLabel = "NAME",
            description = "Protocols to decode, comma separated, or 'all' (the default) or 'none' (flows only).")
    List<String> protocols;

    @Option(names = "--dead-letters", paramLabel = "FILE", description = "Write dead letters to FILE instead of stderr.")
    Path deadLetterFile;

    @Option(names = "--live", paramLabel = "IFACE", description = "Capture live from this interface (e.g. eth0, lo).")
    String live;

    @Option(names = "--bpf", paramLabel = "EXPR", description = "BPF filter for --live, e.g. 'tcp port 502 or udp port 53'.")
    String bpf;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop a live capture after this long (ISO-8601, e.g. PT60S; default: until Ctrl-C).")
    Duration duration;

    @Override
    public Integer call() throws IOException {
        AppProtocols chosen = chosenProtocols();
        if (live != null) {
            if (files != null && !files.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--live captures from an interface: give no FILE");
            }
            return live(chosen);
        }
        if (bpf != null || duration != null) {
            throw new ParameterException(spec.commandLine(), "--bpf and --duration apply to --live capture only");
        }
        if (files == null || files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give pcap/pcapng FILEs, or --live IFACE");
        }
        if (!InputFiles.allReadable(files, "fenghuo decode pcap", spec.commandLine().getErr())) {
            return FenghuoCli.EXIT_INPUT;
        }
        OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
        try (DeadLetterOutput deadLetterOutput = DeadLetterOutput.open(deadLetterFile)) {
            JsonLinesDeadLetterSink deadLetters = deadLetterOutput.sink();
            EcsJsonCodec.LineWriter stdoutLines = EcsJsonCodec.lineWriter(stdout);
            for (Path file : files) {
                decodeOne(chosen, deadLetters, file, stdout, stdoutLines);
                if (System.out.checkError()) {
                    break; // the reader went away or the disk is full: no point decoding more files
                }
            }
            deadLetters.flush();
        }
        return StdoutCheck.lostOutput("fenghuo decode pcap", spec.commandLine().getErr())
                ? FenghuoCli.EXIT_NOTHING : FenghuoCli.EXIT_OK;
    }

    /**
     * Live events go out as they come; stdout is flushed every second so a reader sees them
     * promptly, and a closed stdout (the reader went away) stops the capture. Ctrl-C stops it too,
     * and the signal handler waits for the end-of-capture flush before the JVM exits.
     */
    private int live(AppProtocols chosen) throws IOException {
        OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
        try (DeadLetterOutput deadLetterOutput = DeadLetterOutput.open(deadLetterFile)) {
            JsonLinesDeadLetterSink deadLetters = deadLetterOutput.sink();
            LiveLines lines = new LiveLines(stdout);
            LivePcapDecoder decoder = new LivePcapDecoder(LiveCaptureConfig.of(live, bpf),
                    FlowTableConfig.defaults().withMaxFlows(maxFlows), chosen, lines::write, deadLetters);
            int code = runLive(decoder, lines);
            deadLetters.flush();
            return code;
        }
    }

    private int runLive(LivePcapDecoder decoder, LiveLines stdout) {
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fenghuo-live-flush");
            t.setDaemon(true);
            return t;
        });
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnSignal = new Thread(() -> {
            decoder.stop();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fenghuo-live-stop");
        try {
            decoder.open();
            flusher.scheduleWithFixedDelay(() -> {
                stdout.flush();
                if (System.out.checkError()) {
                    decoder.stop();
                }
            }, 1, 1, TimeUnit.SECONDS);
            if (duration != null) {
                flusher.schedule(decoder::stop, duration.toMillis(), TimeUnit.MILLISECONDS);
            }
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            LivePcapDecoder.Result result = decoder.run();
            stdout.flush();
            spec.commandLine().getErr().println(result.toStatusLine());
            return FenghuoCli.EXIT_OK;
        } catch (LiveCaptureException e) {
            spec.commandLine().getErr().println("fenghuo decode pcap: " + e.getMessage());
            return switch (e.kind()) {
                case BAD_FILTER -> FenghuoCli.EXIT_USAGE;
                case NO_SUCH_INTERFACE -> FenghuoCli.EXIT_INPUT;
                default -> FenghuoCli.EXIT_SERVICE;
            };
        } finally {
            finished.countDown();
            flusher.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for `finished`, counted down above
            }
        }
    }

    /**
     * Live NDJSON: one JSON generator for the whole run (no generator and no stream flush per
     * event), shared by the capture thread that writes and the flusher thread that pushes lines out
     * every second.
     */
    private static final class LiveLines {
        private final OutputStream out;
        private final EcsJsonCodec.LineWriter lines;

        LiveLines(OutputStream out) {
            this.out = out;
            this.lines = EcsJsonCodec.lineWriter(out);
        }

        synchronized void write(org.fenghuo.events.SecurityEvent event) {
            lines.write(event);
        }

        synchronized void flush() {
            try {
                lines.flush();
                out.flush();
            } catch (IOException | java.io.UncheckedIOException e) {
                // System.out never throws; a closed stdout shows as System.out.checkError()
            }
        }
    }

    private AppProtocols chosenProtocols() {
        if (protocols == null || protocols.equals(List.of("all"))) {
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
        AutoCloseable[] progress = new AutoCloseable[1];
        long size = Files.size(file); // before the file is opened, so a failure here leaks nothing
        try (HeldProtocolEvents held = new HeldProtocolEvents();
             InputStream in = ProgressReporter.wrap(CaptureFileStream.open(file),
                     file.getFileName().toString(), size, spec.commandLine().getErr(), progress)) {
            if (!chosen.protocols().isEmpty()) {
                held.open();
            }
            PcapFileDecoder decoder = new PcapFileDecoder(FlowTableConfig.defaults().withMaxFlows(maxFlows), chosen,
                    event -> {
                        if ("pcap.flow".equals(event.event().dataset())) {
                            stdoutLines.write(event);
                        } else {
                            held.write(event);
                        }
                    },
                    deadLetters);
            PcapFileDecoder.Result result = decoder.decode(file, in);
            stdoutLines.flush();
            held.copyTo(stdout);
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
