package org.fenghuo.deploy.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.fenghuo.detection.anomaly.AnomalyDetectors;
import org.fenghuo.detection.ioc.IndicatorSource;
import org.fenghuo.detection.ioc.IocMatcher;
import org.fenghuo.detection.ioc.ReloadableIndicators;
import org.fenghuo.detection.sigma.SigmaPack;
import org.fenghuo.detection.sigma.correlation.CorrelationLimits;
import org.fenghuo.events.Alert;
import org.fenghuo.events.AlertJson;
import org.fenghuo.events.EcsJsonCodec;
import org.fenghuo.events.EcsJsonException;
import org.fenghuo.events.SecurityEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Run detection over ECS events read from NDJSON files (what `fenghuo decode` prints) and print "
                + "the alerts as ECS alert documents, one JSON per line, on stdout: Sigma rules and their correlation "
                + "rules (--rules), threat-intel feeds (--indicators), and with --anomaly the built-in anomaly detectors (scans, brute force, ICS "
                + "commands, beaconing, DNS tunnelling, volume).",
                "Events are judged in the order read (event time drives windows and timers). A line that is not an "
                        + "ECS event is reported on stderr with its file and line and skipped. A stats line goes to "
                        + "stderr at the end."},
        footer = {"", "Exit codes: 0 alerts printed, 1 no alert or stdout could not be written (closed or full), "
                + "2 usage, 4 a file unreadable."})
final class DetectCommand implements Callable<Integer> {
    /** Bad lines reported one by one before only counting them. */
    static final int MAX_REPORTED_BAD_LINES = 20;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "ECS events, one JSON object per line.")
    List<Path> files;

    @Option(names = "--rules", paramLabel = "PATH", description = "Sigma rule files or directories (repeatable).")
    List<Path> rules = new ArrayList<>();

    @Mixin
    SigmaOptions sigma;

    @Option(names = "--indicators", paramLabel = "stix|misp|list:FILE",
            description = "Threat-intel feed to match events against (repeatable): a STIX 2.1 bundle, a MISP event or "
                    + "feed manifest, or a plain/CSV list (e.g. ipsum); the feed is named after its file.")
    List<String> indicators = new ArrayList<>();

    @Option(names = "--anomaly", description = "Also run the built-in anomaly detectors with their defaults.")
    boolean anomaly;

    @Option(names = "--out-of-order", defaultValue = "0", paramLabel = "SECONDS",
            description = "How late an event may arrive and still count in correlation and anomaly windows; later "
                    + "ones are counted (correlation_out_of_order) and skipped (default: ${DEFAULT-VALUE}).")
    long outOfOrderSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (rules.isEmpty() && !anomaly && indicators.isEmpty()) {
            err.println("fenghuo detect: nothing to run: give --rules PATH, --indicators FEED and/or --anomaly");
            return FenghuoCli.EXIT_USAGE;
        }
        if (!InputFiles.allReadable(files, "fenghuo detect", err)) {
            return FenghuoCli.EXIT_INPUT;
        }
        for (Path p : rules) {
            if (!Files.isReadable(p)) {
                err.println("fenghuo detect: cannot read " + p);
                return FenghuoCli.EXIT_INPUT;
            }
        }
        Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        Map<String, Integer> alertsByRule = new TreeMap<>();
        Consumer<Alert> print = alert -> {
            alertsByRule.merge(alert.ruleId(), 1, Integer::sum);
            try {
                stdout.write(AlertJson.toJson(alert));
                stdout.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        SigmaPack.Detector sigmaDetector = null;
        if (!rules.isEmpty()) {
            if (sigma.anyUnreadable("fenghuo detect", err)) {
                return FenghuoCli.EXIT_INPUT;
            }
            SigmaPack pack = sigma.load(rules, err);
            if (pack == null) {
                return FenghuoCli.EXIT_USAGE;
            }
            err.println("rules: " + pack.rules().report().summary() + "; correlations: "
                    + pack.correlations().correlations().size() + " loaded, " + pack.correlations().rejected().size()
                    + " rejected (fenghuo rules check --verbose lists why)");
            sigmaDetector = pack.detector(print,
                    CorrelationLimits.DEFAULT.withAllowedLateness(Duration.ofSeconds(outOfOrderSeconds)));
        }
        IocMatcher ioc = null;
        if (!indicators.isEmpty()) {
            List<IndicatorSource> sources = new ArrayList<>();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (String spec : indicators) {
                IndicatorSource source = IndicatorFeeds.parse(spec);
                if (source == null) {
                    err.println("fenghuo detect: --indicators " + spec + ": expected stix:FILE, misp:FILE or list:FILE");
                    return FenghuoCli.EXIT_USAGE;
                }
                if (!names.add(source.name())) {
                    // the feed name is the alerts' rule id (fenghuo.ioc.<name>): two feeds must not share one
                    err.println("fenghuo detect: --indicators " + spec + ": a feed named '" + source.name()
                            + "' is already given; rename one of the files");
                    return FenghuoCli.EXIT_USAGE;
                }
                sources.add(source);
            }
            ReloadableIndicators feeds = new ReloadableIndicators(sources);
            ReloadableIndicators.Reload loaded = feeds.reload();
            loaded.reports().forEach(r -> err.println("indicators: " + r.summary()));
            if (!loaded.swapped()) {
                err.println("fenghuo detect: " + loaded.failure());
                return FenghuoCli.EXIT_INPUT;
            }
            ioc = new IocMatcher(feeds, new SimpleMeterRegistry());
        }
        AnomalyDetectors anomalies = anomaly
                ? AnomalyDetectors.running(AnomalyDetectors.defaults(), outOfOrderSeconds * 1000, print) : null;
        long events = 0;
        long bad = 0;
        try {
            for (Path file : files) {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    long lineNumber = 0;
                    while ((line = in.readLine()) != null) {
                        lineNumber++;
                        if (line.isBlank()) {
                            continue;
                        }
                        SecurityEvent event;
                        try {
                            event = EcsJsonCodec.fromJson(line);
                        } catch (EcsJsonException e) {
                            if (++bad <= MAX_REPORTED_BAD_LINES) {
                                err.println(file + ":" + lineNumber + ": not an ECS event: " + e.getMessage());
                            }
                            continue;
                        }
                        events++;
                        if (sigmaDetector != null) {
                            sigmaDetector.accept(event);
                        }
                        if (ioc != null) {
                            ioc.alerts(event).forEach(print);
                        }
                        if (anomalies != null) {
                            anomalies.accept(event);
                        }
                    }
                }
            }
            if (sigmaDetector != null) {
                sigmaDetector.finish();
            }
            if (anomalies != null) {
                anomalies.finish();
            }
        } finally {
            // alerts already judged are printed even when a later step fails
            stdout.flush();
        }
        int total = alertsByRule.values().stream().mapToInt(Integer::intValue).sum();
        err.println("detect: events=" + events + " not_events=" + bad
                + (sigmaDetector == null ? "" : " untimed=" + sigmaDetector.untimed() + " sigma_matches="
                        + sigmaDetector.matches() + " correlation_out_of_order="
                        + sigmaDetector.correlation().stats().outOfOrder()) + " alerts=" + total
                + " by_rule=" + alertsByRule);
        if (StdoutCheck.lostOutput("fenghuo detect", err)) {
            return FenghuoCli.EXIT_NOTHING;
        }
        return total > 0 ? FenghuoCli.EXIT_OK : FenghuoCli.EXIT_NOTHING;
    }
}
