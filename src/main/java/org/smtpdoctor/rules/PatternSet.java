package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.BitSet;
import java.util.List;

/**
 * Every wording pattern of a rule set, matched together: one call per text gives the set of patterns that
 * occur in it, so a rule's condition is a set look-up rather than a regex run. The answer is exactly RE2/J's
 * {@code find} on each pattern (case-insensitive).
 */
public interface PatternSet {
    /** The indexes (into the list the set was built from) of the patterns that occur in {@code text}. */
    BitSet matching(String text);

    /**
     * One pass of the phrase automaton ({@link LiteralWordings}) over the text for all of {@code patterns} (RE2
     * sources matched case-insensitively, each already compiled once by its caller, so known to be valid): it
     * answers for the phrases (with or without gaps), and names the few other patterns (parameters, hand-written
     * regexes) whose required phrase occurs; only those are run by RE2/J. Only the others are compiled: compiled
     * programs were most of a rule set's memory (the word-edge classes alone are kilobytes each).
     */
    static PatternSet of(List<String> patterns) {
        LiteralWordings phrases = LiteralWordings.of(patterns);
        BitSet taken = phrases.taken();
        if (taken.cardinality() == patterns.size()) {
            return phrases::matching;
        }
        Pattern[] programs = new Pattern[patterns.size()];
        BitSet gated = new BitSet(patterns.size());
        for (int i = taken.nextClearBit(0); i < patterns.size(); i = taken.nextClearBit(i + 1)) {
            programs[i] = Pattern.compile(patterns.get(i), Pattern.CASE_INSENSITIVE);
            gated.set(i);
        }
        return text -> {
            BitSet found = phrases.matching(text);
            if (found.intersects(gated)) { // most texts name no pattern that needs RE2/J's look
                for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
                    if (programs[i] != null && !programs[i].matcher(text).find()) {
                        found.clear(i);
                    }
                }
            }
            return found;
        };
    }
}
