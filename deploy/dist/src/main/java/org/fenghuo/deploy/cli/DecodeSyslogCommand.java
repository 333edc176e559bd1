package org.fenghuo.deploy.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.collectors.deadletter.JsonLinesDeadLetterSink;
import org.fenghuo.collectors.input.EventSink;
import org.fenghuo.collectors.metrics.CollectorStats;
import org.fenghuo.collectors.syslog.SyslogFileReader;
import org.fenghuo.collectors.syslog.SyslogInputConfig;
import org.fenghuo.collectors.syslog.payload.PayloadRules;
import org.fenghuo.events.EcsJsonCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "syslog", mixinStandardHelpOptions = true,
        description = {"Decode syslog files (one message per line: RFC 5424, RFC 3164, or bare /var/log lines) into "
                + "ECS events printed as NDJSON on stdout. The message body is read by the default payload rules "
                + "(CEF, LEEF, JSON, Cisco ASA, FortiGate, PAN-OS, Huawei USG, H3C, key=value), detected by signature.",
                "Lines that are not syslog are dead letters (NDJSON on stderr, or --dead-letters FILE); a body a "
                        + "parser recognised but could not read is still printed, tagged payload_malformed. A stats "
                        + "line per file goes to stderr."},
        footer = {"", "Exit codes: 0 decoded, 1 stdout could not be written (closed or full: output incomplete), "
                + "2 usage, 4 a file unreadable."})
final class DecodeSyslogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Syslog files, one message per line.")
    List<Path> files;

    @Option(names = "--dead-letters", paramLabel = "FILE", description = "Write dead letters to FILE instead of stderr.")
    Path deadLetterFile;

    @Option(names = "--time-zone", defaultValue = "UTC",
            description = "Zone of RFC 3164 timestamps, which carry none (default: ${DEFAULT-VALUE}).")
    ZoneId timeZone;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!InputFiles.allReadable(files, "fenghuo decode syslog", err)) {
            return FenghuoCli.EXIT_INPUT;
        }
        OutputStream stdout = new BufferedOutputStream(System.out, 1 << 16);
        PayloadRules rules = PayloadRules.defaults();
        try (DeadLetterOutput deadLetterOutput = DeadLetterOutput.open(deadLetterFile)) {
            JsonLinesDeadLetterSink deadLetters = deadLetterOutput.sink();
            EcsJsonCodec.LineWriter lines = EcsJsonCodec.lineWriter(stdout);
            EventSink sink = EventSink.of(lines::write, deadLetters);
            for (Path file : files) {
                SyslogInputConfig input = SyslogInputConfig.file().withName("file:" + file.getFileName())
                        .withTimeZone(timeZone);
                // one registry per file, so each stats line counts that file only
                SyslogFileReader reader = new SyslogFileReader(input, sink, new SimpleMeterRegistry(),
                        java.time.Clock.systemUTC(), rules);
                CollectorStats stats = reader.read(file);
                lines.flush();
                stdout.flush();
                err.println(input.name() + ": lines=" + (stats.received()) + " events=" + stats.parsed()
                        + " empty=" + stats.empty() + " dead_lettered=" + stats.deadLettered() + " "
                        + reader.payloadStats().toStatusLine());
            }
            deadLetters.flush();
        }
        return StdoutCheck.lostOutput("fenghuo decode syslog", err) ? FenghuoCli.EXIT_NOTHING : FenghuoCli.EXIT_OK;
    }
}
