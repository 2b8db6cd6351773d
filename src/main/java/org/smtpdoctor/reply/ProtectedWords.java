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
 *
 * <p>The words are the literals of the rules' patterns, whose spaces stand for {@code \s+}: a run of white space
 * in the text steps the automaton once, as one space. Words with non-ASCII letters are left out (their case
 * folding is not this table's, and their alphabets would multiply its columns): a digit inside such a wording
 * ("1つまたは複数の") is masked like any other, which {@code FastPathEquivalenceTest} reports.
 */
final class ProtectedWords {
    private static final int ASCII = 128;
    /** Column of each ASCII character in the table; 0 for characters no word has. */
    private final int[] column = new int[ASCII];
    private final int columns;
    private int[] next;
    private int[] longestEnding;
    private int states = 1;
    /** Where the last characters stepped on stand: a ring of a power of two no shorter than the longest word. */
    private final int ringMask;

    ProtectedWords(Collection<String> words) {
        List<String> indexed = words.stream().map(w -> w.toLowerCase(Locale.ROOT).replaceAll("[\\t\\n\\f\\r ]+", " "))
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
        int longestWord = indexed.stream().mapToInt(String::length).max().orElse(1);
        ringMask = Integer.highestOneBit(Math.max(1, longestWord * 2 - 1)) - 1;
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
        // Where each of the last characters the automaton stepped on stands in the text: a white-space run is one.
        int[] at = new int[ringMask + 1];
        int stepped = 0;
        // The last run of covered positions, all of [runStart, runEnd) marked: a word ending here marks only what
        // it adds, and a longer word may start before a shorter one that ended inside it.
        int runStart = 0;
        int runEnd = 0;
        int state = 0;
        boolean afterSpace = false;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            boolean space = isSpace(c);
            if (space && afterSpace) {
                continue; // the run already stepped as one space
            }
            afterSpace = space;
            c = space ? ' ' : fold(c);
            state = c < ASCII ? next[state * columns + column[c]] : 0;
            at[stepped++ & ringMask] = i;
            int length = longestEnding[state];
            if (length > 0) {
                if (covered == null) {
                    covered = new boolean[text.length];
                }
                int start = at[(stepped - length) & ringMask];
                if (start >= runEnd) {
                    Arrays.fill(covered, start, i + 1, true);
                    runStart = start;
                } else {
                    if (start < runStart) {
                        Arrays.fill(covered, start, runStart, true);
                        runStart = start;
                    }
                    Arrays.fill(covered, runEnd, i + 1, true);
                }
                runEnd = i + 1;
            }
        }
        return covered;
    }

    /** RE2's {@code \s}, the white space a pattern's {@code \s+} between two literal words stands for. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** Lower-cases as case-insensitive RE2 matching sees ASCII: U+017F is an s, U+212A a k. */
    private static char fold(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        return c == '\u017F' ? 's' : c == '\u212A' ? 'k' : c;
    }
}
