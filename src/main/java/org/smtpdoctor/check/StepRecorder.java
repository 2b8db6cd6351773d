package org.smtpdoctor.check;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Times the steps of one connection attempt. Starting a step ends the one before it as successful; a
 * failure ends the current step as failed. Used from one thread (the attempt's).
 */
final class StepRecorder {
    private final List<StepResult> steps = new ArrayList<>();
    /** A step's detail shows the start of what the server said; a hostile server may say 64 KiB. */
    private static final int MAX_DETAIL = 1000;
    private final Consumer<String> onStart;
    private String current;
    private String detail = "";
    private long startedNanos;

    /** @param onStart told the name of each step as it starts (to give it its own time-out) */
    StepRecorder(Consumer<String> onStart) {
        this.onStart = onStart;
    }

    /** Ends the current step (successfully) and starts {@code name}. */
    void start(String name) {
        end(true);
        onStart.accept(name);
        current = name;
        detail = "";
        startedNanos = System.nanoTime();
    }

    /** What the current step saw: an address, a greeting, the capabilities, a reply (its first 1000 characters). */
    void detail(String text) {
        String stripped = text == null ? "" : text.strip();
        detail = stripped.length() > MAX_DETAIL ? stripped.substring(0, MAX_DETAIL) + " …" : stripped;
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
