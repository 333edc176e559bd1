package org.fenghuo.deploy.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fenghuo.detection.sigma.LoadReport;
import org.fenghuo.detection.sigma.SigmaPack;
import org.fenghuo.detection.sigma.correlation.CorrelationLoadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Load Sigma rules, filters, exceptions and correlation rules the way the detection engine "
                + "does, and print the counts by outcome and by reason. A bad rule never stops the load: it is "
                + "rejected with its file, line and reason (--verbose lists them)."},
        footer = {"", "Exit codes: 0 at least one rule loaded, 1 none, 2 usage, 4 a path unreadable."})
final class RulesCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or directories (searched recursively "
            + "for .yml and .yaml).")
    List<Path> paths;

    @Mixin
    SigmaOptions sigma;

    @Option(names = {"-v", "--verbose"}, description = "List every rejected document with its file, line and reason.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.isReadable(p)) {
                err.println("fenghuo rules check: cannot read " + p);
                return FenghuoCli.EXIT_INPUT;
            }
        }
        if (sigma.anyUnreadable("fenghuo rules check", err)) {
            return FenghuoCli.EXIT_INPUT;
        }
        SigmaPack pack = sigma.load(paths, err);
        if (pack == null) {
            return FenghuoCli.EXIT_USAGE;
        }
        LoadReport rules = pack.rules().report();
        CorrelationLoadReport correlations = pack.correlations();
        int documents = rules.rulesLoaded() + rules.rejections().size();
        out.printf("rules: %d loaded, %d rejected (%.1f%% loaded)%n", rules.rulesLoaded(), rules.rejections().size(),
                documents == 0 ? 0.0 : 100.0 * rules.rulesLoaded() / documents);
        rules.rejectedByReason().forEach((reason, n) -> out.printf("  rejected %-22s %d%n", reason, n));
        out.printf("filters: %d, exceptions: %d%n", rules.filtersLoaded(), rules.exceptionsLoaded());
        out.printf("correlations: %d loaded, %d rejected%n", correlations.correlations().size(),
                correlations.rejected().size());
        out.println("index: " + pack.rules().ruleSet().indexSummary());
        if (verbose) {
            rules.rejections().forEach(r -> out.println("rejected " + r));
            correlations.rejected().forEach(r -> out.println("rejected correlation " + r));
        }
        return rules.rulesLoaded() > 0 ? FenghuoCli.EXIT_OK : FenghuoCli.EXIT_NOTHING;
    }
}
