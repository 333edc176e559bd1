package org.fenghuo.detection.sigma.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads Sigma correlation documents from YAML files or text. Multi-document files ({@code ---}) may
 * mix correlations with the base rules they use: those are skipped ("not a correlation") but their
 * {@code name} and {@code id} count as known references. Never throws: every unreadable file and
 * invalid document becomes a {@link CorrelationProblem} with file, line and reason, and the rest is
 * loaded.
 *
 * <p>Checks across documents: references in {@code rules} must name a known base rule (when a set
 * of known rule names/ids was given), a base rule of the same input, or another loaded correlation;
 * a correlation referring to a rejected one is rejected too; reference cycles and two correlations
 * with the same id or name are rejected.
 */
public final class CorrelationLoader {
    private final Set<String> knownRules;

    /** A loader that does not check references to base rules (only those to other correlations). */
    public CorrelationLoader() {
        this(null);
    }

    /** @param knownRules names and ids of the base Sigma rules the engine is fed hits of; null: do not check */
    public CorrelationLoader(Set<String> knownRules) {
        this.knownRules = knownRules == null ? null : Set.copyOf(knownRules);
    }

    /** One YAML text; {@code source} names it in problems. */
    public CorrelationLoadReport load(String source, String yaml) {
        Batch batch = new Batch();
        batch.add(source, yaml);
        return batch.finish();
    }

    /** Several files, checked together (a correlation may refer to one in another file). */
    public CorrelationLoadReport loadFiles(List<Path> files) {
        Batch batch = new Batch();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                batch.rejected.add(new CorrelationProblem(new SourceLocation(f.toString(), 0), null,
                        "cannot read the file: " + e));
                continue;
            }
            batch.add(f.toString(), text);
        }
        return batch.finish();
    }

    /** Every {@code *.yml} and {@code *.yaml} under {@code dir}, in path order. */
    public CorrelationLoadReport loadDirectory(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return loadFiles(walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList());
        } catch (IOException | RuntimeException e) {
            return new CorrelationLoadReport(List.of(), List.of(new CorrelationProblem(
                    new SourceLocation(dir.toString(), 0), null, "cannot list the directory: " + e)), List.of());
        }
    }

    /** Documents of one load call, checked against each other when finished. */
    private final class Batch {
        final List<SigmaCorrelation> parsed = new ArrayList<>();
        final List<CorrelationProblem> rejected = new ArrayList<>();
        final List<CorrelationProblem> skipped = new ArrayList<>();
        /** Base rules of the input (skipped documents), by id and name. */
        final Map<String, SourceLocation> localRules = new HashMap<>();
        /** Rejected documents, by id and name. */
        final Map<String, SourceLocation> rejectedRefs = new HashMap<>();

        void add(String source, String yaml) {
            YamlDocuments.Result read = YamlDocuments.read(yaml);
            for (YamlDocuments.Document doc : read.documents()) {
                CorrelationParser.Outcome o = CorrelationParser.parse(source, doc);
                if (o.correlation() != null) {
                    parsed.add(o.correlation());
                } else if (o.rejected() != null) {
                    rejected.add(o.rejected());
                    remember(doc.root(), rejectedRefs, o.rejected().location());
                } else {
                    skipped.add(o.skipped());
                    remember(doc.root(), localRules, o.skipped().location());
                }
            }
            if (read.error() != null) {
                rejected.add(new CorrelationProblem(new SourceLocation(source, read.errorLine()), null,
                        read.error() + " (documents after it are not read)"));
            }
        }

        /** The id and name of a document that is not kept, so references to it can be judged. */
        private static void remember(JsonNode root, Map<String, SourceLocation> into, SourceLocation at) {
            if (root != null && root.isObject()) {
                for (String key : List.of("id", "name")) {
                    JsonNode v = root.get(key);
                    if (v != null && v.isValueNode() && !v.isNull()) {
                        into.putIfAbsent(v.asText(), at);
                    }
                }
            }
        }

        CorrelationLoadReport finish() {
            Map<String, SigmaCorrelation> byRef = new HashMap<>();
            List<SigmaCorrelation> unique = new ArrayList<>();
            for (SigmaCorrelation c : parsed) {
                SigmaCorrelation clash = c.id() != null && byRef.containsKey(c.id()) ? byRef.get(c.id())
                        : c.name() != null && byRef.containsKey(c.name()) ? byRef.get(c.name()) : null;
                if (clash != null) {
                    reject(c, "id or name is already used by the correlation at " + clash.location());
                    continue;
                }
                unique.add(c);
                for (String ref : new String[] {c.id(), c.name()}) {
                    if (ref != null) {
                        byRef.put(ref, c);
                    }
                }
            }
            // identity: two documents may be equal records (same title, no id or name)
            Map<SigmaCorrelation, String> invalid = new IdentityHashMap<>();
            for (SigmaCorrelation c : unique) {
                for (String ref : c.rules()) {
                    boolean correlation = byRef.containsKey(ref);
                    boolean known = knownRules == null || knownRules.contains(ref) || localRules.containsKey(ref);
                    if (!correlation && rejectedRefs.containsKey(ref)) {
                        invalid.putIfAbsent(c, "refers to the rejected correlation \"" + ref + "\" at "
                                + rejectedRefs.get(ref));
                    } else if (!correlation && !known) {
                        invalid.putIfAbsent(c, "unknown rule \"" + ref + "\" in correlation.rules (no known rule or "
                                + "correlation has this name or id)");
                    }
                }
            }
            rejectCycles(unique, byRef, invalid);
            // a correlation built on a rejected one cannot work either; repeat until nothing changes
            boolean changed = true;
            while (changed) {
                changed = false;
                for (SigmaCorrelation c : unique) {
                    if (invalid.containsKey(c)) {
                        continue;
                    }
                    for (String ref : c.rules()) {
                        SigmaCorrelation target = byRef.get(ref);
                        if (target != null && invalid.containsKey(target)) {
                            invalid.put(c, "refers to the rejected correlation \"" + ref + "\" at " + target.location());
                            changed = true;
                            break;
                        }
                    }
                }
            }
            List<SigmaCorrelation> kept = new ArrayList<>();
            for (SigmaCorrelation c : unique) {
                if (invalid.containsKey(c)) {
                    reject(c, invalid.get(c));
                } else {
                    kept.add(c);
                }
            }
            return new CorrelationLoadReport(kept, rejected, skipped);
        }

        private void rejectCycles(List<SigmaCorrelation> all, Map<String, SigmaCorrelation> byRef,
                Map<SigmaCorrelation, String> invalid) {
            for (SigmaCorrelation c : all) {
                if (reaches(c, c, byRef, new HashSet<>())) {
                    invalid.putIfAbsent(c, "correlation.rules refer back to this correlation (a cycle)");
                }
            }
        }

        private boolean reaches(SigmaCorrelation from, SigmaCorrelation target, Map<String, SigmaCorrelation> byRef,
                Set<SigmaCorrelation> seen) {
            for (String ref : from.rules()) {
                SigmaCorrelation next = byRef.get(ref);
                if (next == target) {
                    return true;
                }
                if (next != null && seen.add(next) && reaches(next, target, byRef, seen)) {
                    return true;
                }
            }
            return false;
        }

        private void reject(SigmaCorrelation c, String reason) {
            rejected.add(new CorrelationProblem(c.location(), c.title(), reason));
        }
    }
}
