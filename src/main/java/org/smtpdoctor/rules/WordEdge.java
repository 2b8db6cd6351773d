package org.smtpdoctor.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a wording's pattern says that it starts or ends at a word's edge: a character that is no letter or digit
 * (or the text's end) next to it, or a letter of a script written without spaces, where any letter is an edge.
 * After a wording, a Hangul letter is an edge too: Korean writes its particles and endings onto the word they follow
 * ("Spamhaus를", "서버가", "연결이 끊어졌습니다"), so a name or a stem may be followed by Hangul within its word.
 * Defined here, beside the matcher, because the matcher's byte form reads these two groups as a whole.
 */
public final class WordEdge {
    /**
     * The scripts written without spaces between words, by their RE2 names: a character of theirs next to a
     * wording is no part of the wording's word, and a wording that begins or ends with one has no edge to keep.
     */
    public static final List<String> SPACELESS_SCRIPTS = List.of("Han", "Hiragana", "Katakana", "Thai", "Lao",
            "Khmer", "Myanmar");
    /** The Japanese prolonged sound marks (full and half width), of no script's own but written within words. */
    public static final String LONG_VOWEL_MARKS = "\u30FC\uFF70";
    private static final String SPACELESS = SPACELESS_SCRIPTS.stream().map(s -> "\\p{" + s + "}")
            .collect(Collectors.joining("", "(?:[", "]")) + LONG_VOWEL_MARKS.chars().mapToObj(c -> "|" + (char) c)
            .collect(Collectors.joining("", "", ")"));
    /** A character that is a word's edge: no letter or digit, or a letter of a script written without spaces. */
    static final String EDGE = "[^\\pL\\pN]|" + SPACELESS;
    /** A character a wording may end before: an {@link #EDGE}, or a Hangul letter (a Korean particle or ending). */
    static final String EDGE_AFTER = EDGE + "|\\p{Hangul}";
    /** Before a wording that starts with a letter or digit. */
    public static final String BEFORE = "(?:^|" + EDGE + ")";
    /** After a wording that ends with a letter or digit. */
    public static final String AFTER = "(?:" + EDGE_AFTER + "|$)";

    private WordEdge() {
    }
}
