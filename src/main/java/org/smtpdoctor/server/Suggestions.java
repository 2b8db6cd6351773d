package org.smtpdoctor.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.samples.SampleLoader;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

/**
 * The categories a reply most likely belongs to, for Teach: ranked by the reply's similarity to the sample cases
 * of each category, shown with its closest samples so staff can confirm at a glance. Similarity is the Jaccard
 * index of word sets: words of two letters or more, plus reply and enhanced status codes (which say much about
 * the cause); numbers, addresses and hosts vary from reply to reply and are left out by taking letters only.
 * Simple and explainable, and good enough to put the right category in the first three for a reply worded like
 * a known one; a reply unlike any sample gets low scores, which the page shows as such.
 *
 * <p>The samples are read once and again after each save (a save adds one), never per request.
 */
final class Suggestions {
    private static final Pattern TOKENS = Pattern.compile("\\p{L}{2,}|\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b|\\b[245]\\d\\d\\b");

    /** How many of a category's closest samples a suggestion shows. */
    static final int SAMPLES_SHOWN = 2;

    /**
     * A likely category.
     *
     * @param category the category id
     * @param score    the similarity of its closest sample, 0 to 1
     * @param closest  its closest samples, closest first (at most {@link #SAMPLES_SHOWN})
     */
    record Suggestion(String category, double score, List<String> closest) {
    }

    private record Scored(Known sample, double score) {
    }

    private record Known(String category, String text, Set<String> words) {
    }

    private final Path samples;
    private volatile List<Known> known;

    Suggestions(Path samples) {
        this.samples = samples;
    }

    /** Forgets the samples read, so the next ranking reads them again (after a save). */
    void invalidate() {
        known = null;
    }

    /** The {@code n} likeliest categories for {@code text}, likeliest first. */
    List<Suggestion> rank(String text, int n) {
        Set<String> words = words(text);
        Map<String, List<Scored>> byCategory = new HashMap<>();
        for (Known k : known()) {
            byCategory.computeIfAbsent(k.category(), c -> new ArrayList<>()).add(new Scored(k, jaccard(words, k.words())));
        }
        List<Suggestion> ranked = new ArrayList<>();
        byCategory.forEach((category, scored) -> {
            scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(s -> s.sample().text()));
            ranked.add(new Suggestion(category, scored.get(0).score(), scored.stream().limit(SAMPLES_SHOWN)
                    .map(s -> s.sample().text()).toList()));
        });
        ranked.sort(Comparator.comparingDouble(Suggestion::score).reversed().thenComparing(Suggestion::category));
        return List.copyOf(ranked.subList(0, Math.min(n, ranked.size())));
    }

    private List<Known> known() {
        List<Known> list = known;
        if (list == null) {
            list = new ArrayList<>();
            if (samples != null && Files.isDirectory(samples)) {
                for (SampleCase c : SampleLoader.load(SourceTree.of(samples), new Problems())) {
                    if (!Taxonomy.isFallback(c.expect())) {
                        list.add(new Known(c.expect(), c.text(), words(c.text())));
                    }
                }
            }
            known = list;
        }
        return list;
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = TOKENS.matcher(text.length() > 4096 ? text.substring(0, 4096) : text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
