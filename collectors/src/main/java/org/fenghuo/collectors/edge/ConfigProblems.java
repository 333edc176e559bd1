package org.fenghuo.collectors.edge;

import java.util.ArrayList;
import java.util.List;

/** Every problem found in one configuration, each naming the key, the value and what was expected. */
public final class ConfigProblems {

    private final List<String> problems = new ArrayList<>();

    public void add(String key, String value, String expected) {
        problems.add(key + ": " + value + " " + expected);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<String> list() {
        return List.copyOf(problems);
    }
}
