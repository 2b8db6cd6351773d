package org.smtpdoctor.rules;

/**
 * How a wording's pattern says that it starts or ends at a word's edge: a character that is no letter or digit
 * (or the text's end) next to it, or a letter of a script written without spaces, where any letter is an edge.
 * Defined here, beside the matcher, because the matcher's byte form reads these two groups as a whole.
 */
public final class WordEdge {
    private static final String SPACELESS = "(?:[\\p{Han}\\p{Hiragana}\\p{Katakana}\\p{Thai}\\p{Lao}\\p{Khmer}"
            + "\\p{Myanmar}]|\u30FC|\uFF70)";
    /** Before a wording that starts with a letter or digit. */
    public static final String BEFORE = "(?:^|[^\\pL\\pN]|" + SPACELESS + ")";
    /** After a wording that ends with a letter or digit. */
    public static final String AFTER = "(?:[^\\pL\\pN]|" + SPACELESS + "|$)";

    private WordEdge() {
    }
}
