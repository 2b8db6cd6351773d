package org.smtpdoctor.rules;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * For the patterns that are not plain phrases: RE2/J from the first text, one Hyperscan database once the rule set
 * has matched {@link #TIER_UP_AFTER} texts, built then on a background thread and used for every text from the
 * moment it is ready. Building it takes seconds of one core, as much as RE2/J spends on thousands of texts; so a
 * command that diagnoses a few texts, a verify run or a rule reload never waits for it, and a batch run or a busy
 * desk soon matches at full speed. The two answer alike ({@code PatternSetTest}).
 */
final class TieredPatternSet implements PatternSet {
    static final long TIER_UP_AFTER = 10_000;
    private final Re2PatternSet java;
    private final Supplier<PatternSet> database;
    private final long tierUpAfter;
    private final AtomicLong texts = new AtomicLong();
    private volatile PatternSet active;

    TieredPatternSet(Re2PatternSet java, Supplier<PatternSet> database, long tierUpAfter) {
        this.java = java;
        this.database = database;
        this.tierUpAfter = tierUpAfter;
        this.active = java;
    }

    @Override
    public BitSet matching(String text) {
        PatternSet now = active;
        if (now == java && texts.incrementAndGet() == tierUpAfter) {
            Thread builder = new Thread(() -> active = database.get(), "smtp-doctor-database-build");
            builder.setDaemon(true); // a command that is done does not wait for it
            builder.start();
        }
        return now.matching(text);
    }

    /** Whether the database now answers. */
    boolean tieredUp() {
        return active != java;
    }
}
