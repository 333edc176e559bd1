package org.fenghuo.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.SigmaPack;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.pipeline.Pipelines;
import picocli.CommandLine.Option;

/** The options that say how a Sigma pack is read, shared by {@code rules check} and {@code detect}. */
final class SigmaOptions {
    @Option(names = "--pipelines", defaultValue = "standard", paramLabel = "standard|none|FILE[,FILE...]",
            split = ",", description = "Processing pipelines mapping log sources and fields to ECS: the three shipped "
                    + "ones (network, linux, windows), none (field names as written), or YAML files "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> pipelines;

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "YAML map of |expand placeholders to their values, e.g. Admins: [admin, root].")
    Path placeholders;

    @Option(names = "--exceptions", paramLabel = "FILE",
            description = "Per-rule exceptions (allowlists of field values), YAML; see detection/README.md.")
    Path exceptions;

    /** True, after saying which, when a file these options name cannot be read (exit code 4, not a usage error). */
    boolean anyUnreadable(String command, PrintWriter err) {
        List<Path> named = new ArrayList<>();
        if (placeholders != null) {
            named.add(placeholders);
        }
        if (exceptions != null) {
            named.add(exceptions);
        }
        if (!pipelines.equals(List.of("standard")) && !pipelines.equals(List.of("none"))) {
            pipelines.forEach(p -> named.add(Path.of(p)));
        }
        for (Path p : named) {
            if (!java.nio.file.Files.isReadable(p) || java.nio.file.Files.isDirectory(p)) {
                err.println(command + ": cannot read " + p);
                return true;
            }
        }
        return false;
    }

    /** The pipelines, or null after printing why they cannot be used. */
    PipelineResolver resolver(PrintWriter err) {
        if (pipelines.size() == 1 && pipelines.get(0).equals("standard")) {
            return Pipelines.standard();
        }
        if (pipelines.size() == 1 && pipelines.get(0).equals("none")) {
            return PipelineResolver.IDENTITY;
        }
        List<Path> files = pipelines.stream().map(Path::of).toList();
        Pipelines.Report report = Pipelines.load(files);
        report.errors().forEach(e -> err.println("pipeline: " + e));
        return report.errors().isEmpty() ? report.pipelines() : null;
    }

    /** The placeholder values, or null after printing why the file cannot be used. */
    Map<String, List<String>> placeholderValues(PrintWriter err) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (placeholders == null) {
            return values;
        }
        try {
            JsonNode root = new YAMLMapper().readTree(placeholders.toFile());
            if (root == null || !root.isObject()) {
                err.println(placeholders + ": expected a map of placeholder names to values");
                return null;
            }
            for (var it = root.fields(); it.hasNext();) {
                var e = it.next();
                List<String> list = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().forEach(v -> list.add(v.asText()));
                } else {
                    list.add(e.getValue().asText());
                }
                values.put(e.getKey(), list);
            }
            return values;
        } catch (IOException e) {
            err.println(placeholders + ": " + e.getMessage());
            return null;
        }
    }

    /** Loads the pack, or null after printing why the options cannot be used. */
    SigmaPack load(List<Path> dirs, PrintWriter err) {
        PipelineResolver resolver = resolver(err);
        Map<String, List<String>> values = placeholderValues(err);
        if (resolver == null || values == null) {
            return null;
        }
        return SigmaPack.load(dirs, resolver, values, exceptions);
    }
}
