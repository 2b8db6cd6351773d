package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.BitSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every wording pattern of a rule set, matched together: one call per text gives the set of patterns that
 * occur in it, so a rule's condition is a set look-up rather than a regex run. Both kinds answer exactly as
 * RE2/J's {@code find} on each pattern (case-insensitive); they differ only in speed.
 */
interface PatternSet {
    /**
     * Chooses the kind: {@code java} (RE2/J behind a literal prefilter, always), {@code hyperscan} (one Hyperscan
     * database compiled at load: benchmarks, which measure the steady state) or, by default, the first and then
     * the second once the set has matched enough texts ({@link TieredPatternSet}).
     */
    String KIND_PROPERTY = "smtpdoctor.matcher";

    /** The indexes (into the list the set was built from) of the patterns that occur in {@code text}. */
    BitSet matching(String text);

    /** The set of the kind {@link #KIND_PROPERTY} chooses. */
    static PatternSet of(List<Pattern> patterns) {
        Re2PatternSet java = new Re2PatternSet(patterns);
        String kind = System.getProperty(KIND_PROPERTY, "");
        if (kind.equals("java") || patterns.isEmpty()) {
            return java;
        }
        return kind.equals("hyperscan") ? hyperscanOr(patterns, java)
                : new TieredPatternSet(patterns, java, TieredPatternSet.TIER_UP_AFTER);
    }

    /**
     * One Hyperscan database where its native library loads, else {@code java}, RE2/J behind a literal prefilter
     * (the pure-Java path).
     */
    static PatternSet hyperscanOr(List<Pattern> patterns, Re2PatternSet java) {
        try {
            return new HyperscanPatternSet(patterns, java);
        } catch (LinkageError | RuntimeException e) {
            Log.LOG.info("Hyperscan is not available here ({}); wordings are matched by RE2/J one at a time", e.toString());
            return java;
        }
    }

    /** The logger of the choice above (an interface holds no private fields). */
    final class Log {
        private static final Logger LOG = LoggerFactory.getLogger(PatternSet.class);

        private Log() {
        }
    }
}
