package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * The pure-Java {@link PatternSet}: each pattern run by RE2/J (linear time), skipped when the text lacks every
 * literal a match of it needs ({@link RequiredLiterals}). Serves where Hyperscan's native library does not
 * load, and the texts Hyperscan does not take (see {@link HyperscanPatternSet}).
 */
final class Re2PatternSet implements PatternSet {
    private final List<Pattern> patterns;
    /** Per pattern, the literals one of which a match needs (lower case), or null when it always runs. */
    private final String[][] required;

    Re2PatternSet(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.required = new String[patterns.size()][];
        for (int i = 0; i < required.length; i++) {
            Set<String> literals = RequiredLiterals.of(patterns.get(i).pattern());
            required[i] = literals == null ? null : literals.toArray(String[]::new);
        }
    }

    @Override
    public BitSet matching(String text) {
        String folded = TextPatterns.fold(text);
        BitSet found = new BitSet(required.length);
        for (int i = 0; i < required.length; i++) {
            if (mayMatch(required[i], folded) && patterns.get(i).matcher(text).find()) {
                found.set(i);
            }
        }
        return found;
    }

    /**
     * Whether the pattern at {@code index} occurs in {@code text} (checked as {@link #matching} checks it);
     * {@code folded} is the text {@link TextPatterns#fold(String) folded}.
     */
    boolean matches(int index, String text, String folded) {
        return mayMatch(required[index], folded) && patterns.get(index).matcher(text).find();
    }

    /** Whether {@code foldedText} holds one of the literals a match needs ({@code null}: none is needed). */
    static boolean mayMatch(String[] literals, String foldedText) {
        if (literals == null) {
            return true;
        }
        for (String literal : literals) {
            if (foldedText.contains(literal)) {
                return true;
            }
        }
        return false;
    }
}
