package org.smtpdoctor.source;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when rules, catalogs or samples cannot be loaded; carries every problem found, not just the first. */
public class ProblemsException extends RuntimeException {
    private final transient List<Problem> problems;

    public ProblemsException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
