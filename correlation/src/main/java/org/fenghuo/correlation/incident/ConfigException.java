package org.fenghuo.correlation.incident;

import java.util.List;

/**
 * A configuration file (asset inventory, incident settings) that cannot be used: every problem
 * found, each naming file:line, the key or column, the value and what was expected.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(String what, List<String> problems) {
        super("invalid " + what + " (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, in file order. */
    public List<String> problems() {
        return problems;
    }
}
