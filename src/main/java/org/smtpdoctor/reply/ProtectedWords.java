package org.smtpdoctor.reply;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Queue;

/**
 * Finds where protected words occur in a text (ASCII case-insensitive) in one pass, one table step per
 * character: an Aho-Corasick automaton over the words, as a full transition table. Each state knows the
 * longest word ending there, which is all coverage needs (shorter words ending at the same place lie
 * inside it).
 */
final class ProtectedWords {
    private static final int ASCII = 128;
    private final int[][] next;
    private final int[] longestEnding;

    ProtectedWords(Collection<String> words) {
        List<int[]> children = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        children.add(new int[ASCII]);
        lengths.add(0);
        for (String word : words) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.length() < 2 || w.chars().anyMatch(c -> c >= ASCII)) {
                continue; // non-ASCII words: the rules' case folding of those is not this ASCII table's
            }
            int state = 0;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (children.get(state)[c] == 0) {
                    children.add(new int[ASCII]);
                    lengths.add(0);
                    children.get(state)[c] = children.size() - 1;
                }
                state = children.get(state)[c];
            }
            lengths.set(state, w.length());
        }
        next = children.toArray(int[][]::new);
        longestEnding = lengths.stream().mapToInt(Integer::intValue).toArray();
        link();
    }

    /** Turns the trie into the automaton: missing steps follow the failure links, breadth first. */
    private void link() {
        int[] failure = new int[next.length];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ASCII; c++) {
            if (next[0][c] != 0) {
                queue.add(next[0][c]);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            longestEnding[state] = Math.max(longestEnding[state], longestEnding[failure[state]]);
            for (int c = 0; c < ASCII; c++) {
                int child = next[state][c];
                if (child != 0) {
                    failure[child] = next[failure[state]][c];
                    queue.add(child);
                } else {
                    next[state][c] = next[failure[state]][c];
                }
            }
        }
    }

    /** For each position of {@code text}, whether a protected word covers it; null when none does. */
    boolean[] coverage(String text) {
        boolean[] covered = null;
        int filledTo = 0; // positions before this are already marked: overlapping words are not marked twice
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            state = c < ASCII ? next[state][c] : 0;
            int length = longestEnding[state];
            if (length > 0) {
                if (covered == null) {
                    covered = new boolean[text.length()];
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
