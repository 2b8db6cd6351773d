package org.smtpdoctor.check;

import java.util.List;
import org.smtpdoctor.engine.Diagnosis;

/**
 * The outcome of a check.
 *
 * @param host        the host checked
 * @param endpoint    the port and mode the steps ran with
 * @param steps       each step in order, up to and including the first that failed
 * @param diagnosis   the rules' diagnosis of the failing step (with its {@code stage}), or null when all passed
 * @param recommended the port and mode found to work when the given ones did not (or with {@code auto}), or
 *                    null; unencrypted only when {@code verdict} is {@link SearchVerdict#WORKS_ONLY_UNENCRYPTED}
 * @param verdict     what the search for working settings concluded
 * @param attempts    what the search tried, in order; empty when it did not run
 */
public record CheckReport(String host, Endpoint endpoint, List<StepResult> steps, Diagnosis diagnosis,
                          Endpoint recommended, SearchVerdict verdict, List<AttemptSummary> attempts) {

    public CheckReport {
        steps = List.copyOf(steps);
        attempts = List.copyOf(attempts);
    }

    /** True when every step passed. */
    public boolean ok() {
        return diagnosis == null;
    }
}
