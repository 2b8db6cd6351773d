package org.smtpdoctor.reply;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * Finds where protected words occur in a text (ASCII case-insensitive) in one pass, one table step per
 * character: an Aho-Corasick automaton over the words, as a full transition table. Each state knows the
 * longest word ending there, which is all coverage needs (shorter words ending at the same place lie
 * inside it). The table has a column only for characters that occur in some word (all others lead back
 * to the start), which keeps it small enough to stay in the processor's cache.
 */
final class ProtectedWords {
    private static final int ASCII = 128;
    /** Column of each ASCII character in the table; 0 for characters no word has. */
    private final int[] column = new int[ASCII];
    private final int columns;
    private int[] next;
    private int[] longestEnding;
    private int states = 1;

    ProtectedWords(Collection<String> words) {
        List<String> indexed = words.stream().map(w -> w.toLowerCase(Locale.ROOT))
                // non-ASCII words: the rules' case folding of those is not this ASCII table's
                .filter(w -> w.length() >= 2 && w.chars().allMatch(c -> c < ASCII)).toList();
        int used = 1;
        for (String word : indexed) {
            for (char c : word.toCharArray()) {
                if (column[c] == 0) {
                    column[c] = used++;
                }
            }
        }
        columns = used;
        next = new int[columns * 16];
        longestEnding = new int[16];
        indexed.forEach(this::insert);
        link();
    }

    private void insert(String word) {
        int state = 0;
        for (int i = 0; i < word.length(); i++) {
            int slot = state * columns + column[word.charAt(i)];
            if (next[slot] == 0) {
                if (states * columns >= next.length) {
                    next = Arrays.copyOf(next, next.length * 2);
                    longestEnding = Arrays.copyOf(longestEnding, longestEnding.length * 2);
                }
                next[slot] = states++;
            }
            state = next[slot];
        }
        longestEnding[state] = word.length();
    }

    /** Turns the trie into the automaton: missing steps follow the failure links, breadth first. */
    private void link() {
        int[] failure = new int[states];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int c = 1; c < columns; c++) {
            if (next[c] != 0) {
                queue.add(next[c]);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            longestEnding[state] = Math.max(longestEnding[state], longestEnding[failure[state]]);
            for (int c = 1; c < columns; c++) {
                int child = next[state * columns + c];
                if (child != 0) {
                    failure[child] = next[failure[state] * columns + c];
                    queue.add(child);
                } else {
                    next[state * columns + c] = next[failure[state] * columns + c];
                }
            }
        }
    }

    /** For each position of {@code text}, whether a protected word covers it; null when none does. */
    boolean[] coverage(char[] text) {
        boolean[] covered = null;
        int filledTo = 0; // positions before this are already marked: overlapping words are not marked twice
        int state = 0;
        for (int i = 0; i < text.length; i++) {
            char c = fold(text[i]);
            state = c < ASCII ? next[state * columns + column[c]] : 0;
            int length = longestEnding[state];
            if (length > 0) {
                if (covered == null) {
                    covered = new boolean[text.length];
                }
                Arrays.fill(covered, Math.max(i - length + 1, filledTo), i + 1, true);
                filledTo = i + 1;
            }
        }
        return covered;
    }

    /** Lower-cases as case-insensitive RE2 matching sees ASCII: U+017F is an s, U+212A a k. */
    private static char fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        return c == '\u017F' ? 's' : c == '\u212A' ? 'k' : c;
    }
}
