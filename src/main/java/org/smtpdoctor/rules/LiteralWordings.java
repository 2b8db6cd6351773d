package org.smtpdoctor.rules;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wordings that are plain phrases, or phrases with gaps between them, matched all at once by an Aho-Corasick
 * automaton, exactly as RE2/J matches each of them; in the same pass, the phrases each other pattern needs (all of
 * them in their order, as {@link Steps#addCandidate} does for the parameters' wordings, else one of {@link #gate}), so
 * that a regex engine looks only at the texts that hold them. Nearly every wording is words and
 * punctuation with {@code \s+} between the words, a word edge ({@link WordEdge}) at either end and perhaps "some
 * words" ({@link WordGap}) between two phrases; for them a regex engine is more than needed: the automaton is built
 * in well under a second, holds no compiled program, and its answer needs no confirmation, on any script. A wording
 * with gaps is matched when its phrases occur in order with gaps RE2/J's {@code .{0,100}?} takes between them
 * ({@link GapPhrases}).
 *
 * <p>Why the answer is RE2/J's: the text is read as those patterns read it. Each run of RE2's white space
 * ({@code [\t\n\f\r ]}, what {@code \s+} takes) becomes one space, and each character becomes the representative
 * of its case orbit ({@link #FOLD}: {@link TextPatterns#fold(char)} where RE2/J takes the character for that fold,
 * else the character itself, as the Turkish dotted capital I, which RE2 does not take for an i). A phrase is only
 * taken here when RE2/J takes for each of its characters exactly the characters of the same {@code FOLD} (ASCII,
 * the scripts {@link RequiredLiterals#foldsSimply} vouches for, and characters without case: {@link #foldsExactly});
 * every other wording stays with the regex matchers. A word edge is checked on the characters beside an occurrence, by
 * tables RE2/J made from {@link WordEdge#EDGE} and {@link WordEdge#EDGE_AFTER} themselves.
 *
 * <p>Immutable and thread-safe once built.
 */
final class LiteralWordings {
    /** RE2's {@code \s}: what a wording's {@code \s+} takes. */
    private static final String SPACE = "\t\n\f\r ";
    private static final String SYNTAX = "[](){}|*+?.^$\\";
    private static final char[] FOLD = foldTable();
    private static final int EDGE_BEFORE = 1;
    private static final int EDGE_AFTER = 2;
    private static final Pattern EDGE = Pattern.compile(WordEdge.EDGE);
    private static final Pattern EDGE_AFTER_A_WORDING = Pattern.compile(WordEdge.EDGE_AFTER);
    /** Per BMP character, which edges it is: {@link #EDGE_BEFORE} (it may stand before a wording), {@link #EDGE_AFTER}. */
    private static final byte[] EDGE_CHARACTERS = edgeTable();
    /** An entry that is a literal of a pattern not taken: an occurrence makes the pattern a candidate. */
    private static final int GATE = 4;
    /** Letters not taken for their usual fold, and whether they stand alone (see {@link #foldsExactly}). */
    private static final Map<Character, Boolean> SINGLETONS = new ConcurrentHashMap<>();

    /**
     * Per phrase (folded, one space between words, in the codes of {@link #alphabet}): the patterns it is, as
     * {@code index << 3 | edges}, or whose {@link #gate} it is, as {@code index << 3 | GATE}.
     */
    private final PhraseAutomaton phrases;
    /**
     * The steps of the wordings with gaps ({@link WordGap}), {@link #STEP} ints each: {the pattern a step completes
     * (-1 when it only opens), the slot whose occurrences must precede it (-1 for a first phrase), the slot it
     * records its own occurrences in (-1 for a last phrase), 1 when any gap may stand before it (a candidate's step,
     * see {@link Steps#addCandidate}) else 0}. A slot holds where occurrences of a phrase ended that
     * the next phrase of a wording may follow. Every wording that opens with the same phrase (and edge) shares one
     * opening step and its slot: a common first phrase is recorded once per occurrence, not once per wording. The
     * automaton names a step by {@code -1 - (step << 2 | edges)}.
     */
    private final int[] steps;
    private static final int STEP = 4;
    /**
     * Each text character's code as the automaton reads it: its fold's code in the phrases' alphabet
     * ({@link #alphabet}), a white-space character's that of {@code ' '}. One look-up per character.
     */
    private final char[] readAs;
    private final BitSet taken;
    /** The patterns not taken that need no literal, ascending: candidates in every text. */
    private final int[] ungated;
    /**
     * Each thread's record of the slots' occurrences, reused from text to text: a map per text (boxed slot numbers,
     * hashed on every step) was a fifth of batch's time.
     */
    private final ThreadLocal<SlotEnds> slotEnds;

    private LiteralWordings(PhraseAutomaton phrases, int[] steps, int slots, char[] alphabet,
                            BitSet taken, BitSet ungated) {
        this.phrases = phrases;
        this.steps = steps;
        this.slotEnds = ThreadLocal.withInitial(() -> new SlotEnds(slots));
        this.readAs = new char[alphabet.length];
        for (int c = 0; c < readAs.length; c++) {
            readAs[c] = alphabet[SPACE.indexOf(c) >= 0 ? ' ' : FOLD[c]];
        }
        this.taken = taken;
        this.ungated = ungated.stream().toArray();
    }

    /**
     * The automaton of those of {@code patterns} (RE2 sources, matched case-insensitively) that are plain phrases,
     * and of the gates of the others; {@link #taken()} says which are phrases. It reads the sources only: a phrase
     * never needs a compiled program.
     */
    static LiteralWordings of(List<String> patterns) {
        Map<String, int[]> byPhrase = new TreeMap<>();
        Steps steps = new Steps();
        BitSet taken = new BitSet(patterns.size());
        BitSet ungated = new BitSet(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            Reading reading = Reading.of(patterns.get(i));
            if (reading.phrase() != null) {
                add(byPhrase, reading.phrase(), i << 3 | reading.edges());
                taken.set(i);
            } else if (reading.inOrder() != null) {
                steps.addCandidate(byPhrase, reading.inOrder(), i);
            } else if (reading.parts() != null) {
                steps.addWording(byPhrase, reading.parts(), i, reading.edges());
                taken.set(i);
            } else if (reading.gate() == null) {
                ungated.set(i);
            } else {
                for (String literal : reading.gate()) {
                    add(byPhrase, literal, i << 3 | GATE);
                }
            }
        }
        char[] alphabet = alphabet(byPhrase.keySet());
        Map<String, int[]> coded = new TreeMap<>();
        byPhrase.forEach((phrase, entries) -> coded.put(encode(phrase, alphabet), entries));
        return new LiteralWordings(PhraseAutomaton.of(coded),
                steps.table.stream().mapToInt(Integer::intValue).toArray(), steps.slots, alphabet, taken, ungated);
    }

    /**
     * Which of {@code patterns} neither the automaton reads nor one of its literals gates: RE2/J runs each of them on
     * every text (a wording in letters the automaton does not read, such as those beyond the Basic Multilingual
     * Plane). Lint warns of them. Each pattern is read as {@link #of} reads it, without building the automaton.
     */
    static BitSet ungated(List<String> patterns) {
        BitSet ungated = new BitSet(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            if (Reading.of(patterns.get(i)).isUngated()) {
                ungated.set(i);
            }
        }
        return ungated;
    }

    /**
     * How the automaton takes one pattern, the first form that fits: a plain phrase ({@code phrase}, with its word
     * {@code edges}); phrases that must occur in order, each a candidate's literal ({@code inOrder}, two or more); a
     * wording with gaps ({@code parts}); else the literals one of which gates it ({@code gate}), or none.
     */
    private record Reading(int edges, String phrase, List<String> inOrder, List<String> parts, List<String> gate) {
        static Reading of(String pattern) {
            String source = pattern;
            int edges = 0;
            if (source.startsWith(WordEdge.BEFORE)) {
                source = source.substring(WordEdge.BEFORE.length());
                edges |= EDGE_BEFORE;
            }
            if (source.endsWith(WordEdge.AFTER)) {
                source = source.substring(0, source.length() - WordEdge.AFTER.length());
                edges |= EDGE_AFTER;
            }
            String phrase = LiteralWordings.phrase(source);
            if (phrase != null) {
                return new Reading(edges, phrase, null, null, null);
            }
            List<String> parts = gapParts(source, edges);
            List<String> inOrder = parts == null ? phrasesInOrder(source) : null;
            if (inOrder != null && inOrder.size() >= 2) {
                return new Reading(edges, null, inOrder, null, null);
            }
            if (parts != null) {
                return new Reading(edges, null, null, parts, null);
            }
            return new Reading(edges, null, null, null, LiteralWordings.gate(source, pattern));
        }

        /** Neither read by the automaton nor gated by a literal: a candidate in every text. */
        boolean isUngated() {
            return phrase == null && inOrder == null && parts == null && gate == null;
        }
    }

    /** The steps of the wordings with gaps as they are read ({@link #steps}), and the slots they share. */
    private static final class Steps {
        private final List<Integer> table = new ArrayList<>();
        /** The slot of each opening phrase, by edge and phrase: one opening step per phrase and edge. */
        private final Map<String, Integer> openers = new HashMap<>();
        private int slots;

        /** Adds the steps of wording {@code pattern}, made of {@code parts} with {@code edges} at its ends. */
        void addWording(Map<String, int[]> byPhrase, List<String> parts, int pattern, int edges) {
            add(byPhrase, parts, pattern, edges, 0);
        }

        /**
         * Adds the steps that name pattern {@code pattern} a candidate where its {@code parts}, phrases every match
         * holds in this order ({@link #phrasesInOrder}), occur in order, with anything between them: one look by RE2/J
         * in the texts that hold them all, not in every text that holds one (six wordings "destinatario {address}
         * ..." were each run on every text naming a destinatario).
         */
        void addCandidate(Map<String, int[]> byPhrase, List<String> parts, int pattern) {
            add(byPhrase, parts, pattern, 0, 1);
        }

        private void add(Map<String, int[]> byPhrase, List<String> parts, int pattern, int edges, int anyGap) {
            int last = parts.size() - 1;
            if (last == 0) {
                LiteralWordings.add(byPhrase, parts.get(0), step(pattern, -1, -1, edges, anyGap));
                return;
            }
            int before = edges & EDGE_BEFORE;
            int previous = openers.computeIfAbsent(before + parts.get(0), key -> {
                int slot = slots++;
                LiteralWordings.add(byPhrase, parts.get(0), step(-1, -1, slot, before, 0));
                return slot;
            });
            for (int part = 1; part < last; part++) {
                int slot = slots++;
                LiteralWordings.add(byPhrase, parts.get(part), step(-1, previous, slot, 0, anyGap));
                previous = slot;
            }
            LiteralWordings.add(byPhrase, parts.get(last), step(pattern, previous, -1, edges & EDGE_AFTER, anyGap));
        }

        private int step(int pattern, int after, int slot, int edges, int anyGap) {
            int step = table.size() / STEP;
            table.add(pattern);
            table.add(after);
            table.add(slot);
            table.add(anyGap);
            return -1 - (step << 2 | edges);
        }
    }

    /**
     * The literals, as the automaton reads them, one of which every match of a pattern that is more than phrases
     * holds: its longest {@link #requiredPhrase}, else those {@link RequiredLiterals} reads from it; null when there
     * are none, or one holds a character the automaton does not read as RE2/J does. A run of white space in a
     * literal reads as one space, as it does in the text, so a literal the text holds is still found there.
     */
    private static List<String> gate(String inner, String source) {
        String phrase = requiredPhrase(inner);
        if (phrase != null) {
            return List.of(phrase);
        }
        Set<String> literals = RequiredLiterals.of(source);
        if (literals == null) {
            return null;
        }
        List<String> gate = new ArrayList<>(literals.size());
        for (String literal : literals) {
            StringBuilder read = new StringBuilder(literal.length());
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                if (SPACE.indexOf(c) >= 0) {
                    if (read.isEmpty() || read.charAt(read.length() - 1) != ' ') {
                        read.append(' ');
                    }
                } else if (Character.isSurrogate(c) || FOLD[c] != c || !foldsExactly(c)) {
                    return null;
                } else {
                    read.append(c);
                }
            }
            gate.add(read.toString());
        }
        return gate;
    }

    private static void add(Map<String, int[]> byPhrase, String phrase, int entry) {
        byPhrase.merge(phrase, new int[] {entry}, (a, b) -> {
            int[] both = Arrays.copyOf(a, a.length + 1);
            both[a.length] = entry;
            return both;
        });
    }

    /**
     * The phrases of a wording with gaps, {@code phrase{...}phrase...} (its edges taken off), in order; null when it
     * is something else, or a part is more than a phrase. A gap at either end takes nothing a match needs, so it is
     * dropped, unless a word edge stands beyond it.
     */
    private static List<String> gapParts(String source, int edges) {
        if (!source.contains(WordGap.GROUP)) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        int from = 0;
        for (int at = source.indexOf(WordGap.GROUP); at >= 0; at = source.indexOf(WordGap.GROUP, from)) {
            pieces.add(source.substring(from, at));
            from = at + WordGap.GROUP.length();
        }
        pieces.add(source.substring(from));
        if (pieces.get(0).isEmpty() && (edges & EDGE_BEFORE) == 0) {
            pieces.remove(0);
        }
        if (!pieces.isEmpty() && pieces.get(pieces.size() - 1).isEmpty() && (edges & EDGE_AFTER) == 0) {
            pieces.remove(pieces.size() - 1);
        }
        List<String> parts = new ArrayList<>(pieces.size());
        for (String piece : pieces) {
            String phrase = phrase(piece);
            if (phrase == null || phrase.isBlank()) {
                return null;
            }
            parts.add(phrase);
        }
        return parts.isEmpty() ? null : parts;
    }

    /**
     * The longest phrase every match of {@code source} (a pattern without its word edges) holds: of the parts outside
     * its groups, when no alternation stands outside them, the longest that is a plain phrase ({@link #phrase}), as
     * the parameters' wordings are: {@code could\s+not\s+connect\s+to\s+(?P<host>...)}. Null when there is none.
     */
    private static String requiredPhrase(String source) {
        List<String> phrases = phrasesInOrder(source);
        String longest = null;
        for (String phrase : phrases == null ? List.<String>of() : phrases) {
            if (longest == null || phrase.length() > longest.length()) {
                longest = phrase;
            }
        }
        return longest;
    }

    /**
     * The plain phrases ({@link #phrase}) among the parts of {@code source} (a pattern without its word edges) outside
     * its groups and classes, in their order: every match holds each of them, in this order, when no alternation
     * stands outside the groups (else null). A part that is more than a phrase (a quantifier, a dot) is left out.
     */
    private static List<String> phrasesInOrder(String source) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                if (depth == 0 && !inClass) {
                    part.append(c).append(source.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (source.startsWith("]", i + 1) || source.startsWith("^]", i + 1)) {
                    i += source.charAt(i + 1) == '^' ? 2 : 1; // a ] first in a class is one of its characters
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return null;
            }
            if (depth == 0 && !inClass && c != ')' && c != ']') {
                part.append(c);
                continue;
            }
            if (!part.isEmpty()) {
                parts.add(part.toString());
                part.setLength(0);
            }
        }
        parts.add(part.toString());
        List<String> phrases = new ArrayList<>();
        for (String candidate : parts) {
            String phrase = phrase(candidate);
            if (phrase != null && !phrase.isBlank()) {
                phrases.add(phrase);
            }
        }
        return phrases;
    }

    /**
     * Each folded character's code: 1, 2, 3 ... for those the phrases hold (the more frequent, the lower), one code
     * more for every other character. A dense alphabet keeps the automaton's tables small: the root's has a slot per
     * code, and a state's children, mostly frequent characters with low codes, seldom clash in a table indexed by a
     * code's low bits ({@link PhraseAutomaton}).
     */
    private static char[] alphabet(Iterable<String> phrases) {
        int[] counts = new int[Character.MAX_VALUE + 1];
        for (String phrase : phrases) {
            phrase.chars().forEach(c -> counts[c]++);
        }
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                used.add(c);
            }
        }
        used.sort((a, b) -> Integer.compare(counts[b], counts[a]));
        char other = (char) (used.size() + 1);
        char[] alphabet = new char[Character.MAX_VALUE + 1];
        Arrays.fill(alphabet, other);
        for (int i = 0; i < used.size(); i++) {
            alphabet[used.get(i)] = (char) (i + 1);
        }
        return alphabet;
    }

    private static String encode(String phrase, char[] alphabet) {
        char[] coded = new char[phrase.length()];
        for (int i = 0; i < coded.length; i++) {
            coded[i] = alphabet[phrase.charAt(i)];
        }
        return new String(coded);
    }

    /** The indexes of the patterns matched here; for the others {@link #matching} says only whether they may occur. */
    BitSet taken() {
        return (BitSet) taken.clone();
    }

    /**
     * The indexes of the taken patterns that occur in {@code text}, and of the other patterns that may: one of their
     * literals occurs, or they need none. Only those need a regex engine's look. Ascending, each once: a text says a
     * handful of the rule set's twenty thousand patterns, and a set of bits over them all cost more to clear and walk
     * than the pass that filled it.
     */
    int[] occurrences(String text) {
        Hits hits = new Hits();
        for (int pattern : ungated) {
            hits.add(pattern);
        }
        if (phrases.size() == 0) {
            return hits.distinct();
        }
        char[] read = new char[text.length()];
        // Per character read: which word edges the character it stands for is (a run of white space is both), and
        // where in the text it starts (one more entry: the text's end).
        byte[] edge = new byte[text.length()];
        int[] at = new int[text.length() + 1];
        int length = 0;
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c <= ' ' && SPACE.indexOf(c) >= 0;
            if (space && inSpace) {
                continue; // the run already stands as one space
            }
            inSpace = space;
            read[length] = readAs[c];
            at[length] = i;
            edge[length++] = space ? EDGE_BEFORE | EDGE_AFTER
                    : Character.isSurrogate(c) ? edges(codePointAround(text, i)) : EDGE_CHARACTERS[c];
        }
        at[length] = text.length();
        char[] folded = length == read.length ? read : Arrays.copyOf(read, length);
        int end = length;
        GapPhrases gapped = steps.length == 0 ? null : new GapPhrases(text, at, slotEnds.get().forNextText());
        phrases.scan(folded, (begin, stop, entry) -> {
            int edges = entry >= 0 ? entry : -1 - entry;
            if ((edges & EDGE_BEFORE) != 0 && begin > 0 && (edge[begin - 1] & EDGE_BEFORE) == 0) {
                return;
            }
            if ((edges & EDGE_AFTER) != 0 && stop < end && (edge[stop] & EDGE_AFTER) == 0) {
                return;
            }
            if (entry >= 0) {
                hits.add(entry >>> 3);
            } else {
                int completed = gapped.take((-1 - entry) >>> 2, begin, stop);
                if (completed >= 0) {
                    hits.add(completed);
                }
            }
        });
        return hits.distinct();
    }

    /** The patterns found in one text, in the order found, a pattern found twice listed twice until the end. */
    private static final class Hits {
        private int[] found = new int[8];
        private int count;

        void add(int pattern) {
            if (count == found.length) {
                found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = pattern;
        }

        int[] distinct() {
            Arrays.sort(found, 0, count);
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (kept == 0 || found[i] != found[kept - 1]) {
                    found[kept++] = found[i];
                }
            }
            return Arrays.copyOf(found, kept);
        }
    }

    /**
     * The phrases of wordings with gaps found so far in one text. The automaton reports occurrences in the order
     * they end, so when a phrase is found, every occurrence of the phrase before it in its wording that could
     * precede it has been reported; one that could is one whose end leaves a gap RE2/J's {@code .{0,100}} takes: at
     * most {@link WordGap#MAX} code points, no line break. The shortest gap is the one to test, since every longer
     * one holds it: a phrase that ends in white space ends after the whole run, one that starts with it starts
     * where the run does. Two such phrases may share one run of two or more white-space characters.
     */
    private final class GapPhrases {
        private final String text;
        private final int[] at;
        /** Where the text's first line break is, or -1: most texts are one line, and a gap never spans a break. */
        private final int firstNewline;
        private final SlotEnds ends;

        GapPhrases(String text, int[] at, SlotEnds ends) {
            this.text = text;
            this.at = at;
            this.firstNewline = text.indexOf('\n');
            this.ends = ends;
        }

        /**
         * Takes the occurrence {@code [begin, stop)} of the phrase of {@code step}: the pattern it completes, or -1
         * when it completes none (it opens or continues a wording, or follows no occurrence it must follow).
         */
        int take(int step, int begin, int stop) {
            int after = steps[step * STEP + 1];
            if (after >= 0 && !(ends.filled(after)
                    && (steps[step * STEP + 3] == 1 ? ends.of(after)[1] <= begin + 1 : precededAt(after, begin)))) {
                return -1; // a candidate's phrase needs only an earlier one ending before it (or sharing a space)
            }
            int slot = steps[step * STEP + 2];
            if (slot < 0) {
                return steps[step * STEP];
            }
            ends.add(slot, stop);
            return -1;
        }

        /**
         * Whether an occurrence recorded in {@code slot} leads on to one that starts at {@code begin}: the latest
         * that ends by then leaves the shortest gap, and if that gap does not fit, no longer one does.
         */
        private boolean precededAt(int slot, int begin) {
            int[] slotEnds = ends.of(slot);
            for (int i = slotEnds[0]; i >= 1; i--) {
                if (gapFits(slotEnds[i], begin)) {
                    return true;
                }
                if (slotEnds[i] <= begin) {
                    return false;
                }
            }
            return false;
        }

        /** Whether a phrase read up to {@code stop} and the next read from {@code begin} fit around one gap. */
        private boolean gapFits(int stop, int begin) {
            if (stop == begin + 1) {
                // the last character of one is the first of the other: a run of white space both need a part of
                return SPACE.indexOf(text.charAt(at[begin])) >= 0 && at[begin + 1] - at[begin] >= 2;
            }
            if (stop > begin) {
                return false;
            }
            int from = at[stop];
            int to = at[begin];
            return !breaksBetween(from, to) && (to - from <= WordGap.MAX || text.codePointCount(from, to) <= WordGap.MAX);
        }

        /** Whether a line break lies in {@code [from, to)}: looked for only there, never on to the text's end. */
        private boolean breaksBetween(int from, int to) {
            if (firstNewline < 0 || firstNewline >= to) {
                return false;
            }
            for (int i = Math.max(from, firstNewline); i < to; i++) {
                if (text.charAt(i) == '\n') {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Where the occurrences recorded in each slot ended in the text being read ({@link GapPhrases}), one per thread:
     * a slot's record counts only when stamped with the current text's number, so nothing is cleared between texts.
     */
    private static final class SlotEnds {
        /** A slot's record is kept for the next text only up to this length: one long text must not hold memory. */
        private static final int KEPT = 64;
        private final int[] stamp;
        /** Per slot: {count, end, end...}, in the order found. */
        private final int[][] ends;
        private int text;

        SlotEnds(int slots) {
            this.stamp = new int[slots];
            this.ends = new int[slots][];
        }

        SlotEnds forNextText() {
            if (++text == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                text = 1;
            }
            return this;
        }

        /** Whether the slot holds an occurrence in this text: most steps' slot to follow holds none. */
        boolean filled(int slot) {
            return stamp[slot] == text;
        }

        /** The occurrences of a {@link #filled} slot: {count, end, end...}. */
        int[] of(int slot) {
            return ends[slot];
        }

        void add(int slot, int end) {
            int[] slotEnds = ends[slot];
            if (stamp[slot] != text) {
                stamp[slot] = text;
                if (slotEnds == null || slotEnds.length > KEPT) {
                    slotEnds = new int[4];
                    ends[slot] = slotEnds;
                }
                slotEnds[0] = 0;
            } else if (slotEnds[0] == slotEnds.length - 1) {
                slotEnds = Arrays.copyOf(slotEnds, slotEnds.length * 2);
                ends[slot] = slotEnds;
            }
            slotEnds[++slotEnds[0]] = end;
        }
    }

    /** The code point a surrogate at {@code i} is part of, or the lone surrogate itself. */
    private static int codePointAround(String text, int i) {
        char c = text.charAt(i);
        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1))) {
            return Character.toCodePoint(text.charAt(i - 1), c);
        }
        return text.codePointAt(i);
    }

    /** Which word edges a character is, as RE2/J reads {@link WordEdge#EDGE} and {@link WordEdge#EDGE_AFTER}. */
    private static byte edges(int codePoint) {
        String character = new String(Character.toChars(codePoint));
        // EDGE_AFTER is EDGE or more: only a character that is no edge before needs the second pattern.
        return (byte) (EDGE.matches(character) ? EDGE_BEFORE | EDGE_AFTER
                : EDGE_AFTER_A_WORDING.matches(character) ? EDGE_AFTER : 0);
    }

    /**
     * The phrase a pattern's source says, folded, with one space for each {@code \s+}; null when the source is
     * more than a phrase or holds a character this automaton cannot match as RE2/J does.
     */
    private static String phrase(String source) {
        StringBuilder phrase = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("\\s+", i)) {
                phrase.append(' ');
                i += 3;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= source.length()) {
                    return null;
                }
                c = source.charAt(i + 1);
                if (c >= 128 || Character.isLetterOrDigit(c) || SPACE.indexOf(c) >= 0 || Character.isISOControl(c)) {
                    return null; // an escape that is a class (\d, \pL) or a control character
                }
                i += 2;
            } else {
                if (SYNTAX.indexOf(c) >= 0 || SPACE.indexOf(c) >= 0 || Character.isISOControl(c)
                        || Character.isSurrogate(c) || !foldsExactly(c)) {
                    return null;
                }
                i++;
            }
            phrase.append(FOLD[c]);
        }
        return phrase.length() == 0 ? null : phrase.toString();
    }

    /**
     * Whether the characters RE2/J takes for {@code c} are exactly those whose {@link #FOLD} is {@code c}'s: for
     * the letters of ASCII and of the scripts {@link RequiredLiterals#foldsSimply} vouches for (a test checks that
     * every character RE2/J takes for one of them has its fold), and for characters without case.
     */
    private static boolean foldsExactly(char c) {
        boolean caseless = Character.toUpperCase(c) == c && Character.toLowerCase(c) == c && Character.toTitleCase(c) == c;
        if (!(c < 128 || RequiredLiterals.foldsSimply(c) || caseless)) {
            return false;
        }
        char fold = FOLD[c];
        if (FOLD[fold] != fold) {
            return false;
        }
        // A letter RE2/J does not take for its usual fold (the Turkish dotless i) stands for itself alone, if no other
        // character of that fold is one RE2/J takes for it.
        return fold != c || TextPatterns.fold(c) == c || SINGLETONS.computeIfAbsent(c, LiteralWordings::standsAlone);
    }

    private static boolean standsAlone(char c) {
        Pattern itself = Pattern.compile(Pattern.quote(String.valueOf(c)), Pattern.CASE_INSENSITIVE);
        char fold = TextPatterns.fold(c);
        for (int t = 0; t <= Character.MAX_VALUE; t++) {
            if (t != c && !Character.isSurrogate((char) t) && TextPatterns.fold((char) t) == fold
                    && itself.matches(String.valueOf((char) t))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Each BMP character's fold as RE2/J's case-insensitive matching sees it: {@link TextPatterns#fold(char)} when
     * RE2/J takes the character for that fold, else the character itself (then no phrase holds it: phrases hold
     * folds only, and it is not its own fold).
     */
    private static char[] foldTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char fold = TextPatterns.fold((char) c);
            boolean taken = fold == c || !Character.isSurrogate((char) c)
                    && Pattern.compile(Pattern.quote(String.valueOf(fold)), Pattern.CASE_INSENSITIVE)
                    .matches(String.valueOf((char) c));
            table[c] = taken ? fold : (char) c;
        }
        return table;
    }

    /** Which word edges each BMP character is ({@link #edges}); surrogates are read as whole code points. */
    private static byte[] edgeTable() {
        byte[] table = new byte[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate((char) c)) {
                table[c] = edges(c);
            }
        }
        return table;
    }
}
