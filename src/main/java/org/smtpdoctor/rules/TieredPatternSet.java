package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pure-Java set from the first text, the one-pass Hyperscan set once the rule set has matched
 * {@link #TIER_UP_AFTER} texts: compiled then on a background thread, and used for every text from the moment it
 * is ready. Compiling thousands of wordings takes about ten seconds of one core, as much as RE2/J spends on tens
 * of thousands of texts; so a command that diagnoses a few texts, a verify run or a rule reload never waits for
 * it, and a batch run or a busy desk soon matches at full speed. The two answer alike ({@code PatternSetTest}).
 */
final class TieredPatternSet implements PatternSet {
    static final long TIER_UP_AFTER = 10_000;
    private final List<Pattern> patterns;
    private final Re2PatternSet java;
    private final long tierUpAfter;
    private final AtomicLong texts = new AtomicLong();
    private volatile PatternSet active;

    TieredPatternSet(List<Pattern> patterns, Re2PatternSet java, long tierUpAfter) {
        this.patterns = List.copyOf(patterns);
        this.java = java;
        this.tierUpAfter = tierUpAfter;
        this.active = java;
    }

    @Override
    public BitSet matching(String text) {
        PatternSet now = active;
        if (now == java && texts.incrementAndGet() == tierUpAfter) {
            Thread compiler = new Thread(() -> active = PatternSet.hyperscanOr(patterns, java), "smtp-doctor-one-pass-compile");
            compiler.setDaemon(true); // a command that is done does not wait for it
            compiler.start();
        }
        return now.matching(text);
    }

    /** Whether the one-pass set now answers. */
    boolean onePass() {
        return active != java;
    }
}
