package org.smtpdoctor.engine;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A text's letters as {@link NearWordings} compares them: each word of two letters or more, lower-cased, as the
 * trigrams of the word with its edges ({@code ^au aut uth th$} for "auth"), so that words sharing a stem share most
 * trigrams; in scripts written without spaces (Chinese, Japanese, Thai, ...) each letter and each pair of letters.
 * Digits, signs and one-letter words are left out. Each trigram is a number (three code points of 21 bits).
 */
final class Trigrams {
    private static final Set<Character.UnicodeScript> SPACELESS = Set.of(Character.UnicodeScript.HAN,
            Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA, Character.UnicodeScript.THAI,
            Character.UnicodeScript.LAO, Character.UnicodeScript.KHMER, Character.UnicodeScript.MYANMAR);
    /** Marks a spaceless script's letter or pair, which cannot collide with a trigram's three code points. */
    private static final long SPACELESS_MARK = 1L << 63;

    private long[] grams = new long[64];
    private int[] positions = new int[64];
    private int[] words = new int[64];
    private int wordCount;
    private int spacelessRuns;
    private int spacelessLetters;
    private int size;
    private int first = -1;
    private int last = -1;

    private Trigrams() {
    }

    /** The trigrams of {@code text}, with where each begins. */
    static Trigrams of(String text) {
        Trigrams t = new Trigrams();
        int wordStart = -1;
        int previous = 0;
        int previousSpaceless = -1;
        for (int i = 0; i <= text.length(); ) {
            int c = i < text.length() ? Character.toLowerCase(text.codePointAt(i)) : ' ';
            boolean letter = Character.isLetter(c);
            // Thai, the first of these scripts, starts at U+0E00: below it no script look-up is needed.
            boolean spaceless = letter && c >= 0x0E00 && SPACELESS.contains(Character.UnicodeScript.of(c));
            if (letter && !spaceless) {
                if (wordStart < 0) {
                    wordStart = i;
                }
            } else if (wordStart >= 0) {
                t.word(text, wordStart, i);
                wordStart = -1;
            }
            if (spaceless) {
                if (previousSpaceless < 0) {
                    t.wordCount++;
                    t.spacelessRuns++;
                }
                t.spacelessLetters++;
                t.add(SPACELESS_MARK | c, i);
                if (previousSpaceless >= 0) {
                    t.add(SPACELESS_MARK | (long) previous << 21 | c, previousSpaceless);
                }
                t.letters(i, i + Character.charCount(c));
                previousSpaceless = i;
            } else {
                previousSpaceless = -1;
            }
            previous = c;
            i += i < text.length() ? Character.charCount(c) : 1;
        }
        return t;
    }

    private void word(String text, int start, int end) {
        if (text.codePointCount(start, end) < 2) {
            return;
        }
        wordCount++;
        int a = 0;
        int b = 0;
        int bAt = start;
        for (int i = start; i <= end; ) {
            int c = i < end ? Character.toLowerCase(text.codePointAt(i)) : 0;
            if (b != 0 || a != 0) {
                add((long) a << 42 | (long) b << 21 | c, a == 0 ? start : bAt - Character.charCount(a));
            }
            a = b;
            b = c;
            bAt = i;
            i += i < end ? Character.charCount(c) : 1;
        }
        letters(start, end);
    }

    private void add(long gram, int position) {
        if (size == grams.length) {
            grams = Arrays.copyOf(grams, size * 2);
            positions = Arrays.copyOf(positions, size * 2);
            words = Arrays.copyOf(words, size * 2);
        }
        words[size] = wordCount - 1;
        grams[size] = gram;
        positions[size++] = position;
    }

    private void letters(int start, int end) {
        first = first < 0 ? start : first;
        last = end;
    }

    /** Each trigram's id in {@code ids}, in the text's order; -1 for one no wording has. */
    int[] ids(LongIntHashMap ids) {
        int[] found = new int[size];
        for (int i = 0; i < size; i++) {
            found[i] = ids.getOrDefault(grams[i], -1);
        }
        return found;
    }

    /** Where the {@code i}-th trigram begins in the text. */
    int position(int i) {
        return positions[i];
    }

    /**
     * The trigrams, each once, in the order they first occur, each with the word it first occurs in (counting the
     * words of two letters or more from 0; a run of letters of a spaceless script is one word here).
     */
    Map<Long, Integer> distinctByWord() {
        Map<Long, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            first.putIfAbsent(grams[i], words[i]);
        }
        return first;
    }

    /**
     * How many words made trigrams, a run of letters of a spaceless script counting as one word per two letters
     * (a Chinese word is mostly two characters).
     */
    int words() {
        return wordCount - spacelessRuns + spacelessLetters / 2;
    }

    /** How long the text is from its first letter to its last that made a trigram. */
    int letters() {
        return first < 0 ? 0 : last - first;
    }
}
