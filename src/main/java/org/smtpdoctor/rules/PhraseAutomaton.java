package org.smtpdoctor.rules;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.Map;

/**
 * The phrase automaton of {@link LiteralWordings} (the library's double-array Aho-Corasick trie, as it builds it),
 * read the way one pass over a text needs it: which states end a phrase is one bit per state, and each such state's
 * phrases with their entries are one run of ints. The library's own pass reads, for every character, the state's
 * array of phrases (a reference into memory of its own, null for most states), and for every phrase found its length
 * and its value object elsewhere again.
 *
 * <p>A subclass only to reach the library's arrays: once built, only {@link #scan} and {@link #size} may be called,
 * since the library's own passes and look-ups read the arrays {@link #flatten} drops.
 */
final class PhraseAutomaton extends AhoCorasickDoubleArrayTrie<int[]> {
    /** What a pass reports: an entry of a phrase that occupies {@code [begin, end)} of the text. */
    interface Found {
        void found(int begin, int end, int entry);
    }

    /** A bit per state: whether some phrase ends there. */
    private long[] ends = new long[0];
    /** Per 64 states, how many states before them have their bit in {@link #ends}. */
    private int[] endsBefore = new int[0];
    /** Per state with a bit, in order, where its run starts in {@link #runs}; one more, the end of the last. */
    private int[] runAt = new int[] {0};
    /** For each phrase ending in the state: its length, its number of entries, the entries. */
    private int[] runs = new int[0];
    private int phrases;

    private PhraseAutomaton() {
    }

    /** The automaton of {@code phrases}: per phrase (in the automaton's codes) its entries. */
    static PhraseAutomaton of(Map<String, int[]> phrases) {
        PhraseAutomaton automaton = new PhraseAutomaton();
        if (!phrases.isEmpty()) {
            automaton.build(phrases);
            automaton.flatten();
        }
        return automaton;
    }

    private void flatten() {
        Object[] values = v; // an Object[] under its generic type: read as one, each element cast
        phrases = values.length;
        int states = output.length;
        ends = new long[(states + 63) >>> 6];
        endsBefore = new int[ends.length];
        int withPhrases = 0;
        int length = 0;
        for (int s = 0; s < states; s++) {
            if (output[s] != null) {
                ends[s >>> 6] |= 1L << s;
                withPhrases++;
                for (int phrase : output[s]) {
                    length += 2 + ((int[]) values[phrase]).length;
                }
            }
        }
        for (int w = 1; w < ends.length; w++) {
            endsBefore[w] = endsBefore[w - 1] + Long.bitCount(ends[w - 1]);
        }
        runAt = new int[withPhrases + 1];
        runs = new int[length];
        int at = 0;
        int state = 0;
        for (int s = 0; s < states; s++) {
            if (output[s] != null) {
                runAt[state++] = at;
                for (int phrase : output[s]) {
                    int[] entries = (int[]) values[phrase];
                    runs[at++] = l[phrase];
                    runs[at++] = entries.length;
                    for (int entry : entries) {
                        runs[at++] = entry;
                    }
                }
            }
        }
        runAt[state] = at;
        // The runs hold all the library's parse read; its arrays of arrays are no longer needed.
        output = null;
        v = null;
        l = null;
    }

    /** The number of phrases. */
    @Override
    public int size() {
        return phrases;
    }

    /** Reports every entry of every phrase that occurs in {@code text}, in the order the phrases end. */
    void scan(char[] text, Found found) {
        if (phrases == 0) {
            return;
        }
        int state = 0;
        for (int i = 0; i < text.length; i++) {
            int next;
            while ((next = transitionWithRoot(state, text[i])) == -1) {
                state = fail[state];
            }
            state = next;
            long word = ends[state >>> 6];
            if ((word & 1L << state) != 0) {
                int rank = endsBefore[state >>> 6] + Long.bitCount(word & (1L << state) - 1);
                for (int at = runAt[rank], end = runAt[rank + 1]; at < end; ) {
                    int begin = i + 1 - runs[at++];
                    int entries = runs[at++];
                    for (int k = 0; k < entries; k++) {
                        found.found(begin, i + 1, runs[at++]);
                    }
                }
            }
        }
    }
}
