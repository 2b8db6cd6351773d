package org.smtpdoctor.source;

import java.util.ArrayList;
import java.util.List;

/** Collects problems while a loader reads on, so that one run reports all of them. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Problem problem) {
        list.add(problem);
    }

    public void error(String file, int line, int column, String message) {
        add(Problem.error(file, line, column, message));
    }

    public void warning(String file, int line, int column, String message) {
        add(Problem.warning(file, line, column, message));
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    /** The errors collected so far: a loader compares it before and after a file to know whether that file had one. */
    public long errorCount() {
        return list.stream().filter(Problem::isError).count();
    }

    public List<Problem> all() {
        return List.copyOf(list);
    }

    /** Throws {@link ProblemsException} when any error was collected. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new ProblemsException(list.stream().filter(Problem::isError).toList());
        }
    }
}
