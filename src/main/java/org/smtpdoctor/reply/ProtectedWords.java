package org.smtpdoctor.reply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds where protected words occur in a text (ASCII case-insensitive), in one pass: the words are
 * indexed by their first two characters, so each position of the text costs one table look-up.
 */
final class ProtectedWords {
    private static final int ASCII = 128;
    private final String[][] byFirstTwo = new String[ASCII * ASCII][];

    ProtectedWords(Collection<String> words) {
        List<List<String>> buckets = new ArrayList<>(ASCII * ASCII);
        for (int i = 0; i < ASCII * ASCII; i++) {
            buckets.add(null);
        }
        for (String word : words) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.length() < 2 || w.chars().anyMatch(c -> c >= ASCII)) {
                continue; // a word the text could only hold in another case form is not indexed: see fold()
            }
            int slot = w.charAt(0) * ASCII + w.charAt(1);
            if (buckets.get(slot) == null) {
                buckets.set(slot, new ArrayList<>());
            }
            buckets.get(slot).add(w);
        }
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i) != null) {
                byFirstTwo[i] = buckets.get(i).toArray(String[]::new);
            }
        }
    }

    /** For each position of {@code text}, whether a protected word covers it; null when none does. */
    boolean[] coverage(String text) {
        boolean[] covered = null;
        for (int i = 0; i + 1 < text.length(); i++) {
            char a = fold(text.charAt(i));
            char b = fold(text.charAt(i + 1));
            if (a >= ASCII || b >= ASCII) {
                continue;
            }
            String[] candidates = byFirstTwo[a * ASCII + b];
            if (candidates == null) {
                continue;
            }
            for (String word : candidates) {
                if (occursAt(text, i, word)) {
                    if (covered == null) {
                        covered = new boolean[text.length()];
                    }
                    Arrays.fill(covered, i, i + word.length(), true);
                }
            }
        }
        return covered;
    }

    private static boolean occursAt(String text, int at, String word) {
        if (at + word.length() > text.length()) {
            return false;
        }
        for (int k = 2; k < word.length(); k++) {
            if (fold(text.charAt(at + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Lower-cases as case-insensitive RE2 matching sees ASCII: U+017F is an s, U+212A a k. */
    private static char fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        return c == '\u017F' ? 's' : c == '\u212A' ? 'k' : c;
    }
}
