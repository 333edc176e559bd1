package org.fenghuo.crypto.pii.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fenghuo.crypto.pii.EventFields;
import org.fenghuo.crypto.pii.PiiKind;

/** Turns the YAML tree into a {@link PiiPolicy}, collecting every problem with its line. */
final class PolicyReader {

    private static final Set<String> TOP = Set.of("fields", "scan", "reveal");
    private static final Set<String> FIELD_KEYS = Set.of("kind", "actions");
    private static final Set<String> SCAN_KEYS = Set.of("replace", "index", "kinds");
    private static final Set<String> REVEAL_KEYS = Set.of("principals", "roles");

    private final String source;
    private final List<PiiPolicyException.Problem> problems = new ArrayList<>();

    PolicyReader(String source) {
        this.source = source;
    }

    PiiPolicy read(YamlNode root) throws PiiPolicyException {
        if (!(root instanceof YamlNode.Mapping top)) {
            throw PiiPolicyException.at(source, root.line(), "a policy is a mapping with fields, scan and reveal");
        }
        unknownKeys(top, TOP, "");
        List<Integer> lines = new ArrayList<>();
        List<FieldRule> fields = rules(top, "fields", this::field, lines);
        List<ScanRule> scans = rules(top, "scan", this::scan, lines);
        overlaps(PiiPolicy.paths(fields, scans), lines);
        RevealPermission reveal = reveal(top.entries().get("reveal"));
        if (problems.isEmpty() && fields.isEmpty() && scans.isEmpty()) {
            // most likely the wrong file or a broken indentation, not a decision to protect nothing
            problem(top.line(), "the policy names no fields and no scan: it would protect nothing the detectors "
                    + "cannot find; name at least one rule");
        }
        if (!problems.isEmpty()) {
            throw new PiiPolicyException(source, problems);
        }
        return new PiiPolicy(fields, scans, reveal);
    }

    /** Reads one rule from a path, its node and the path's line; null after recording a problem. */
    @FunctionalInterface
    private interface RuleReader<R> {
        R read(String rawPath, YamlNode node, int line);
    }

    /** The rules of one section; appends the line of each rule read to {@code lines}. */
    private <R> List<R> rules(YamlNode.Mapping top, String section, RuleReader<R> reader, List<Integer> lines) {
        List<R> out = new ArrayList<>();
        YamlNode node = top.entries().get(section);
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, YamlNode> e : entries(node, section).entrySet()) {
            int line = keyLine(node, e.getKey());
            R rule = reader.read(e.getKey(), e.getValue(), line);
            if (rule != null) {
                out.add(rule);
                lines.add(line);
            }
        }
        return out;
    }

    private FieldRule field(String rawPath, YamlNode node, int line) {
        String path = path(rawPath, line, "fields");
        String where = "fields." + rawPath;
        if (!(node instanceof YamlNode.Mapping m)) {
            problem(node.line(), where + ": expected a mapping with kind and actions");
            return null;
        }
        unknownKeys(m, FIELD_KEYS, where + ".");
        PiiKind kind = kind(m.entries().get("kind"), where + ".kind");
        Set<PiiAction> actions = actions(m.entries().get("actions"), m.line(), where + ".actions");
        if (path == null || kind == null || actions == null) {
            return null;
        }
        if (actions.contains(PiiAction.MASK) && actions.contains(PiiAction.BLIND_INDEX)
                && (kind == PiiKind.ID_NUMBER || kind == PiiKind.PHONE)) {
            problem(m.line(), where + ": mask with blind_index gives the value back for kind " + kind.label()
                    + " (the mask leaves few candidates to try against the term); use encrypt with blind_index");
            return null;
        }
        return new FieldRule(path, kind, actions);
    }

    private Set<PiiAction> actions(YamlNode node, int line, String where) {
        if (node == null) {
            problem(line, where + ": is required: a list of encrypt, blind_index, mask, drop");
            return null;
        }
        Set<PiiAction> out = EnumSet.noneOf(PiiAction.class);
        boolean ok = true;
        for (YamlNode item : items(node)) {
            String text = item instanceof YamlNode.Scalar sc ? sc.text() : null;
            PiiAction action = null;
            for (PiiAction a : PiiAction.values()) {
                if (a.label().equals(text)) {
                    action = a;
                }
            }
            if (action == null) {
                problem(item.line(), where + ": '" + text + "' is not one of encrypt, blind_index, mask, drop");
                ok = false;
            } else if (!out.add(action)) {
                problem(item.line(), where + ": '" + text + "' is listed twice");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        int replacing = (out.contains(PiiAction.ENCRYPT) ? 1 : 0) + (out.contains(PiiAction.MASK) ? 1 : 0)
                + (out.contains(PiiAction.DROP) ? 1 : 0);
        if (replacing == 0) {
            problem(node.line(), where + ": needs one of encrypt, mask or drop"
                    + (out.isEmpty() ? "" : ": blind_index alone would leave the plaintext in place"));
            return null;
        }
        if (replacing > 1) {
            problem(node.line(), where + ": encrypt, mask and drop exclude each other (each replaces the value)");
            return null;
        }
        return out;
    }

    private ScanRule scan(String rawPath, YamlNode node, int line) {
        String path = path(rawPath, line, "scan");
        String where = "scan." + rawPath;
        Map<String, YamlNode> m = Map.of();
        if (node instanceof YamlNode.Mapping mapping) {
            unknownKeys(mapping, SCAN_KEYS, where + ".");
            m = mapping.entries();
        } else if (!(node instanceof YamlNode.Scalar sc && sc.text() == null)) {
            problem(node.line(), where + ": expected a mapping (replace, index, kinds) or nothing");
            return null;
        }
        ScanRule.Replacement replace = ScanRule.Replacement.SEAL;
        YamlNode r = m.get("replace");
        if (r != null) {
            String text = scalar(r);
            if ("mask".equals(text)) {
                replace = ScanRule.Replacement.MASK;
            } else if (!"seal".equals(text)) {
                problem(r.line(), where + ".replace: '" + text + "' is not one of mask, seal");
                return null;
            }
        }
        // a mask keeps part of the value; its term next to it lets anyone who can query terms try
        // the few candidates left (an ID mask hides only the birth date), so masks default to no term
        boolean index = replace == ScanRule.Replacement.SEAL;
        YamlNode i = m.get("index");
        if (i != null) {
            String text = scalar(i);
            if (!"true".equals(text) && !"false".equals(text)) {
                problem(i.line(), where + ".index: '" + text + "' is not true or false");
                return null;
            }
            index = Boolean.parseBoolean(text);
        }
        Set<PiiKind> kinds = EnumSet.of(PiiKind.ID_NUMBER, PiiKind.PHONE, PiiKind.BANK_CARD, PiiKind.EMAIL,
                PiiKind.PLATE);
        YamlNode k = m.get("kinds");
        if (k != null) {
            kinds = EnumSet.noneOf(PiiKind.class);
            for (YamlNode item : items(k)) {
                PiiKind kind = kind(item, where + ".kinds");
                if (kind == null) {
                    return null;
                }
                if (kind == PiiKind.TEXT) {
                    problem(item.line(), where + ".kinds: text has no detector");
                    return null;
                }
                kinds.add(kind);
            }
            if (kinds.isEmpty()) {
                problem(k.line(), where + ".kinds: is empty; leave it out to run every detector");
                return null;
            }
        }
        return path == null ? null : new ScanRule(path, replace, index, kinds);
    }

    private RevealPermission reveal(YamlNode node) {
        if (node == null) {
            return RevealPermission.NOBODY;
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            problem(node.line(), "reveal: expected a mapping with principals and roles");
            return RevealPermission.NOBODY;
        }
        unknownKeys(m, REVEAL_KEYS, "reveal.");
        return new RevealPermission(names(m.entries().get("principals"), "reveal.principals"),
                names(m.entries().get("roles"), "reveal.roles"));
    }

    private Set<String> names(YamlNode node, String where) {
        Set<String> out = new LinkedHashSet<>();
        if (node == null) {
            return out;
        }
        for (YamlNode item : items(node)) {
            String text = scalar(item);
            if (text == null || text.isBlank()) {
                problem(item.line(), where + ": empty name");
            } else {
                out.add(text);
            }
        }
        return out;
    }

    private PiiKind kind(YamlNode node, String where) {
        if (node == null) {
            return PiiKind.TEXT;
        }
        String text = scalar(node);
        try {
            return PiiKind.fromLabel(text);
        } catch (IllegalArgumentException e) {
            problem(node.line(), where + ": '" + text + "' is not one of id_number, phone, bank_card, email, plate, text");
            return null;
        }
    }

    /** The rule's path without a trailing {@code .*}, or null after recording why it cannot be used. */
    private String path(String raw, int line, String section) {
        String path = raw.endsWith(".*") ? raw.substring(0, raw.length() - 2) : raw;
        String why = EventFields.problemWith(path);
        if (why == null && !path.equals(path.toLowerCase(java.util.Locale.ROOT))) {
            why = "has upper-case letters; ECS field names are lower-case, so it would match nothing";
        }
        if (why != null) {
            problem(line, section + "." + raw + ": " + why);
            return null;
        }
        return path;
    }

    /**
     * A path named twice is refused; a path below another's is allowed and wins for its fields
     * (e.g. {@code fenghuo.person} encrypted with {@code fenghuo.person.id_number} as an ID).
     */
    private void overlaps(List<String> paths, List<Integer> lines) {
        Set<String> seen = new HashSet<>();
        for (int a = 0; a < paths.size(); a++) {
            if (!seen.add(paths.get(a))) {
                problem(lines.get(a), paths.get(a) + ": named by two rules (fields and scan); a field has one rule");
            }
        }
    }

    private Map<String, YamlNode> entries(YamlNode node, String where) {
        if (node instanceof YamlNode.Mapping m) {
            return m.entries();
        }
        if (!(node instanceof YamlNode.Scalar sc && sc.text() == null)) {
            problem(node.line(), where + ": expected a mapping from field path to its rule");
        }
        return Map.of();
    }

    private static List<YamlNode> items(YamlNode node) {
        return node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
    }

    private String scalar(YamlNode node) {
        if (node instanceof YamlNode.Scalar s) {
            return s.text();
        }
        return null;
    }

    private static int keyLine(YamlNode mapping, String key) {
        return ((YamlNode.Mapping) mapping).keyLines().get(key);
    }

    private void unknownKeys(YamlNode.Mapping m, Set<String> known, String prefix) {
        for (String key : m.entries().keySet()) {
            if (!known.contains(key)) {
                problem(m.keyLines().get(key), prefix + key + ": unknown key (expected one of "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private void problem(int line, String message) {
        problems.add(new PiiPolicyException.Problem(line, message));
    }
}
