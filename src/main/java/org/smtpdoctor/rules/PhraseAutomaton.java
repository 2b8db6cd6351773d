package org.smtpdoctor.rules;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The phrase automaton of {@link LiteralWordings}: an Aho-Corasick automaton over the phrases (in the codes of the
 * wordings' alphabet), laid out for one pass over a text among the rest of a diagnosis's work.
 *
 * <p>Every state is one record in one array of ints, in depth-first order (a phrase's own run of states, which a text
 * that says it walks, is a run of memory): {@code [header, failure, (run,) children]}. The header says whether phrases
 * end in the state and how its children are found: mostly a table in which the child on code {@code c} stands in slot
 * {@code c & mask} (one read, one comparison; a leaf has one empty slot), else, for the few states whose children's
 * codes clash in any table of up to {@link #SLOTS_PER_CHILD} slots a child, (code, record) pairs searched by halving.
 * The root's children are a table by code. A state's header, failure and children share a cache line or two, where
 * the double-array trie this replaced (com.hankcs) kept them in three arrays megabytes apart. Inside a diagnosis this
 * layout measured faster (most likely because the rest of the work evicts the automaton between texts; its pass alone
 * over texts in a row is slower), and it builds in a fraction of the time (docs/benchmarks.md, session 28).
 *
 * <p>Each state's run lists every phrase that ends there, its own and those of its failure chain (descending by
 * phrase), with their entries: a pass reports a state's phrases without walking that chain.
 */
final class PhraseAutomaton {
    /** What a pass reports: an entry of a phrase that occupies {@code [begin, end)} of the text. */
    interface Found {
        void found(int begin, int end, int entry);
    }

    private static final int ENDS = 1;
    /** A state whose children are (code, record) pairs by code, searched by halving: their codes clash in any small table. */
    private static final int SEARCHED = 2;
    private static final int ROOT = 0;
    /** A table of children may have up to this many slots per child before its state's children are searched instead. */
    private static final int SLOTS_PER_CHILD = 4;
    /** The code of an empty slot: no character has it. */
    private static final int EMPTY = -1;

    /** The states' records, the root's (a header of 0) first. */
    private final int[] states;
    /** Per code, the record of the root's child on it; {@link #ROOT} where the root has none. */
    private final int[] fromRoot;
    /**
     * The runs of the states where phrases end (states that end the same phrases share one), each from its place: the
     * number of phrases, then each one's length, its number of entries, its entries.
     */
    private final int[] runs;
    private final int phrases;

    private PhraseAutomaton(int[] states, int[] fromRoot, int[] runs, int phrases) {
        this.states = states;
        this.fromRoot = fromRoot;
        this.runs = runs;
        this.phrases = phrases;
    }

    /** The automaton of {@code phrases}: per phrase (in the automaton's codes, none empty) its entries. */
    static PhraseAutomaton of(Map<String, int[]> phrases) {
        return new Builder(phrases).build();
    }

    /** The number of phrases. */
    int size() {
        return phrases;
    }

    /** Reports every entry of every phrase that occurs in {@code text}, in the order the phrases end. */
    void scan(char[] text, Found found) {
        int[] states = this.states;
        int state = ROOT;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            while (true) {
                if (state == ROOT) {
                    state = c < fromRoot.length ? fromRoot[c] : ROOT;
                    break;
                }
                int header = states[state];
                int at = state + 2 + (header & ENDS);
                if ((header & SEARCHED) == 0) {
                    // The children's table: the child on code c, if any, is in slot c & mask.
                    int slot = at + 2 * (c & header >>> 2);
                    if (states[slot] == c) {
                        state = states[slot + 1];
                        break;
                    }
                } else {
                    int child = searched(states, at, header >>> 2, c);
                    if (child != ROOT) {
                        state = child;
                        break;
                    }
                }
                state = states[state + 1];
            }
            if ((states[state] & ENDS) != 0) {
                report(states[state + 2], i + 1, found);
            }
        }
    }

    /** The record of the child on code {@code c} among {@code children} (code, record) pairs from {@code at}, by code; else the root. */
    private static int searched(int[] states, int at, int children, char c) {
        int low = 0;
        int high = children - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int code = states[at + 2 * middle];
            if (code < c) {
                low = middle + 1;
            } else if (code > c) {
                high = middle - 1;
            } else {
                return states[at + 2 * middle + 1];
            }
        }
        return ROOT;
    }

    private void report(int run, int end, Found found) {
        int at = run;
        for (int phrase = runs[at++]; phrase > 0; phrase--) {
            int begin = end - runs[at++];
            int entries = runs[at++];
            for (int k = 0; k < entries; k++) {
                found.found(begin, end, runs[at++]);
            }
        }
    }

    /**
     * Builds the trie with a node per distinct prefix, the failure links breadth first, then lays the nodes out
     * depth first.
     */
    private static final class Builder {
        private final int[][] entries;
        private final int[] lengths;
        /** Per node: its parent's edge to it as {@code parent << 16 | code} is a key of {@link #edges}. */
        private final LongIntHashMap edges = new LongIntHashMap();
        private int nodes = 1;
        private int[] parent = new int[1024];
        private char[] code = new char[1024];
        /** Per node, the phrase that ends there, or -1. */
        private int[] ends = new int[1024];
        /** The runs of phrases laid out so far ({@link PhraseAutomaton#runs}). */
        private final IntArrayList runs = new IntArrayList();

        Builder(Map<String, int[]> phrases) {
            entries = new int[phrases.size()][];
            lengths = new int[phrases.size()];
            ends[ROOT] = -1;
            int phrase = 0;
            for (Map.Entry<String, int[]> entry : phrases.entrySet()) {
                String text = entry.getKey();
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("an empty phrase would occur everywhere");
                }
                int node = ROOT;
                for (int i = 0; i < text.length(); i++) {
                    node = childOrNew(node, text.charAt(i));
                }
                ends[node] = phrase;
                entries[phrase] = entry.getValue();
                lengths[phrase++] = text.length();
            }
        }

        private int childOrNew(int node, char c) {
            long key = (long) node << 16 | c;
            int child = edges.getOrDefault(key, -1);
            if (child >= 0) {
                return child;
            }
            if (nodes == parent.length) {
                parent = Arrays.copyOf(parent, nodes * 2);
                code = Arrays.copyOf(code, nodes * 2);
                ends = Arrays.copyOf(ends, nodes * 2);
            }
            child = nodes++;
            parent[child] = node;
            code[child] = c;
            ends[child] = -1;
            edges.put(key, child);
            return child;
        }

        PhraseAutomaton build() {
            int[][] children = children();
            int[] failure = new int[nodes];
            int[][] phrasesAt = new int[nodes][];
            // Breadth first, so that a node's failure (shallower) has its own failure and phrases already.
            int[] queue = new int[nodes]; // each node but the root enters once
            int tail = 0;
            for (int child : children[ROOT]) {
                queue[tail++] = child;
            }
            for (int head = 0; head < tail; head++) {
                int node = queue[head];
                if (parent[node] != ROOT) {
                    int fallback = failure[parent[node]];
                    int target;
                    while ((target = edges.getOrDefault((long) fallback << 16 | code[node], -1)) < 0 && fallback != ROOT) {
                        fallback = failure[fallback];
                    }
                    failure[node] = target < 0 ? ROOT : target;
                }
                phrasesAt[node] = merged(ends[node], phrasesAt[failure[node]]);
                for (int child : children[node]) {
                    queue[tail++] = child;
                }
            }
            return layOut(children, failure, phrasesAt);
        }

        /** Each node's children, by code. */
        private int[][] children() {
            int[] counts = new int[nodes];
            for (int node = 1; node < nodes; node++) {
                counts[parent[node]]++;
            }
            int[][] children = new int[nodes][];
            for (int node = 0; node < nodes; node++) {
                children[node] = new int[counts[node]];
            }
            int[] filled = new int[nodes];
            for (int node = 1; node < nodes; node++) {
                children[parent[node]][filled[parent[node]]++] = node;
            }
            for (int[] of : children) {
                if (of.length > 1) {
                    sortByCode(of);
                }
            }
            return children;
        }

        private void sortByCode(int[] nodesOf) {
            long[] keyed = new long[nodesOf.length];
            for (int k = 0; k < nodesOf.length; k++) {
                keyed[k] = (long) code[nodesOf[k]] << 32 | nodesOf[k];
            }
            Arrays.sort(keyed);
            for (int k = 0; k < nodesOf.length; k++) {
                nodesOf[k] = (int) keyed[k];
            }
        }

        /** The phrases ending in a node: its own, then its failure's (descending, as the pass has always reported them). */
        private static int[] merged(int own, int[] ofFailure) {
            if (own < 0) {
                return ofFailure;
            }
            if (ofFailure == null) {
                return new int[] {own};
            }
            int[] all = Arrays.copyOf(ofFailure, ofFailure.length + 1);
            all[ofFailure.length] = own;
            Arrays.sort(all);
            for (int low = 0, high = all.length - 1; low < high; low++, high--) {
                int swap = all[low];
                all[low] = all[high];
                all[high] = swap;
            }
            return all;
        }

        /**
         * The slots of a table in which each child stands at its code's low bits: the fewest (a power of two, at
         * least one) in which no two codes share them; 0 when that takes more than {@link #SLOTS_PER_CHILD} a child.
         * A leaf gets one empty slot, so that a pass reads every state alike.
         */
        private int tableSize(int[] childrenOf) {
            for (int size = Integer.highestOneBit(Math.max(1, childrenOf.length * 2 - 1));
                 size <= Math.max(1, SLOTS_PER_CHILD * childrenOf.length); size <<= 1) {
                boolean[] taken = new boolean[size];
                boolean clash = false;
                for (int child : childrenOf) {
                    int slot = code[child] & size - 1;
                    clash |= taken[slot];
                    taken[slot] = true;
                }
                if (!clash) {
                    return size;
                }
            }
            return 0;
        }

        /** Appends to {@code runs} the run of {@code ending}'s phrases; returns where it starts. */
        private int appendRun(int[] ending) {
            int start = runs.size();
            runs.add(ending.length);
            for (int phrase : ending) {
                runs.add(lengths[phrase], entries[phrase].length);
                runs.add(entries[phrase]);
            }
            return start;
        }

        private PhraseAutomaton layOut(int[][] children, int[] failure, int[][] phrasesAt) {
            int[] record = new int[nodes];
            int[] order = new int[nodes];
            int[] slots = new int[nodes];
            int size = 1; // the root's record: its header alone
            int placed = 0;
            int[] stack = new int[nodes];
            int depth = 0;
            for (int k = children[ROOT].length - 1; k >= 0; k--) {
                stack[depth++] = children[ROOT][k];
            }
            while (depth > 0) {
                int node = stack[--depth];
                record[node] = size;
                order[placed++] = node;
                int count = children[node].length;
                slots[node] = tableSize(children[node]);
                size += 2 + (phrasesAt[node] != null ? 1 : 0) + 2 * (slots[node] > 0 ? slots[node] : count);
                // The first child on top, so that it is laid out next: a chain of single children is a run of records.
                for (int k = count - 1; k >= 0; k--) {
                    stack[depth++] = children[node][k];
                }
            }
            int[] states = new int[size];
            // Nodes whose failure chain brings the same phrases share one array of them (merged), and so one run.
            Map<int[], Integer> runOf = new IdentityHashMap<>();
            for (int k = 0; k < placed; k++) {
                int node = order[k];
                int at = record[node];
                int count = children[node].length;
                int[] ending = phrasesAt[node];
                states[at++] = (ending != null ? ENDS : 0) | (slots[node] > 0 ? slots[node] - 1 << 2 : count << 2 | SEARCHED);
                states[at++] = record[failure[node]];
                if (ending != null) {
                    states[at++] = runOf.computeIfAbsent(ending, this::appendRun).intValue();
                }
                if (slots[node] > 0) {
                    Arrays.fill(states, at, at + 2 * slots[node], EMPTY);
                    for (int child : children[node]) {
                        int slot = at + 2 * (code[child] & slots[node] - 1);
                        states[slot] = code[child];
                        states[slot + 1] = record[child];
                    }
                } else {
                    for (int child : children[node]) {
                        states[at++] = code[child];
                        states[at++] = record[child];
                    }
                }
            }
            // The root's children are sorted by code: the last has the highest the root's table needs.
            int[] rootChildren = children[ROOT];
            int[] fromRoot = new int[rootChildren.length == 0 ? 0 : code[rootChildren[rootChildren.length - 1]] + 1];
            for (int child : rootChildren) {
                fromRoot[code[child]] = record[child];
            }
            return new PhraseAutomaton(states, fromRoot, runs.toArray(), entries.length);
        }
    }
}
