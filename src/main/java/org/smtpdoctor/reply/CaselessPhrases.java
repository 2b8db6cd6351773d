package org.smtpdoctor.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A few lower-case ASCII phrases found in one pass over a text, ASCII letters in any case, as a
 * {@code (?i)} pattern without {@code UNICODE_CASE} reads them: the parser's trigger words and stage phrases.
 * One pass replaces a lower-cased copy of the text and an {@code indexOf} per phrase; a position is tried only
 * against the phrases that start with its two characters, so most positions cost one table look-up.
 */
final class CaselessPhrases {
    /** Where phrases are found: return false to end the scan. */
    @FunctionalInterface
    interface Found {
        boolean at(int phrase, int start, int end);
    }

    private final String[] phrases;
    /** The indexes of the phrases by their first two characters (lower-case ASCII, {@link #key}). */
    private final int[][] byStart = new int[128 * 128][];
    /**
     * A bit per pair of first characters that starts some phrase: read at every position of a text, 2 KB stay in the
     * processor's nearest cache where the 64 KB of {@link #byStart}'s references did not.
     */
    private final long[] starts = new long[128 * 128 / 64];

    /** @param phrases lower-case ASCII, at least two characters each */
    CaselessPhrases(List<String> phrases) {
        this.phrases = phrases.toArray(String[]::new);
        Map<Integer, List<Integer>> starting = new TreeMap<>();
        for (int i = 0; i < this.phrases.length; i++) {
            String phrase = this.phrases[i];
            if (phrase.length() < 2 || !phrase.chars().allMatch(c -> c < 128 && !(c >= 'A' && c <= 'Z'))) {
                throw new IllegalArgumentException("not a lower-case ASCII phrase of two or more characters: '" + phrase + "'");
            }
            starting.computeIfAbsent(key(phrase.charAt(0), phrase.charAt(1)), key -> new ArrayList<>()).add(i);
        }
        starting.forEach((key, indexes) -> {
            byStart[key] = indexes.stream().mapToInt(Integer::intValue).toArray();
            starts[key >>> 6] |= 1L << key;
        });
    }

    /** Reports every phrase at every position of {@code text}, in the order of their starts, until told to stop. */
    void scan(String text, Found found) {
        int n = text.length();
        char next = n > 0 ? text.charAt(0) : 0;
        for (int i = 0; i + 1 < n; i++) {
            char c = next;
            next = text.charAt(i + 1);
            if ((c | next) >= 128) {
                continue;
            }
            int key = key(c, next);
            if ((starts[key >>> 6] & 1L << key) == 0) {
                continue;
            }
            for (int phrase : byStart[key]) {
                int end = i + phrases[phrase].length();
                if (end <= n && matchesAt(text, i, phrases[phrase]) && !found.at(phrase, i, end)) {
                    return;
                }
            }
        }
    }

    private static int key(char first, char second) {
        return lower(first) << 7 | lower(second);
    }

    private static boolean matchesAt(String text, int at, String phrase) {
        for (int k = 2; k < phrase.length(); k++) {
            char c = text.charAt(at + k);
            if (c >= 128 || lower(c) != phrase.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
