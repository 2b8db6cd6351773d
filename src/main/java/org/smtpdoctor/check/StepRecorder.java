package org.smtpdoctor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times the steps of one connection attempt. Starting a step ends the one before it as successful; a
 * failure ends the current step as failed. Used from one thread (the attempt's).
 */
final class StepRecorder {
    private final List<StepResult> steps = new ArrayList<>();
    private String current;
    private String detail = "";
    private long startedNanos;

    /** Ends the current step (successfully) and starts {@code name}. */
    void start(String name) {
        end(true);
        current = name;
        detail = "";
        startedNanos = System.nanoTime();
    }

    /** What the current step saw: an address, a greeting, the capabilities, a reply. */
    void detail(String text) {
        detail = text == null ? "" : text.strip();
    }

    /** Ends the current step successfully. */
    void succeed() {
        end(true);
    }

    /** Ends the current step as failed with what went wrong; returns the step's name. */
    String fail(String what) {
        String failed = current;
        detail(what);
        end(false);
        return failed;
    }

    List<StepResult> steps() {
        return List.copyOf(steps);
    }

    private void end(boolean ok) {
        if (current != null) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
            steps.add(new StepResult(current, ok, millis, detail));
            current = null;
        }
    }
}
