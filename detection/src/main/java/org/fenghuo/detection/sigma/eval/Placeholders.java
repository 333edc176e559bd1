package org.fenghuo.detection.sigma.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fenghuo.detection.sigma.rule.RejectReason;
import org.fenghuo.detection.sigma.rule.RuleRejection;

/**
 * {@code |expand}: {@code %name%} is replaced by each of the configured values (a value with
 * several placeholders gives every combination); {@code \%} is a plain percent sign. The
 * configured values are Sigma values themselves, so {@code srv*} is a wildcard.
 */
final class Placeholders {
    private static final int MAX_EXPANSIONS = 4096;

    private Placeholders() {
    }

    static List<SigmaString> expand(String raw, Map<String, List<String>> config, int line) throws RuleRejection {
        List<String> partial = new ArrayList<>(List.of(""));
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '%') {
                append(partial, "%");
                i += 2;
            } else if (c == '%') {
                int end = raw.indexOf('%', i + 1);
                if (end < 0) {
                    throw new RuleRejection(RejectReason.BAD_VALUE, line, "unterminated placeholder in " + raw);
                }
                String name = raw.substring(i + 1, end);
                List<String> values = config.get(name);
                if (values == null || values.isEmpty()) {
                    throw new RuleRejection(RejectReason.UNKNOWN_PLACEHOLDER, line,
                            "placeholder %" + name + "% is not configured");
                }
                List<String> next = new ArrayList<>();
                for (String p : partial) {
                    for (String v : values) {
                        next.add(p + v);
                    }
                }
                if (next.size() > MAX_EXPANSIONS) {
                    throw new RuleRejection(RejectReason.BAD_VALUE, line, "placeholders expand to too many values");
                }
                partial = next;
                i = end + 1;
            } else {
                append(partial, String.valueOf(c));
                i++;
            }
        }
        List<SigmaString> out = new ArrayList<>(partial.size());
        for (String p : partial) {
            out.add(SigmaString.parse(p));
        }
        return out;
    }

    private static void append(List<String> partial, String s) {
        partial.replaceAll(p -> p + s);
    }
}
