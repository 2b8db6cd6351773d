package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every wording pattern of a rule set, matched together: one call per text gives the set of patterns that
 * occur in it, so a rule's condition is a set look-up rather than a regex run. Both kinds answer exactly as
 * RE2/J's {@code find} on each pattern (case-insensitive); they differ only in speed.
 */
public interface PatternSet {
    /**
     * Chooses how the patterns that are not plain phrases are matched: {@code java} (RE2/J behind a literal
     * prefilter), {@code hyperscan} (one Hyperscan database, built at load: benchmarks, which measure the steady
     * state) or, by default, RE2/J and then the database once the set has matched enough texts
     * ({@link TieredPatternSet}). The plain phrases are always matched by the phrase automaton, built at load.
     */
    String KIND_PROPERTY = "smtpdoctor.matcher";

    /** The indexes (into the list the set was built from) of the patterns that occur in {@code text}. */
    BitSet matching(String text);

    /**
     * The set of the kind {@link #KIND_PROPERTY} chooses for {@code patterns}, RE2 sources matched case-insensitively
     * (each already compiled once by its caller, so known to be valid).
     */
    static PatternSet of(List<String> patterns) {
        String kind = System.getProperty(KIND_PROPERTY, "");
        return onePass(patterns, others -> {
            Re2PatternSet java = new Re2PatternSet(others);
            return switch (kind) {
                case "java" -> java;
                case "hyperscan" -> hyperscanOr(others, java);
                default -> new TieredPatternSet(java, () -> hyperscanOr(others, java), TieredPatternSet.TIER_UP_AFTER);
            };
        });
    }

    /**
     * The phrases among {@code patterns} (with or without gaps) in one automaton ({@link LiteralWordings}), the
     * others compiled and given to the set {@code othersSet} makes of them. Only the others are compiled: compiled
     * programs were most of a rule set's memory (the word-edge classes alone are kilobytes each), and of the
     * project's 9,728 patterns the automaton takes all but 132 (103 of them with parameters).
     */
    static PatternSet onePass(List<String> patterns, Function<List<Pattern>, PatternSet> othersSet) {
        LiteralWordings phrases = LiteralWordings.of(patterns);
        BitSet taken = phrases.taken();
        if (taken.cardinality() == patterns.size()) {
            return phrases::matching;
        }
        List<Pattern> others = new ArrayList<>();
        int[] indexes = new int[patterns.size() - taken.cardinality()];
        for (int i = taken.nextClearBit(0); i < patterns.size(); i = taken.nextClearBit(i + 1)) {
            indexes[others.size()] = i;
            others.add(Pattern.compile(patterns.get(i), Pattern.CASE_INSENSITIVE));
        }
        PatternSet rest = othersSet.apply(others);
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
