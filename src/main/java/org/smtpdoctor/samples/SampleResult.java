package org.smtpdoctor.samples;

import java.util.List;
import org.smtpdoctor.engine.Diagnosis;

/**
 * The outcome of one sample case.
 *
 * @param diagnosis what the engine said (null when the case could not be run)
 * @param failures  what differs from the expectation, each as one readable sentence; empty when it passed
 */
public record SampleResult(SampleCase sample, Diagnosis diagnosis, List<String> failures) {

    public boolean passed() {
        return failures.isEmpty();
    }

    /** {@code file:line: expected X, got Y (rule R)} for each failure. */
    public List<String> report() {
        return failures.stream().map(f -> sample.location() + ": " + f).toList();
    }
}
