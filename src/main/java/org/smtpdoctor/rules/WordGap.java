package org.smtpdoctor.rules;

/**
 * How a wording's pattern says "some words" ({@code {...}}): up to {@link #MAX} characters of the same line.
 * Defined here, beside the matcher, because the phrase automaton reads this group as a whole
 * ({@link LiteralWordings}: the phrases on either side by the automaton, the gap between them by position).
 */
public final class WordGap {
    /** The most characters (code points) a gap takes. */
    static final int MAX = 100;
    /** The RE2 fragment: any characters but a line break, as few as will do. */
    public static final String FRAGMENT = ".{0," + MAX + "}?";
    /** The fragment as a wording's pattern holds it. */
    static final String GROUP = "(?:" + FRAGMENT + ")";

    private WordGap() {
    }
}
