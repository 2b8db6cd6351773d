package org.smtpdoctor.samples;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.engine.Basis;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problem;

/**
 * The rules measured on the held-out set: each case is diagnosed and compared with its hand label, and the
 * share that is exactly right, right in the family and fallen back to {@code unknown.*} is counted overall
 * (and, apart, the share of the texts that name a cause which still got {@code unknown.*}: a text labelled
 * {@code unknown.*} that gets {@code unknown.*} is a right answer, not a fallback),
 * per kind of source, per language (and for all non-English texts together), per expected family and per
 * file, with the layer that decided. A case whose label is no category of the rules in use is reported as a
 * problem, not counted: a renamed category must not silently turn into misses.
 */
public final class HeldOutEvaluation {
    /** The language the figure for "non-English" leaves out. */
    private static final String ENGLISH = "en";

    /** Counts of one group of cases. */
    public record Tally(int cases, int exact, int family, int unknown, int caused, int causeMissed) {
        static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0);

        Tally plus(Outcome o) {
            return new Tally(cases + 1, exact + (o.exact() ? 1 : 0), family + (o.family() ? 1 : 0),
                    unknown + (o.unknown() ? 1 : 0), caused + (o.labelNamesCause() ? 1 : 0),
                    causeMissed + (o.labelNamesCause() && o.unknown() ? 1 : 0));
        }

        Tally plus(Tally o) {
            return new Tally(cases + o.cases, exact + o.exact, family + o.family, unknown + o.unknown,
                    caused + o.caused, causeMissed + o.causeMissed);
        }

        /** Share of cases with exactly the expected category, 0 when there are none. */
        public double exactRate() {
            return rate(exact);
        }

        /** Share of cases whose category is in the expected family. */
        public double familyRate() {
            return rate(family);
        }

        /** Share of cases that fell back to {@code unknown.*}. */
        public double unknownRate() {
            return rate(unknown);
        }

        /**
         * Share of the cases whose label names a cause (not {@code unknown.*}) that still got {@code unknown.*}: the
         * fallback proper, since the texts that name no cause are answered right by {@code unknown.*}.
         */
        public double fallbackRate() {
            return caused == 0 ? 0 : (double) causeMissed / caused;
        }

        private double rate(int count) {
            return cases == 0 ? 0 : (double) count / cases;
        }
    }

    /** One diagnosed case: what the rules concluded, on which basis, against the label. */
    public record Outcome(HeldOutCase sample, String category, Basis basis) {
        /** The category is exactly the label. */
        public boolean exact() {
            return category.equals(sample.expect());
        }

        /** The category is in the label's family. */
        public boolean family() {
            return familyOf(category).equals(familyOf(sample.expect()));
        }

        /** The rules fell back to {@code unknown.*}. */
        public boolean unknown() {
            return Taxonomy.isFallback(category);
        }

        /** The label names a cause: it is no {@code unknown.*} category. */
        public boolean labelNamesCause() {
            return !Taxonomy.isFallback(sample.expect());
        }
    }

    private final List<Outcome> outcomes;
    private final List<Problem> problems;

    private HeldOutEvaluation(List<Outcome> outcomes, List<Problem> problems) {
        this.outcomes = outcomes;
        this.problems = problems;
    }

    /** Diagnoses every case with {@code diagnoser}; a label the taxonomy lacks becomes a problem. */
    public static HeldOutEvaluation run(Diagnoser diagnoser, List<HeldOutCase> cases) {
        Taxonomy taxonomy = diagnoser.taxonomy();
        List<Outcome> outcomes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (HeldOutCase c : cases) {
            if (!taxonomy.contains(c.expect())) {
                problems.add(Problem.error(c.file(), c.line(), 0, "expect: '" + c.expect()
                        + "' is no category of the rules in use"));
                continue;
            }
            Diagnosis d = diagnoser.diagnose(c.text());
            outcomes.add(new Outcome(c, d.category(), d.basis()));
        }
        return new HeldOutEvaluation(outcomes, problems);
    }

    /** Every counted case with what the rules said, in the set's order. */
    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Labels that name no category (those cases are not counted). */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** All counted cases. */
    public Tally all() {
        return outcomes.stream().reduce(Tally.NONE, Tally::plus, Tally::plus);
    }

    /** Per kind of source (provider, mta, client-library). */
    public Map<String, Tally> byKind() {
        return group(o -> o.sample().kind());
    }

    /** Per language of the text. */
    public Map<String, Tally> byLanguage() {
        return group(o -> o.sample().language());
    }

    /** All texts in a language other than English. */
    public Tally nonEnglish() {
        return outcomes.stream().filter(o -> !o.sample().language().equals(ENGLISH))
                .reduce(Tally.NONE, Tally::plus, Tally::plus);
    }

    /** Per family of the expected category. */
    public Map<String, Tally> byFamily() {
        return group(o -> familyOf(o.sample().expect()));
    }

    /** Per family of the expected category, the English texts alone (the rest of a family's cases are in other languages). */
    public Map<String, Tally> byFamilyInEnglish() {
        return group(outcomes.stream().filter(o -> o.sample().language().equals(ENGLISH)).toList(),
                o -> familyOf(o.sample().expect()));
    }

    /** Per case file. */
    public Map<String, Tally> byFile() {
        return group(o -> o.sample().file());
    }

    /** The cases each layer decided, and how often it was right (layers that decided none left out). */
    public Map<Basis, Tally> byBasis() {
        Map<Basis, Tally> tallies = new EnumMap<>(Basis.class); // in the layers' order
        outcomes.forEach(o -> tallies.merge(o.basis(), Tally.NONE.plus(o), Tally::plus));
        return tallies;
    }

    /** The cases not exactly right. */
    public List<Outcome> misses() {
        return outcomes.stream().filter(o -> !o.exact()).toList();
    }

    /**
     * The figures as a table: overall, per kind, non-English, per language, per family (all, then English alone), per
     * file, per layer that decided (how often each layer is right when it decides).
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-26s %5s %8s %8s %9s %9s", "held-out set", "cases", "exact", "family", "unknown",
                "fallback"));
        lines.add(line("all", all()));
        byKind().forEach((k, t) -> lines.add(line("kind " + k, t)));
        lines.add(line("non-English", nonEnglish()));
        byLanguage().forEach((k, t) -> lines.add(line("language " + k, t)));
        byFamily().forEach((k, t) -> lines.add(line("family " + k, t)));
        byFamilyInEnglish().forEach((k, t) -> lines.add(line("family " + k + ", English", t)));
        byFile().forEach((k, t) -> lines.add(line("file " + k, t)));
        byBasis().forEach((b, t) -> lines.add(line("decided by " + b.id(), t)));
        return lines;
    }

    /**
     * The misses counted per pair of expected and given category and the layer that gave it, most frequent first,
     * English and other languages apart: where the rules go wrong, without the texts (so it can steer work without
     * spoiling the set).
     */
    public List<String> confusionLines() {
        Map<String, Integer> pairs = new TreeMap<>();
        misses().forEach(o -> pairs.merge(String.format("%-8s %-34s -> %-34s (%s)",
                o.sample().language().equals("en") ? "English" : "other", o.sample().expect(), o.category(),
                o.basis().id()), 1, Integer::sum));
        return pairs.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> String.format("%4d  %s", e.getValue(), e.getKey())).toList();
    }

    /** One line per miss: where, the label, what the rules said and on which layer, the text. */
    public List<String> missLines() {
        return misses().stream().map(o -> o.sample().file() + ":" + o.sample().line() + ": [" + o.sample().kind()
                + ", " + o.sample().language() + "] expected " + o.sample().expect() + ", got " + o.category()
                + " (" + o.basis().id() + "): " + o.sample().text()).toList();
    }

    private static String line(String label, Tally t) {
        return String.format("%-26s %5d %7.1f%% %7.1f%% %8.1f%% %8.1f%%", label, t.cases(), 100 * t.exactRate(),
                100 * t.familyRate(), 100 * t.unknownRate(), 100 * t.fallbackRate());
    }

    private Map<String, Tally> group(Function<Outcome, String> key) {
        return group(outcomes, key);
    }

    private static Map<String, Tally> group(List<Outcome> outcomes, Function<Outcome, String> key) {
        Map<String, Tally> groups = new TreeMap<>();
        outcomes.forEach(o -> groups.merge(key.apply(o), Tally.NONE.plus(o), Tally::plus));
        return groups;
    }

    /** The family of a category id, or the id itself when it is none (a label is checked against the taxonomy apart). */
    static String familyOf(String category) {
        return CategoryId.parse(category).map(CategoryId::family).orElse(category);
    }
}
