package org.fenghuo.crypto.pii.policy;

import java.util.List;

/**
 * A personal-data policy that cannot be used, with every problem found, each naming its line and
 * key: {@code pii-policy.yml: line 7: fields.user.id.actions: 'encrypted' is not one of ...}.
 */
public final class PiiPolicyException extends Exception {

    /** One problem: the 1-based line (0 when unknown) and what is wrong. */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private final String source;
    private final transient List<Problem> problems;

    public PiiPolicyException(String source, List<Problem> problems) {
        super(source + ": " + String.join("; ", problems.stream().map(Problem::toString).toList()));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    static PiiPolicyException at(String source, int line, String message) {
        return new PiiPolicyException(source, List.of(new Problem(line, message)));
    }

    /** Where the policy came from (file name or resource). */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }
}
