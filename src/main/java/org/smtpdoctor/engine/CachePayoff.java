package org.smtpdoctor.engine;

/**
 * Whether a log's template cache pays for itself. A line served from the cache skips the rules; every line
 * going through it pays for a masking pass, about a quarter of a diagnosis. So on a log whose lines do not
 * repeat (every one a template of its own) the cache only costs. It is measured over windows of lines that
 * go through it: after a window in which fewer than one in {@link #FEWEST_SERVED} was served from it, the next
 * {@code skippedWindows} windows of lines go straight to the rules; then one window measures again, since a
 * log can change its nature (a burst of distinct errors, then the usual few). Either way each line gets the
 * same diagnosis; only the work differs.
 *
 * <p>Why so few: a repetitive log starts with a cold cache. On the bench log a fifth of the first 4,096 lines
 * repeat a template, nine in ten by the 60,000th; a log of distinct lines repeats none. Stepping aside
 * only when almost nothing repeats never costs a repetitive log its warm-up.
 *
 * <p>Thread-safe: two short synchronized steps per line (the workers of a batch run share one).
 */
final class CachePayoff {
    /** Lines per measuring window (lines that went through the cache). */
    static final int WINDOW = 4096;
    /** Windows of lines that skip the cache after one in which it did not pay. */
    static final int SKIPPED_WINDOWS = 15;
    /** The cache pays while at least one line in this many of a window is served from it. */
    static final int FEWEST_SERVED = 16;

    private final int window;
    private final int skippedWindows;
    private long lines;
    private long skipUntil;
    private int measured;
    private int served;

    CachePayoff() {
        this(WINDOW, SKIPPED_WINDOWS);
    }

    CachePayoff(int window, int skippedWindows) {
        this.window = window;
        this.skippedWindows = skippedWindows;
    }

    /** Whether the next line should go through the cache (counts the line). */
    synchronized boolean useCache() {
        return lines++ >= skipUntil;
    }

    /** Counts a line that went through the cache; {@code servedFromCache}: the rules did not run for it. */
    synchronized void count(boolean servedFromCache) {
        measured++;
        if (servedFromCache) {
            served++;
        }
        if (measured == window) {
            if (served * FEWEST_SERVED < window) {
                skipUntil = lines + (long) window * skippedWindows;
            }
            measured = 0;
            served = 0;
        }
    }
}
