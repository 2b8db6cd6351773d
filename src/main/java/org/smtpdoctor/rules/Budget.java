package org.smtpdoctor.rules;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The time one evaluation may spend on text tests, so that no rule set can hold a diagnosing thread.
 *
 * <p>Spent means both: the wall-clock budget has passed, and after that the thread has used the same budget
 * again in CPU time of its own. Wall clock alone would cut short a reply that merely waited for a core on a
 * busy machine (and so give a wrong answer); CPU time alone costs a system call per test. The wall clock is
 * read on every test (cheap); the thread's CPU time only once the wall clock has run out.
 */
public final class Budget {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long nanos;
    private final long wallDeadline;
    private long cpuDeadline = -1;

    /** A budget of {@code nanos}, starting now, for the calling thread. */
    public Budget(long nanos) {
        this.nanos = nanos;
        this.wallDeadline = System.nanoTime() + nanos;
    }

    /** Whether the budget is spent (see the class comment); call it from the evaluating thread. */
    boolean spent() {
        if (System.nanoTime() - wallDeadline <= 0) {
            return false;
        }
        if (!THREADS.isCurrentThreadCpuTimeSupported()) {
            return true;
        }
        long cpu = THREADS.getCurrentThreadCpuTime();
        if (cpuDeadline < 0) {
            cpuDeadline = cpu + nanos;
            return false;
        }
        return cpu - cpuDeadline > 0;
    }
}
