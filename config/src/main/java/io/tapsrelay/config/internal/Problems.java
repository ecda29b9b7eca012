package io.tapsrelay.config.internal;

import io.tapsrelay.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file, in the order the schema walk finds them. Not thread-safe. */
public final class Problems {
    private final String source;
    private final List<ConfigProblem> found = new ArrayList<>();

    public Problems(String source) {
        this.source = source;
    }

    public void add(String keyPath, String value, String issue, String expected, String suggestion) {
        found.add(new ConfigProblem(source, keyPath, value, issue, expected, suggestion));
    }

    /** How many problems so far; a section compares counts to know whether it read cleanly. */
    public int count() {
        return found.size();
    }

    public List<ConfigProblem> all() {
        return List.copyOf(found);
    }
}
