package org.smtpdoctor.engine;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.rules.TextPatterns;
import org.smtpdoctor.wording.DrlWriter;
import org.smtpdoctor.wording.RuleFile;
import org.smtpdoctor.wording.RuleLayer;
import org.smtpdoctor.wording.RuleWording;
import org.smtpdoctor.wording.WordingRule;

/**
 * The last layer before unknown.*: a text no rule, code or stage recognised, that holds nearly all of one
 * wording's letters close together, is taken for that wording said another way: with other word endings (a
 * Turkish or Polish inflection), a word more or less, another word order, a translator's variant. Measured by
 * letter trigrams within words: the share of the wording's trigrams, each weighed by how rare it is among all
 * wordings, that the text holds within a stretch not much longer than the wording.
 *
 * <p>Only provider and concept wordings written as text, of two words or more (two that weigh about two words, or
 * three or more) and without digits, take part, of
 * rules with no condition on enhanced code, stage or exception whose code conditions hold without a code; every
 * word of the wording must be there in good part ({@link #WORD_SHARE}). The {@code unless} wordings of every rule of
 * the category keep a text out of it. The work is bounded by the text's length (the parser's cap) and the number of wordings.
 */
final class NearWordings {
    /** The share of a wording's weight a text must hold. */
    private static final double SHARE = 0.8;
    /**
     * The least weight a wording of fewer than {@link #WORDS_ENOUGH} words must have to be matched nearly: about two
     * words. A single word said another way is too often another word.
     */
    private static final double MIN_WEIGHT = 40;
    /**
     * A wording of this many words or more takes part whatever its weight: three words said nearly are no single word
     * said another way. Session 33: "no such user" weighs 40.0, the rarities of its common words, and left the layer
     * whenever unrelated wordings were added (a weight is a sum of rarities among all wordings).
     */
    private static final int WORDS_ENOUGH = 3;
    private static final Pattern EMPTY_QUOTATION = Pattern.compile("\"\"|''|«»|“”|„“");
    /** How far apart the held trigrams may lie: twice the wording's length and a few letters more. */
    private static final int SLACK = 20;

    /** The share of each of the wording's words the text must hold: no word of it may be missing. */
    private static final double WORD_SHARE = 0.6;

    /**
     * A wording rule as the layer needs it; {@code guardIds}: the {@code unless} of every rule of its category, since
     * a guard says which texts are not the category, and a text said nearly has no rule of its own to be guarded by.
     */
    private record Rule(String category, RuleRef ref, Set<String> guardIds) {
    }

    /**
     * One wording: its rule, its trigram ids, the word of the wording each belongs to, their weight, each word's
     * weight, and the wording's length in letters.
     */
    private record Entry(int rule, String written, int line, int[] features, int[] wordOf, double weight,
                         double[] wordWeights, int length) {
    }

    /**
     * Each thread's marks, reused from text to text, one bit for each trigram the text holds and each wording taken
     * for a close look, cleared bit by bit once the text is read. Bits, not a mark per entry: the layer looks them up
     * in random order, and 2 KB of trigrams and 5 KB of wordings stay in the processor's nearest cache where arrays of
     * ints (60 and 160 KB) cost a cache miss on each look-up of a text whose neighbours were other texts.
     */
    private static final class Scratch {
        private long[] held = new long[0];
        private long[] taken = new long[0];

        Scratch fit(int features, int entries) {
            if (held.length << 6 < features || taken.length << 6 < entries) {
                held = new long[(features + 63) >>> 6];
                taken = new long[(entries + 63) >>> 6];
            }
            return this;
        }
    }

    private static boolean isSet(long[] bits, int i) {
        return (bits[i >>> 6] & 1L << i) != 0;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The category of the wording a text says nearly, and where that wording is written (its name says how much). */
    record Near(String category, RuleRef wording) {
    }

    private final TextPatterns patterns;
    private final List<Rule> rules;
    private final Entry[] entries;
    /** Each trigram's id: a map of primitives, as a boxed key costs a cache miss of its own on every look-up. */
    private final LongIntHashMap featureIds;
    private final double[] idf;
    /**
     * The wordings listed under each trigram ({@link #keyTrigrams}), all trigrams' lists in one array, trigram
     * {@code f}'s from {@code listedAt[f]} to {@code listedAt[f + 1]}. Each listing is a record with what the first
     * look needs, so that walking a list reads memory in order (a look-up per wording in arrays of all wordings cost a
     * cache miss each, most of the layer's time on a text whose neighbours in a log are other texts): the wording, the
     * record's length, then for each of its other words the number of its keys and the keys.
     */
    private final int[] listed;
    private final int[] listedAt;

    private NearWordings(TextPatterns patterns, List<Rule> rules, Entry[] entries, LongIntHashMap featureIds,
                         double[] idf, int[] listed, int[] listedAt) {
        this.patterns = patterns;
        this.rules = rules;
        this.entries = entries;
        this.featureIds = featureIds;
        this.idf = idf;
        this.listed = listed;
        this.listedAt = listedAt;
    }

    /** The layer over every eligible wording of {@code files}; ties go to the rule that ranks first. */
    static NearWordings of(List<RuleFile> files, Taxonomy taxonomy, TextPatterns patterns) {
        record Written(Rule rule, RuleLayer layer, int precedence, String file, int ruleLine, List<RuleWording> says) {
        }
        /** A wording before the trigrams' rarity is known: its trigram ids in order of first occurrence, with their words. */
        record Unweighed(int rule, String written, int line, int[] features, int[] wordOf, int length) {
        }
        List<Written> written = new ArrayList<>();
        for (RuleFile file : files) {
            String category = file.category().toString();
            Set<String> guards = new HashSet<>();
            for (int i = 0; i < file.rules().size(); i++) {
                if (!file.rules().get(i).unless().isEmpty()) {
                    guards.add(DrlWriter.unlessId(category, i + 1));
                }
            }
            Set<String> guardIds = Set.copyOf(guards);
            for (int i = 0; i < file.rules().size(); i++) {
                WordingRule r = file.rules().get(i);
                if (r.layer() == RuleLayer.STAGE || !r.enhanced().isEmpty() || !r.stages().isEmpty()
                        || !r.exceptions().isEmpty() || r.says().isEmpty() || !holdsWithoutCode(r)) {
                    continue;
                }
                Rule rule = new Rule(category, new RuleRef(DrlWriter.ruleName(category, r), file.file(), r.line()),
                        guardIds);
                written.add(new Written(rule, r.layer(), taxonomy.get(category).precedence(), file.file(), r.line(), r.says()));
            }
        }
        // The order that decides ties is the exact wordings' (LayeredDecision.rank): layer, category, file, line.
        written.sort(Comparator.comparing(Written::layer).thenComparingInt(Written::precedence)
                .thenComparing(Written::file).thenComparingInt(Written::ruleLine));
        List<Rule> rules = new ArrayList<>();
        List<Unweighed> entries = new ArrayList<>();
        LongIntHashMap featureIds = new LongIntHashMap();
        IntArrayList df = new IntArrayList();
        for (Written w : written) {
            rules.add(w.rule());
            for (RuleWording says : w.says()) {
                String letters = withoutPlaceholders(says.wording().written());
                Trigrams trigrams = Trigrams.of(letters);
                // A number in a wording (a code, a provider's id) or an empty quotation ("") is what it says; its
                // letters alone would lose it.
                if (says.wording().regex() || trigrams.words() < 2 || letters.chars().anyMatch(Character::isDigit)
                        || EMPTY_QUOTATION.matcher(letters).find()) {
                    continue;
                }
                Map<Long, Integer> byWord = trigrams.distinctByWord();
                int[] features = new int[byWord.size()];
                int k = 0;
                for (long trigram : byWord.keySet()) {
                    if (!featureIds.containsKey(trigram)) {
                        featureIds.put(trigram, df.size());
                        df.add(0);
                    }
                    features[k] = featureIds.get(trigram);
                    df.set(features[k], df.get(features[k]) + 1);
                    k++;
                }
                entries.add(new Unweighed(rules.size() - 1, says.wording().written(), says.line(), features,
                        byWord.values().stream().mapToInt(Integer::intValue).toArray(), trigrams.letters()));
            }
        }
        double[] idf = new double[df.size()];
        for (int f = 0; f < idf.length; f++) {
            idf[f] = Math.log((double) entries.size() / df.get(f));
        }
        // Each wording is listed under a few rare trigrams of one of its words, which a text holding WORD_SHARE of
        // that word holds some of (keyTrigrams): the lists are short, and the commonest trigrams' are never walked.
        IntArrayList[] byKey = new IntArrayList[idf.length];
        Arrays.setAll(byKey, f -> new IntArrayList());
        List<Entry> weighed = new ArrayList<>();
        IntArrayList record = new IntArrayList();
        for (Unweighed entry : entries) {
            int[] order = sortedByFeature(entry.features());
            int[] features = new int[order.length];
            int[] wordOf = new int[order.length];
            double weight = 0;
            double[] wordWeights = new double[Arrays.stream(entry.wordOf()).max().orElse(0) + 1];
            for (int k = 0; k < order.length; k++) {
                features[k] = entry.features()[order[k]];
                wordOf[k] = entry.wordOf()[order[k]];
                weight += idf[features[k]];
                wordWeights[wordOf[k]] += idf[features[k]];
            }
            if (weight < MIN_WEIGHT && Arrays.stream(wordWeights).filter(w -> w > 0).count() < WORDS_ENOUGH) {
                continue;
            }
            int[][] keys = keyTrigrams(features, wordOf, wordWeights, idf);
            int listedUnder = 0;
            for (int w = 1; w < keys.length; w++) {
                if (keys[listedUnder].length == 0 || keys[w].length > 0 && cost(keys[w], df) < cost(keys[listedUnder], df)) {
                    listedUnder = w;
                }
            }
            record.clear();
            record.add(weighed.size(), 0);
            for (int w = 0; w < keys.length; w++) {
                if (w != listedUnder) {
                    record.add(keys[w].length);
                    record.add(keys[w]);
                }
            }
            record.set(1, record.size());
            for (int f : keys[listedUnder]) {
                byKey[f].addAll(record);
            }
            weighed.add(new Entry(entry.rule(), entry.written(), entry.line(), features, wordOf, weight, wordWeights,
                    entry.length()));
        }
        IntArrayList listed = new IntArrayList();
        int[] listedAt = new int[idf.length + 1];
        for (int f = 0; f < idf.length; f++) {
            listedAt[f] = listed.size();
            listed.addAll(byKey[f]);
        }
        listedAt[idf.length] = listed.size();
        return new NearWordings(patterns, List.copyOf(rules), weighed.toArray(Entry[]::new), featureIds, idf,
                listed.toArray(), listedAt);
    }

    /**
     * Each word's keys: its rarest trigrams until they weigh more than the {@code 1 - WORD_SHARE} of the word a text
     * may miss. A text holding {@link #WORD_SHARE} of every word holds a key of each, so a wording is listed under the
     * keys of one word (the one in the fewest wordings: the rarer, the fewer texts look at it) and no wording the
     * layer could answer is lost; the other words' keys are the first, cheap look.
     */
    private static int[][] keyTrigrams(int[] features, int[] wordOf, double[] wordWeights, double[] idf) {
        Integer[] rarestFirst = IntStream.range(0, features.length).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> -idf[features[k]])).toArray(Integer[]::new);
        int[][] keys = new int[wordWeights.length][];
        for (int w = 0; w < wordWeights.length; w++) {
            if (wordWeights[w] <= 0) { // a word in every wording asks nothing of a text
                keys[w] = new int[0];
                continue;
            }
            double missable = (1 - WORD_SHARE + 1e-9) * wordWeights[w];
            double weight = 0;
            List<Integer> word = new ArrayList<>();
            for (int k : rarestFirst) {
                if (wordOf[k] == w && weight <= missable) {
                    word.add(features[k]);
                    weight += idf[features[k]];
                }
            }
            keys[w] = word.stream().mapToInt(Integer::intValue).toArray();
        }
        return keys;
    }

    /** How many wordings' lists hold these trigrams. */
    private static long cost(int[] trigrams, IntArrayList df) {
        return Arrays.stream(trigrams).mapToLong(df::get).sum();
    }

    /**
     * Whether the text (its trigrams' bits set in {@code held}) holds a key of every other word of the
     * wording listed at {@code record} in {@link #listed} (of the word it is listed under it holds one).
     */
    private boolean keyOfEveryOtherWord(int record, long[] held) {
        int end = record + listed[record + 1];
        for (int at = record + 2; at < end; ) {
            int keys = listed[at++];
            boolean found = keys == 0;
            for (int k = at; k < at + keys && !found; k++) {
                found = isSet(held, listed[k]);
            }
            if (!found) {
                return false;
            }
            at += keys;
        }
        return true;
    }

    /** The positions of {@code features} in ascending order of feature id. */
    private static int[] sortedByFeature(int[] features) {
        return IntStream.range(0, features.length).boxed()
                .sorted(Comparator.comparingInt(k -> features[k])).mapToInt(Integer::intValue).toArray();
    }

    /** Whether the rule's code conditions hold for a text without a reply code, the only texts this layer reads. */
    private static boolean holdsWithoutCode(WordingRule rule) {
        return (rule.codes() == null || rule.codes().contains(0)) && (rule.notCodes() == null || !rule.notCodes().contains(0));
    }

    /** A wording's letters without its placeholders, which stand for what varies. */
    private static String withoutPlaceholders(String written) {
        return written.replace("{{", "").replace("}}", "").replaceAll("\\{[^{}]*}", " ");
    }

    /**
     * The wording {@code text} says nearly, or null: the one of the largest share (at least {@link #SHARE}), then the
     * heavier, then the first by rule order; for a text without a reply code (a rule limited to codes takes no part).
     */
    Near nearest(String text) {
        Trigrams trigrams = Trigrams.of(text);
        int[] gramIds = trigrams.ids(featureIds);
        Scratch scratch = SCRATCH.get().fit(idf.length, entries.length);
        long[] held = scratch.held;
        int[] present = new int[gramIds.length];
        int distinct = 0;
        for (int f : gramIds) {
            if (f >= 0 && !isSet(held, f)) {
                held[f >>> 6] |= 1L << f;
                present[distinct++] = f;
            }
        }
        long[] taken = scratch.taken;
        int[] candidates = new int[8];
        int kept = 0;
        try {
            // The wordings listed under a trigram the text holds that hold a key of every word: the few to look at
            // closely.
            for (int i = 0; i < distinct; i++) {
                for (int at = listedAt[present[i]], end = listedAt[present[i] + 1]; at < end; at += listed[at + 1]) {
                    int e = listed[at];
                    if (keyOfEveryOtherWord(at, held) && !isSet(taken, e)) {
                        taken[e >>> 6] |= 1L << e;
                        if (kept == candidates.length) {
                            candidates = Arrays.copyOf(candidates, kept * 2);
                        }
                        candidates[kept++] = e;
                    }
                }
            }
            return nearestOf(text, candidates, kept, held, gramIds, trigrams);
        } finally {
            // Whole words: every bit set in them is this text's.
            for (int i = 0; i < distinct; i++) {
                held[present[i] >>> 6] = 0;
            }
            for (int c = 0; c < kept; c++) {
                taken[candidates[c] >>> 6] = 0;
            }
        }
    }

    /** Of the wordings {@code candidates[0, kept)}, the one the text says nearly, as {@link #nearest}, or null. */
    private Near nearestOf(String text, int[] candidates, int kept, long[] held, int[] gramIds, Trigrams trigrams) {
        // In rule order, so that of wordings alike in share and weight the first rule's is kept.
        Arrays.sort(candidates, 0, kept);
        int best = -1;
        double bestShare = 0;
        // Per category (its guards' set), whether the text says one of its guards: read once a wording of it needs it,
        // and only its own guards' patterns confirmed.
        Map<Set<String>, Boolean> guardedOut = new IdentityHashMap<>();
        long[] inOrder = null; // the text's trigrams in the text's order, sorted once a wording needs them
        for (int c = 0; c < kept; c++) {
            int e = candidates[c];
            Entry entry = entries[e];
            double[] heldByWord = new double[entry.wordWeights().length];
            double weightHeld = 0;
            for (int k = 0; k < entry.features().length; k++) {
                if (isSet(held, entry.features()[k])) {
                    weightHeld += idf[entry.features()[k]];
                    heldByWord[entry.wordOf()[k]] += idf[entry.features()[k]];
                }
            }
            double share = weightHeld / entry.weight();
            if (share < SHARE || (best >= 0 && !better(entry, share, entries[best], bestShare))
                    || !everyWord(entry, heldByWord)) {
                continue;
            }
            if (inOrder == null) {
                inOrder = inTextOrder(gramIds, trigrams);
            }
            if (!closeTogether(entry, gramIds, inOrder)) {
                continue;
            }
            Set<String> ruleGuards = rules.get(entry.rule()).guardIds();
            if (ruleGuards.isEmpty()
                    || !guardedOut.computeIfAbsent(ruleGuards, guards -> !patterns.occurring(text, guards).isEmpty())) {
                best = e;
                bestShare = share;
            }
        }
        if (best < 0) {
            return null;
        }
        Entry entry = entries[best];
        Rule rule = rules.get(entry.rule());
        // Concatenated, not String.format (a third of choosing the nearest); Math.round rounds half up as %.0f did.
        String name = rule.ref().name() + ", said nearly: '" + entry.written() + "' (" + Math.round(100 * bestShare) + "%)";
        return new Near(rule.category(), new RuleRef(name, rule.ref().file(), entry.line()));
    }

    /**
     * The text's trigrams that some wording has, as {@code position << 32 | index} sorted: in the order they stand
     * in the text (a spaceless script's pair is listed after its second letter but starts at its first).
     */
    private static long[] inTextOrder(int[] gramIds, Trigrams trigrams) {
        long[] order = new long[gramIds.length];
        int count = 0;
        for (int g = 0; g < gramIds.length; g++) {
            if (gramIds[g] >= 0) {
                order[count++] = (long) trigrams.position(g) << 32 | g;
            }
        }
        Arrays.sort(order, 0, count);
        return count == order.length ? order : Arrays.copyOf(order, count);
    }

    private static boolean better(Entry entry, double share, Entry best, double bestShare) {
        if (share != bestShare) {
            return share > bestShare;
        }
        if (entry.weight() != best.weight()) {
            return entry.weight() > best.weight();
        }
        return entry.rule() < best.rule();
    }

    /** Whether the text holds {@link #WORD_SHARE} of each word of the wording ({@code held}: the weight held, by word). */
    private static boolean everyWord(Entry entry, double[] held) {
        for (int w = 0; w < held.length; w++) {
            if (held[w] < WORD_SHARE * entry.wordWeights()[w]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@link #SHARE} of the wording's weight, and {@link #WORD_SHARE} of each of its words, lie in the text
     * within a stretch of at most twice its length and {@link #SLACK} letters: the shortest such stretch, found by
     * sliding over the positions in order ({@code inOrder}: the text's known trigrams as {@link #inTextOrder} gives
     * them). Each word within the stretch, not anywhere in the text: "user not local" is not said by a path
     * "/usr/local" after "does not exist" with a "dovecot_user" far before them.
     */
    private boolean closeTogether(Entry entry, int[] gramIds, long[] inOrder) {
        int[] features = entry.features();
        // The wording's trigrams in the text, in the text's order, as (position, place in the wording's features).
        long[] found = new long[inOrder.length];
        int count = 0;
        for (long at : inOrder) {
            int k = Arrays.binarySearch(features, gramIds[(int) at]);
            if (k >= 0) {
                found[count++] = at & ~0xFFFF_FFFFL | k;
            }
        }
        double needed = SHARE * entry.weight();
        int longest = 2 * entry.length() + SLACK;
        int[] inWindow = new int[features.length];
        double[] byWord = new double[entry.wordWeights().length];
        double weight = 0;
        int start = 0;
        for (int end = 0; end < count; end++) {
            int k = (int) found[end];
            if (inWindow[k]++ == 0) {
                weight += idf[features[k]];
                byWord[entry.wordOf()[k]] += idf[features[k]];
            }
            while (weight >= needed && everyWord(entry, byWord)) {
                if ((found[end] >>> 32) + 3 - (found[start] >>> 32) <= longest) {
                    return true;
                }
                int first = (int) found[start++];
                if (--inWindow[first] == 0) {
                    weight -= idf[features[first]];
                    byWord[entry.wordOf()[first]] -= idf[features[first]];
                }
            }
        }
        return false;
    }
}
