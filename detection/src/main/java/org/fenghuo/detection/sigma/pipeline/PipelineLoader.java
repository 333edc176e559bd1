package org.fenghuo.detection.sigma.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads and validates pipeline YAML (the subset of pySigma's format described in
 * {@code detection/README.md}). Never throws for bad input: every problem becomes a
 * {@link PipelineError} naming the file, the line and the key.
 */
public final class PipelineLoader {
    private static final Set<String> TOP_KEYS = Set.of("name", "priority", "transformations");

    private PipelineLoader() {
    }

    public static PipelineLoad load(Path file) {
        String name = file.toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(in, name);
        } catch (IOException | RuntimeException e) {
            return failed(name, 0, "cannot read: " + e);
        }
    }

    /** A classpath resource, e.g. {@code org/fenghuo/detection/sigma/pipeline/ecs-linux.yml}. */
    public static PipelineLoad loadResource(String resource) {
        InputStream in = PipelineLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return failed(resource, 0, "no such resource");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return load(r, resource);
        } catch (IOException e) {
            return failed(resource, 0, "cannot read: " + e);
        }
    }

    public static PipelineLoad parse(String yaml, String name) {
        return load(new StringReader(yaml), name);
    }

    private static PipelineLoad load(Reader in, String file) {
        List<PipelineError> errors = new ArrayList<>();
        YamlNode root = YamlTreeReader.read(in, file, errors);
        if (root == null) {
            return new PipelineLoad(null, errors);
        }
        ProcessingPipeline pipeline = pipeline(root, new Checker(file, errors));
        errors.sort(Comparator.comparingInt(PipelineError::line)); // stable: one line's errors keep their order
        return new PipelineLoad(errors.isEmpty() ? pipeline : null, errors);
    }

    private static ProcessingPipeline pipeline(YamlNode root, Checker c) {
        if (!root.isMap()) {
            c.error(root, "a pipeline must be a mapping with name, priority and transformations, found "
                    + YamlNode.kind(root));
            return null;
        }
        Map<String, YamlNode> m = root.map();
        c.onlyKeys(m, TOP_KEYS, "pipeline");
        String name = c.requiredText(root, "name");
        Integer priority = c.requiredInt(root, "priority");
        YamlNode items = c.required(root, "transformations");
        List<ProcessingItem> parsed = new ArrayList<>();
        if (items != null) {
            if (!items.isList() || items.list().isEmpty()) {
                c.error(items, "'transformations' must be a non-empty list, found " + YamlNode.kind(items));
            } else {
                Set<String> ids = new HashSet<>();
                for (YamlNode item : items.list()) {
                    ProcessingItem p = ItemReader.read(item, c);
                    if (p != null && !ids.add(p.id())) {
                        c.error(item, "duplicate transformation id '" + p.id() + "'");
                    }
                    if (p != null) {
                        parsed.add(p);
                    }
                }
            }
        }
        if (name == null || priority == null) {
            return null;
        }
        return new ProcessingPipeline(name, priority, c.file(), parsed);
    }

    private static PipelineLoad failed(String file, int line, String reason) {
        return new PipelineLoad(null, List.of(new PipelineError(file, line, reason)));
    }
}
