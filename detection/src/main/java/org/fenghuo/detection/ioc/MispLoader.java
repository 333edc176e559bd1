package org.fenghuo.detection.ioc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * MISP JSON: one event ({@code {"Event": {...}}} or the bare event object), a list of them, an API
 * answer ({@code {"response": [...]}}), or a feed's {@code manifest.json} (uuid -> event summary),
 * whose events are read from {@code <uuid>.json} beside it. The event's attributes and its objects'
 * attributes become indicators when their type is matchable ({@link MispAttributes}); by default
 * only attributes flagged {@code to_ids} (MISP's "use for detection"), as MISP's own IDS exports
 * do. Deleted attributes and other types are counted as skipped.
 */
public final class MispLoader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MispLoader() {
    }

    /** Never throws: a missing file or invalid JSON gives an empty result whose report says where. */
    public static LoadResult load(Path file, String source) {
        return load(file, source, true);
    }

    /** {@code idsOnly=false} also loads attributes with {@code to_ids=false}. */
    public static LoadResult load(Path file, String source, boolean idsOnly) {
        LoadCollector out = new LoadCollector(source);
        JsonNode root = read(out, file, true);
        if (root == null) {
            return out.result();
        }
        MispAttributes events = new MispAttributes(out, idsOnly);
        if (isManifest(root)) {
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                String uuid = it.next().getKey();
                Path eventFile = file.resolveSibling(uuid + ".json");
                JsonNode event = read(out, eventFile, false);
                if (event != null) {
                    walk(events, event, eventFile.toString());
                }
            }
        } else {
            walk(events, root, file.toString());
        }
        return out.result();
    }

    public static LoadResult load(InputStream in, String fileName, String source, boolean idsOnly) {
        LoadCollector out = new LoadCollector(source);
        try {
            walk(new MispAttributes(out, idsOnly), JSON.readTree(in), fileName);
        } catch (JsonProcessingException e) {
            out.unreadable(LoadIssue.broken(fileName, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            out.unreadable(LoadIssue.broken(fileName, 0, "cannot read: " + e));
        }
        return out.result();
    }

    private static void walk(MispAttributes events, JsonNode root, String file) {
        List<JsonNode> list = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(list::add);
        } else if (root != null && root.path("response").isArray()) {
            root.get("response").forEach(list::add);
        } else if (root != null) {
            list.add(root);
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            JsonNode event = node.has("Event") ? node.get("Event") : node;
            if (!event.isObject() || !(event.has("Attribute") || event.has("Object") || event.has("info"))) {
                events.notAnEvent(file, list.size() == 1 ? null : "[" + i + "]");
                continue;
            }
            events.event(event, file);
        }
    }

    /** A manifest maps uuids to summaries that have {@code info} but no attributes. */
    private static boolean isManifest(JsonNode root) {
        if (!root.isObject() || root.size() == 0 || root.has("Event") || root.has("info") || root.has("response")) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().matches("[0-9a-fA-F-]{32,36}") || !e.getValue().isObject() || !e.getValue().has("info")) {
                return false;
            }
        }
        return true;
    }

    /** {@code whole}: the file is the source itself (a failure makes it unreadable), not one event of a feed. */
    private static JsonNode read(LoadCollector out, Path file, boolean whole) {
        LoadIssue problem;
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (JsonProcessingException e) {
            problem = LoadIssue.broken(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            problem = LoadIssue.broken(file.toString(), 0, "cannot read: " + e);
        }
        if (whole) {
            out.unreadable(problem);
        } else {
            out.issue(problem);
        }
        return null;
    }
}
