package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * <p>Only provider and concept wordings written as text, of two words or more and without digits, take part, of
 * rules with no condition on enhanced code, stage or exception whose code conditions hold without a code; every
 * word of the wording must be there in good part ({@link #WORD_SHARE}). The {@code unless} wordings of every rule of
 * the category keep a text out of it. The work is bounded by the text's length (the parser's cap) and the number of wordings.
 */
final class NearWordings {
    /** The share of a wording's weight a text must hold. */
    private static final double SHARE = 0.8;
    /**
     * The least weight a wording must have to be matched nearly: about two words. A single word said another way is
     * too often another word.
     */
    private static final double MIN_WEIGHT = 40;
    private static final Pattern EMPTY_QUOTATION = Pattern.compile("\"\"|''|«»|“”|„“");
    /**
     * How much of a wording's weight its prefix holds (its rarest trigrams, by which it is found): more than the
     * 1 - {@link #SHARE} a text may miss, so that no wording is lost, and as much again, so that a wording is looked
     * at closely only when the text holds a good part of its rare trigrams (measured best of 0.2, 0.4, 0.6, 0.8).
     */
    private static final double PREFIX = 0.6;
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
                         double[] wordWeights, int length, double prefixWeight) {
    }

    /** Each thread's tallies, reused from text to text: a wording's held prefix weight, and which were touched. */
    private static final class Scratch {
        private float[] prefixHeld = new float[0];
        private int[] touched = new int[256];

        float[] prefixHeld(int entries) {
            if (prefixHeld.length < entries) {
                prefixHeld = new float[entries];
            }
            return prefixHeld;
        }

        int[] touched() {
            return touched;
        }

        int[] grow() {
            touched = Arrays.copyOf(touched, touched.length * 2);
            return touched;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The category of the wording a text says nearly, and where that wording is written (its name says how much). */
    record Near(String category, RuleRef wording) {
    }

    private final TextPatterns patterns;
    private final Set<String> allGuardIds;
    private final List<Rule> rules;
    private final Entry[] entries;
    private final Map<Long, Integer> featureIds;
    private final double[] idf;
    private final int[][] postings;
    /**
     * Per wording, the prefix weight a text must hold for the wording to reach {@link #SHARE} with all the rest
     * (less a rounding margin: the close look decides exactly), in an array of its own so that the filter reads no
     * wording's record.
     */
    private final float[] needed;

    private NearWordings(TextPatterns patterns, List<Rule> rules, Entry[] entries, Map<Long, Integer> featureIds,
                         double[] idf, int[][] postings) {
        this.patterns = patterns;
        Set<String> guards = new HashSet<>();
        rules.forEach(r -> guards.addAll(r.guardIds()));
        this.allGuardIds = Set.copyOf(guards);
        this.rules = rules;
        this.entries = entries;
        this.featureIds = featureIds;
        this.idf = idf;
        this.postings = postings;
        this.needed = new float[entries.length];
        for (int e = 0; e < entries.length; e++) {
            needed[e] = (float) (entries[e].prefixWeight() - (1 - SHARE) * entries[e].weight()) - 1e-3f;
        }
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
        Map<Long, Integer> featureIds = new HashMap<>();
        List<Integer> df = new ArrayList<>();
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
                int[] features = byWord.keySet().stream().mapToInt(t -> featureIds.computeIfAbsent(t, k -> {
                    df.add(0);
                    return df.size() - 1;
                })).toArray();
                for (int f : features) {
                    df.set(f, df.get(f) + 1);
                }
                entries.add(new Unweighed(rules.size() - 1, says.wording().written(), says.line(), features,
                        byWord.values().stream().mapToInt(Integer::intValue).toArray(), trigrams.letters()));
            }
        }
        double[] idf = new double[df.size()];
        for (int f = 0; f < idf.length; f++) {
            idf[f] = Math.log((double) entries.size() / df.get(f));
        }
        // Each wording is found by its prefix: its rarest trigrams, more than the weight it may miss. A text holding
        // SHARE of a wording holds some of them, so the commonest trigrams' long lists are never walked.
        List<List<Integer>> byPrefix = new ArrayList<>();
        for (int f = 0; f < idf.length; f++) {
            byPrefix.add(new ArrayList<>());
        }
        List<Entry> weighed = new ArrayList<>();
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
            if (weight < MIN_WEIGHT) {
                continue;
            }
            int index = weighed.size();
            double missable = PREFIX * weight;
            double prefix = 0;
            for (int f : Arrays.stream(features).boxed().sorted(Comparator.comparingDouble((Integer g) -> -idf[g]))
                    .mapToInt(Integer::intValue).toArray()) {
                byPrefix.get(f).add(index);
                prefix += idf[f];
                if (prefix > missable) {
                    break;
                }
            }
            weighed.add(new Entry(entry.rule(), entry.written(), entry.line(), features, wordOf, weight, wordWeights,
                    entry.length(), prefix));
        }
        int[][] postings = byPrefix.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        return new NearWordings(patterns, List.copyOf(rules), weighed.toArray(Entry[]::new), Map.copyOf(featureIds), idf,
                postings);
    }

    /** The ids that are not -1, each once, ascending. */
    private static int[] distinctKnown(int[] ids) {
        int[] known = new int[ids.length];
        int n = 0;
        for (int id : ids) {
            if (id >= 0) {
                known[n++] = id;
            }
        }
        Arrays.sort(known, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || known[distinct - 1] != known[i]) {
                known[distinct++] = known[i];
            }
        }
        return Arrays.copyOf(known, distinct);
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
        int[] present = distinctKnown(gramIds);
        // The prefix weight each wording holds, and which wordings hold any: a wording whose held prefix and whole
        // rest together fall short of SHARE needs no closer look.
        Scratch scratch = SCRATCH.get();
        float[] prefixHeld = scratch.prefixHeld(entries.length);
        int[] touched = scratch.touched();
        int count = 0;
        for (int f : present) {
            for (int e : postings[f]) {
                if (prefixHeld[e] == 0) {
                    if (count == touched.length) {
                        touched = scratch.grow();
                    }
                    touched[count++] = e;
                }
                prefixHeld[e] += (float) idf[f];
            }
        }
        int[] candidates = new int[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int e = touched[i];
            if (prefixHeld[e] >= needed[e]) {
                candidates[kept++] = e;
            }
            prefixHeld[e] = 0;
        }
        Arrays.sort(candidates, 0, kept);
        int best = -1;
        double bestShare = 0;
        Set<String> guards = null; // the guards the text says, read once a wording needs them
        for (int c = 0; c < kept; c++) {
            int e = candidates[c];
            Entry entry = entries[e];
            double[] heldByWord = new double[entry.wordWeights().length];
            double held = 0;
            for (int k = 0; k < entry.features().length; k++) {
                if (Arrays.binarySearch(present, entry.features()[k]) >= 0) {
                    held += idf[entry.features()[k]];
                    heldByWord[entry.wordOf()[k]] += idf[entry.features()[k]];
                }
            }
            double share = held / entry.weight();
            if (share < SHARE || (best >= 0 && !better(entry, share, entries[best], bestShare))
                    || !everyWord(entry, heldByWord) || !closeTogether(entry, gramIds, trigrams)) {
                continue;
            }
            if (guards == null) {
                guards = patterns.occurring(text, allGuardIds);
            }
            if (Collections.disjoint(guards, rules.get(entry.rule()).guardIds())) {
                best = e;
                bestShare = share;
            }
        }
        if (best < 0) {
            return null;
        }
        Entry entry = entries[best];
        Rule rule = rules.get(entry.rule());
        String name = String.format(Locale.ROOT, "%s, said nearly: '%s' (%.0f%%)", rule.ref().name(),
                entry.written(), 100 * bestShare);
        return new Near(rule.category(), new RuleRef(name, rule.ref().file(), entry.line()));
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
     * Whether {@link #SHARE} of the wording's weight lies in the text within a stretch of at most twice its length
     * and {@link #SLACK} letters: the shortest such stretch, found by sliding over the positions in order.
     */
    private boolean closeTogether(Entry entry, int[] gramIds, Trigrams trigrams) {
        List<long[]> found = new ArrayList<>(); // {position, feature}, in the text's order
        for (int g = 0; g < gramIds.length; g++) {
            if (gramIds[g] >= 0 && Arrays.binarySearch(entry.features(), gramIds[g]) >= 0) {
                found.add(new long[] {trigrams.position(g), gramIds[g]});
            }
        }
        found.sort(Comparator.comparingLong(a -> a[0]));
        double needed = SHARE * entry.weight();
        int longest = 2 * entry.length() + SLACK;
        Map<Long, Integer> inWindow = new HashMap<>();
        double weight = 0;
        int start = 0;
        for (long[] end : found) {
            if (inWindow.merge(end[1], 1, Integer::sum) == 1) {
                weight += idf[(int) end[1]];
            }
            while (weight >= needed) {
                if (end[0] + 3 - found.get(start)[0] <= longest) {
                    return true;
                }
                long first = found.get(start++)[1];
                if (inWindow.merge(first, -1, Integer::sum) == 0) {
                    inWindow.remove(first);
                    weight -= idf[(int) first];
                }
            }
        }
        return false;
    }
}
