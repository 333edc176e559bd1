package org.fenghuo.crypto.pii.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which ECS fields hold personal data and what happens to each ({@link FieldRule}), which free-text
 * fields are scanned ({@link ScanRule}), and who may reveal sealed values ({@link RevealPermission}).
 * Read from YAML by {@link #parse}; see crypto/README.md for the format. Immutable.
 */
public record PiiPolicy(List<FieldRule> fields, List<ScanRule> scans, RevealPermission reveal) {

    /** The policy shipped with Fenghuo, on the class path. */
    public static final String DEFAULT_RESOURCE = "/org/fenghuo/crypto/pii/default-pii-policy.yml";

    public PiiPolicy {
        fields = List.copyOf(fields);
        scans = List.copyOf(scans);
    }

    /** @throws PiiPolicyException naming every problem with its line */
    public static PiiPolicy parse(String yaml, String source) throws PiiPolicyException {
        return new PolicyReader(source).read(YamlNode.parse(yaml, source));
    }

    public static PiiPolicy load(Path file) throws IOException, PiiPolicyException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** The shipped default policy. */
    public static PiiPolicy defaults() {
        try (InputStream in = PiiPolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException | PiiPolicyException e) {
            throw new IllegalStateException("the shipped personal-data policy does not load: " + e.getMessage(), e);
        }
    }

    /**
     * The field rule for a concrete field ({@code user.email} is covered by {@code user}): the
     * most specific rule covering it, when that one is a field rule.
     */
    public Optional<FieldRule> fieldRuleFor(String field) {
        String best = mostSpecific(field);
        return fields.stream().filter(r -> r.path().equals(best)).findFirst();
    }

    /** The scan rule for a concrete field: the most specific rule covering it, when that one is a scan rule. */
    public Optional<ScanRule> scanRuleFor(String field) {
        String best = mostSpecific(field);
        return scans.stream().filter(r -> r.path().equals(best)).findFirst();
    }

    /** Every rule's path, fields then scans. */
    public List<String> rulePaths() {
        return paths(fields, scans);
    }

    /** The longest rule path covering {@code field}, or null. */
    private String mostSpecific(String field) {
        String best = null;
        for (String p : rulePaths()) {
            if (covers(p, field) && (best == null || p.length() > best.length())) {
                best = p;
            }
        }
        return best;
    }

    /** True when {@code path} is {@code field} or an object above it. */
    public static boolean covers(String path, String field) {
        return field.equals(path) || field.length() > path.length() && field.startsWith(path)
                && field.charAt(path.length()) == '.';
    }

    static List<String> paths(List<FieldRule> fields, List<ScanRule> scans) {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.path()));
        scans.forEach(s -> out.add(s.path()));
        return out;
    }
}
