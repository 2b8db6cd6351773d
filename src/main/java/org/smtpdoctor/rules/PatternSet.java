package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.ArrayList;
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
     * Chooses the kind: {@code java} (the phrase automaton and RE2/J behind a literal prefilter, built at load),
     * {@code hyperscan} (the phrase automaton and one Hyperscan database, built at load: benchmarks, which measure
     * the steady state) or, by default, RE2/J alone and then the second once the set has matched enough texts
     * ({@link TieredPatternSet}).
     */
    String KIND_PROPERTY = "smtpdoctor.matcher";

    /** The indexes (into the list the set was built from) of the patterns that occur in {@code text}. */
    BitSet matching(String text);

    /**
     * The set of the kind {@link #KIND_PROPERTY} chooses: {@code java}, the phrase automaton and RE2/J; {@code
     * hyperscan}, the one-pass set built now; by default RE2/J, then the one-pass set once it pays
     * ({@link TieredPatternSet}).
     */
    static PatternSet of(List<Pattern> patterns) {
        String kind = System.getProperty(KIND_PROPERTY, "");
        if (patterns.isEmpty()) {
            return new Re2PatternSet(patterns);
        }
        return switch (kind) {
            case "java" -> onePass(patterns, false);
            case "hyperscan" -> onePass(patterns, true);
            default -> new TieredPatternSet(new Re2PatternSet(patterns), () -> onePass(patterns, true),
                    TieredPatternSet.TIER_UP_AFTER);
        };
    }

    /**
     * The plain phrases among {@code patterns} in one automaton ({@link LiteralWordings}), the others in one
     * Hyperscan database (with {@code hyperscan}, where its native library loads) or run by RE2/J behind a
     * literal prefilter.
     */
    static PatternSet onePass(List<Pattern> patterns, boolean hyperscan) {
        LiteralWordings phrases = LiteralWordings.of(patterns);
        BitSet taken = phrases.taken();
        List<Pattern> others = new ArrayList<>();
        int[] indexes = new int[patterns.size() - taken.cardinality()];
        for (int i = taken.nextClearBit(0); i < patterns.size(); i = taken.nextClearBit(i + 1)) {
            indexes[others.size()] = i;
            others.add(patterns.get(i));
        }
        Re2PatternSet java = new Re2PatternSet(others);
        PatternSet rest = hyperscan && !others.isEmpty() ? hyperscanOr(others, java) : java;
        return text -> {
            BitSet found = phrases.matching(text);
            BitSet more = rest.matching(text);
            for (int i = more.nextSetBit(0); i >= 0; i = more.nextSetBit(i + 1)) {
                found.set(indexes[i]);
            }
            return found;
        };
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
