package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    static final double SHARE = 0.8;
    /**
     * The least weight a wording must have to be matched nearly: about two words. A single word said another way is
     * too often another word.
     */
    static final double MIN_WEIGHT = 40;
    private static final java.util.regex.Pattern EMPTY_QUOTATION = java.util.regex.Pattern.compile("\"\"|''|«»|“”|„“");
    /** How far apart the held trigrams may lie: twice the wording's length and a few letters more. */
    private static final int SLACK = 20;

    /** The share of each of the wording's words the text must hold: no word of it may be missing. */
    static final double WORD_SHARE = 0.6;

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

    /** The wording a text says nearly, and how much of it. */
    record Near(String category, RuleRef wording, String written, double share) {
    }

    private final TextPatterns patterns;
    private final Set<String> allGuardIds;
    private final List<Rule> rules;
    private final Entry[] entries;
    private final Map<Long, Integer> featureIds;
    private final double[] idf;
    private final int[][] postings;

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
    }

    /** The layer over every eligible wording of {@code files}; ties go to the rule that ranks first. */
    static NearWordings of(List<RuleFile> files, Taxonomy taxonomy, TextPatterns patterns) {
        record Written(Rule rule, RuleLayer layer, int precedence, String file, int ruleLine, List<RuleWording> says) {
        }
        List<Written> written = new ArrayList<>();
        for (RuleFile file : files) {
            String category = file.category().toString();
            Set<String> guardIds = new HashSet<>();
            for (int i = 0; i < file.rules().size(); i++) {
                if (!file.rules().get(i).unless().isEmpty()) {
                    guardIds.add(DrlWriter.unlessId(category, i + 1));
                }
            }
            for (int i = 0; i < file.rules().size(); i++) {
                WordingRule r = file.rules().get(i);
                if (r.layer() == RuleLayer.STAGE || !r.enhanced().isEmpty() || !r.stages().isEmpty()
                        || !r.exceptions().isEmpty() || r.says().isEmpty() || !holdsWithoutCode(r)) {
                    continue;
                }
                Rule rule = new Rule(category, new RuleRef(DrlWriter.ruleName(category, r), file.file(), r.line()),
                        Set.copyOf(guardIds));
                written.add(new Written(rule, r.layer(), taxonomy.get(category).precedence(), file.file(), r.line(), r.says()));
            }
        }
        // The order that decides ties is the exact wordings' (LayeredDecision.rank): layer, category, file, line.
        written.sort(Comparator.comparing(Written::layer).thenComparingInt(Written::precedence)
                .thenComparing(Written::file).thenComparingInt(Written::ruleLine));
        List<Rule> rules = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
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
                int[] features = trigrams.distinct().stream().mapToInt(t -> featureIds.computeIfAbsent(t, k -> {
                    df.add(0);
                    return df.size() - 1;
                })).toArray();
                for (int f : features) {
                    df.set(f, df.get(f) + 1);
                }
                entries.add(new Entry(rules.size() - 1, says.wording().written(), says.line(), features,
                        trigrams.wordOfDistinct(), 0, null, trigrams.letters()));
            }
        }
        double[] idf = new double[df.size()];
        for (int f = 0; f < idf.length; f++) {
            idf[f] = Math.log((double) entries.size() / df.get(f));
        }
        int[] filled = new int[idf.length];
        int[][] postings = new int[idf.length][];
        for (int f = 0; f < idf.length; f++) {
            postings[f] = new int[df.get(f)];
        }
        Entry[] weighed = new Entry[entries.size()];
        for (int e = 0; e < weighed.length; e++) {
            Entry entry = entries.get(e);
            double weight = 0;
            double[] wordWeights = new double[Arrays.stream(entry.wordOf()).max().orElse(0) + 1];
            for (int k = 0; k < entry.features().length; k++) {
                int f = entry.features()[k];
                weight += idf[f];
                wordWeights[entry.wordOf()[k]] += idf[f];
                postings[f][filled[f]++] = e;
            }
            weighed[e] = new Entry(entry.rule(), entry.written(), entry.line(), entry.features(), entry.wordOf(), weight,
                    wordWeights, entry.length());
        }
        return new NearWordings(patterns, List.copyOf(rules), weighed, Map.copyOf(featureIds), idf, postings);
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
        Map<Integer, int[]> positions = new LinkedHashMap<>();
        trigrams.forEach((trigram, position) -> {
            Integer f = featureIds.get(trigram);
            if (f != null) {
                positions.merge(f, new int[] {position}, NearWordings::append);
            }
        });
        double[] held = new double[entries.length];
        List<Integer> touched = new ArrayList<>();
        for (int f : positions.keySet()) {
            for (int e : postings[f]) {
                if (held[e] == 0) {
                    touched.add(e);
                }
                held[e] += idf[f];
            }
        }
        int best = -1;
        double bestShare = 0;
        Set<String> guards = null; // the guards the text says, read once a wording needs them
        for (int e : touched) {
            Entry entry = entries[e];
            double share = held[e] / entry.weight();
            if (entry.weight() < MIN_WEIGHT || share < SHARE || (best >= 0 && !better(entry, share, entries[best], bestShare))) {
                continue;
            }
            Rule rule = rules.get(entry.rule());
            if (!everyWord(entry, positions) || !closeTogether(entry, positions)) {
                continue;
            }
            if (guards == null) {
                guards = patterns.occurring(text, allGuardIds);
            }
            if (Collections.disjoint(guards, rule.guardIds())) {
                best = e;
                bestShare = share;
            }
        }
        if (best < 0) {
            return null;
        }
        Entry entry = entries[best];
        Rule rule = rules.get(entry.rule());
        String name = String.format(java.util.Locale.ROOT, "%s, said nearly: '%s' (%.0f%%)", rule.ref().name(),
                entry.written(), 100 * bestShare);
        return new Near(rule.category(), new RuleRef(name, rule.ref().file(), entry.line()), entry.written(), bestShare);
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

    /** Whether the text holds {@link #WORD_SHARE} of each word of the wording. */
    private boolean everyWord(Entry entry, Map<Integer, int[]> positions) {
        double[] held = new double[entry.wordWeights().length];
        for (int k = 0; k < entry.features().length; k++) {
            if (positions.containsKey(entry.features()[k])) {
                held[entry.wordOf()[k]] += idf[entry.features()[k]];
            }
        }
        for (int w = 0; w < held.length; w++) {
            if (held[w] < WORD_SHARE * entry.wordWeights()[w]) {
                return false;
            }
        }
        return true;
    }

    private static int[] append(int[] known, int[] more) {
        int[] all = Arrays.copyOf(known, known.length + more.length);
        System.arraycopy(more, 0, all, known.length, more.length);
        return all;
    }

    /**
     * Whether {@link #SHARE} of the wording's weight lies in the text within a stretch of at most twice its length
     * and {@link #SLACK} letters: the shortest such stretch, found by sliding over the positions in order.
     */
    private boolean closeTogether(Entry entry, Map<Integer, int[]> positions) {
        List<long[]> found = new ArrayList<>(); // {position, feature}
        for (int f : entry.features()) {
            int[] at = positions.get(f);
            if (at != null) {
                for (int p : at) {
                    found.add(new long[] {p, f});
                }
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
