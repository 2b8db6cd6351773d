package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Every wording pattern of a rule set, matched together: one call per text gives the set of patterns that
 * occur in it, so a rule's condition is a set look-up rather than a regex run. The answer is exactly RE2/J's
 * {@code find} on each pattern (case-insensitive).
 *
 * <p>One pass of the phrase automaton ({@link LiteralWordings}) answers for the phrases (with or without gaps), and
 * names as candidates the few other patterns (parameters, hand-written regexes) whose required phrase occurs, or that
 * need none; only those are run by RE2/J ({@link #confirm}), and a caller that knows a candidate's answer cannot
 * matter may leave it unconfirmed ({@link TextPatterns}: the guards of a rule whose wordings did not occur).
 *
 * <p>Immutable and thread-safe.
 */
public final class PatternSet {
    private final LiteralWordings phrases;
    /** Per pattern, its program where the automaton cannot answer for it (else null); all of them in the baseline. */
    private final Pattern[] programs;
    /**
     * Per unsure pattern, literals one of which each of its matches holds near its start ({@link RequiredLiterals#lead}),
     * or null: RE2/J starts looking where the first of them allows, not at the text's start.
     */
    private final RequiredLiterals.Lead[] leads;
    private final BitSet unsure;

    private PatternSet(LiteralWordings phrases, Pattern[] programs, RequiredLiterals.Lead[] leads, BitSet unsure) {
        this.phrases = phrases;
        this.programs = programs;
        this.leads = leads;
        this.unsure = unsure;
    }

    /**
     * The one-pass set of {@code patterns} (RE2 sources matched case-insensitively, each already compiled once by its
     * caller, so known to be valid). Only the patterns the automaton cannot answer for are compiled: compiled
     * programs were most of a rule set's memory (the word-edge classes alone are kilobytes each).
     */
    public static PatternSet of(List<String> patterns) {
        LiteralWordings phrases = LiteralWordings.of(patterns);
        BitSet unsure = phrases.taken();
        unsure.flip(0, patterns.size());
        Pattern[] programs = new Pattern[patterns.size()];
        RequiredLiterals.Lead[] leads = new RequiredLiterals.Lead[patterns.size()];
        for (int i = unsure.nextSetBit(0); i >= 0; i = unsure.nextSetBit(i + 1)) {
            programs[i] = Pattern.compile(patterns.get(i), Pattern.CASE_INSENSITIVE);
            leads[i] = RequiredLiterals.lead(patterns.get(i));
        }
        return new PatternSet(phrases, programs, leads, unsure);
    }

    /**
     * Which of {@code patterns} the one-pass scan can neither answer for nor gate by a literal, so that RE2/J runs them
     * on every text.
     */
    public static BitSet ungated(List<String> patterns) {
        return LiteralWordings.ungated(patterns);
    }

    /** The baseline: every pattern compiled and run by RE2/J in turn, no automaton. */
    static PatternSet eachInTurn(List<String> patterns) {
        return new PatternSet(null, patterns.stream().map(s -> Pattern.compile(s, Pattern.CASE_INSENSITIVE))
                .toArray(Pattern[]::new), new RequiredLiterals.Lead[patterns.size()], new BitSet());
    }

    /** The indexes (into the list the set was built from) of the patterns that occur in {@code text}. */
    public BitSet matching(String text) {
        BitSet found = new BitSet(programs.length);
        for (int i : candidates(text)) {
            if (!isUnsure(i) || confirm(i, text)) {
                found.set(i);
            }
        }
        return found;
    }

    /**
     * The patterns that occur in {@code text}, and the {@link #isUnsure unsure} ones that may, ascending: only
     * {@link #confirm} tells whether those do.
     */
    int[] candidates(String text) {
        if (phrases != null) {
            return phrases.occurrences(text);
        }
        return IntStream.range(0, programs.length).filter(i -> programs[i].matcher(text).find()).toArray();
    }

    /** Whether {@link #candidates} names pattern {@code i} only as a candidate. */
    boolean isUnsure(int i) {
        return unsure.get(i);
    }

    /** The literals one of which each match of the unsure pattern {@code i} holds near its start, or null. */
    RequiredLiterals.Lead lead(int i) {
        return leads[i];
    }

    /**
     * Whether the unsure pattern {@code i}, a candidate in {@code text}, occurs there: RE2/J's answer, looked for from
     * where the first of its leading literals allows a match to start (the text before it cannot hold one, and RE2/J's
     * assertions still see it); none of them in the text, no match.
     */
    boolean confirm(int i, String text) {
        return RequiredLiterals.Lead.find(programs[i].matcher(text), text, leads[i]);
    }
}
