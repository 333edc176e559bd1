package org.fenghuo.collectors.edge;

import java.util.List;

/** The configuration cannot be used; {@link #problems()} lists every reason, each naming its key. */
public final class EdgeConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public EdgeConfigException(String source, List<String> problems) {
        super(source + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
