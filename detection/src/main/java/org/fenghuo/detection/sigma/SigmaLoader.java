package org.fenghuo.detection.sigma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fenghuo.detection.alert.RuleInfo;
import org.fenghuo.detection.sigma.pipeline.LogSourceMapping;
import org.fenghuo.detection.sigma.pipeline.PipelineResolver;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.detection.sigma.rule.RuleRejection;
import org.fenghuo.detection.sigma.rule.SigmaDocument;
import org.fenghuo.detection.sigma.rule.SigmaFilter;
import org.fenghuo.detection.sigma.rule.SigmaRule;
import org.fenghuo.detection.sigma.rule.SigmaRuleParser;
import org.fenghuo.detection.sigma.rule.YamlDocuments;
import org.fenghuo.detection.sigma.rule.YamlNode;
import org.fenghuo.detection.sigma.eval.CompiledRule;
import org.fenghuo.detection.sigma.eval.EventPredicate;
import org.fenghuo.detection.sigma.eval.RuleCompiler;

/**
 * Loads rule packs document by document: each rule, filter and exception entry is either used or
 * rejected with its file, line and reason; nothing stops the rest. One loader per load.
 */
final class SigmaLoader {
    private final PipelineResolver resolver;
    private final RuleCompiler compiler;
    private final List<LoadReport.Rejection> rejections = new ArrayList<>();
    private final List<SigmaDocument.Correlation> correlations = new ArrayList<>();
    private final List<SigmaFilter> filters = new ArrayList<>();
    private final Map<String, CompiledRule<SigmaRuleSet.ActiveRule>> byKey = new LinkedHashMap<>();
    private int filtersLoaded;
    private int exceptionsLoaded;

    SigmaLoader(PipelineResolver resolver, Map<String, List<String>> placeholders) {
        this.resolver = resolver;
        this.compiler = new RuleCompiler(placeholders);
    }

    /** Every {@code .yml}/{@code .yaml} file under the directories (or the files themselves), sorted. */
    void addPaths(List<Path> paths) {
        for (Path root : paths) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(".yml") || p.getFileName().toString().endsWith(".yaml"))
                        .sorted().toList();
            } catch (IOException | RuntimeException e) {
                rejections.add(new LoadReport.Rejection(root.toString(), 0, RejectReason.IO_ERROR, String.valueOf(e)));
                continue;
            }
            for (Path f : files) {
                addDocuments(f.toString(), YamlDocuments.read(f));
            }
        }
    }

    void addDocuments(String file, YamlDocuments.Result read) {
        for (YamlNode doc : read.documents()) {
            try {
                SigmaDocument d = SigmaRuleParser.parse(doc, file);
                if (d instanceof SigmaDocument.Rule r) {
                    addRule(r.rule());
                } else if (d instanceof SigmaDocument.Filter f) {
                    filters.add(f.filter());
                } else {
                    correlations.add((SigmaDocument.Correlation) d);
                }
            } catch (RuleRejection e) {
                reject(file, e);
            }
        }
        if (read.error() != null) {
            reject(file, read.error());
        }
    }

    private void addRule(SigmaRule rule) throws RuleRejection {
        RuleInfo info;
        try {
            info = SigmaRuleInfo.of(rule);
        } catch (IllegalArgumentException e) {
            throw new RuleRejection(RejectReason.INVALID_STRUCTURE, rule.line(), e.getMessage());
        }
        if (byKey.containsKey(rule.key())) {
            throw new RuleRejection(RejectReason.DUPLICATE_ID, rule.line(),
                    "id " + rule.key() + " already loaded from " + byKey.get(rule.key()).rule().rule().location());
        }
        LogSourceMapping mapping = resolver.resolve(rule.logsource());
        if (mapping.unsupported() != null) {
            throw new RuleRejection(RejectReason.UNSUPPORTED_LOGSOURCE, rule.line(), mapping.unsupported());
        }
        EventPredicate matcher = compiler.compile(rule.detection(), mapping);
        byKey.put(rule.key(), new CompiledRule<>(new SigmaRuleSet.ActiveRule(rule, info), mapping, matcher, List.of()));
    }

    /** Attaches the global filters read so far to the rules they name. */
    private void applyFilters() {
        for (SigmaFilter f : filters) {
            try {
                LogSourceMapping mapping = resolver.resolve(f.logsource());
                EventPredicate suppression = compiler.compile(f.detection(), mapping);
                int attached = 0;
                for (String name : f.rules()) {
                    String key = resolveKey(name);
                    if (key != null) {
                        byKey.put(key, byKey.get(key).withSuppression(suppression));
                        attached++;
                    }
                }
                if (attached == 0) {
                    throw new RuleRejection(RejectReason.UNKNOWN_RULE, f.line(), "filter names no loaded rule: " + f.rules());
                }
                filtersLoaded++;
            } catch (RuleRejection e) {
                reject(f.file(), e);
            }
        }
    }

    /** Exceptions: rule id (or name/title) to one map, or a list of maps, of ECS field to values. */
    void addExceptions(String file, YamlDocuments.Result read) {
        applyFilters();
        filters.clear();
        if (read.error() != null) {
            reject(file, read.error());
        }
        for (YamlNode doc : read.documents()) {
            if (!(doc instanceof YamlNode.MapNode map)) {
                reject(file, new RuleRejection(RejectReason.INVALID_STRUCTURE, doc.line(),
                        "exceptions must map rule ids to field/value maps"));
                continue;
            }
            for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
                int line = map.lineOf(e.getKey());
                try {
                    String key = resolveKey(e.getKey());
                    if (key == null) {
                        throw new RuleRejection(RejectReason.UNKNOWN_RULE, line, "no loaded rule " + e.getKey());
                    }
                    List<EventPredicate> entries = ExceptionEntries.compile(e.getValue(), compiler, line);
                    CompiledRule<SigmaRuleSet.ActiveRule> r = byKey.get(key);
                    for (EventPredicate p : entries) {
                        r = r.withSuppression(p);
                    }
                    byKey.put(key, r);
                    exceptionsLoaded += entries.size();
                } catch (RuleRejection r) {
                    reject(file, r);
                }
            }
        }
    }

    private String resolveKey(String name) {
        if (byKey.containsKey(name)) {
            return name;
        }
        for (Map.Entry<String, CompiledRule<SigmaRuleSet.ActiveRule>> e : byKey.entrySet()) {
            SigmaRule r = e.getValue().rule().rule();
            if (name.equals(r.name()) || name.equals(r.title())) {
                return e.getKey();
            }
        }
        return null;
    }

    private void reject(String file, RuleRejection e) {
        rejections.add(new LoadReport.Rejection(file, e.line(), e.reason(), e.detail()));
    }

    LoadResult finish() {
        applyFilters();
        List<CompiledRule<SigmaRuleSet.ActiveRule>> rules = List.copyOf(byKey.values());
        LoadReport report = new LoadReport(rules.size(), filtersLoaded, exceptionsLoaded, rejections, correlations);
        return new LoadResult(new SigmaRuleSet(rules), report);
    }
}
