package org.smtpdoctor.authoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smtpdoctor.catalog.Category;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.engine.Basis;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Explanation;
import org.smtpdoctor.engine.RuleRef;
import org.smtpdoctor.engine.RuleSetCheck;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.wording.RuleWording;

/**
 * Checks the rules against the sample cases, which are what proves them:
 * <ul>
 *   <li>a case expecting a category that does not exist is an error at the case;</li>
 *   <li>a wording of a YAML rule that matches none of its own category's cases is an error at the wording: it
 *       was either never seen in a reply, or written differently from the reply it was meant for. Wordings are
 *       matched as the engine matches them, against the text the parser leaves (codes and prefixes removed);</li>
 *   <li>a rule that matches cases of another category is reported at the rule, with the cases, which rule
 *       wins there and why (the order of categories.yaml) and what to do: an error when it takes them (they do
 *       not get their category), a warning when only the order of categories.yaml keeps them;</li>
 *   <li>a hand-written DRL rule no case reaches is a warning (it is untested).</li>
 * </ul>
 */
final class SampleMatches {
    private SampleMatches() {
    }

    /** Problems of cases go to {@code sampleProblems}, of rules to {@code ruleProblems}. */
    static void check(List<SampleCase> cases, RuleSetCheck rules, Path samplesRoot, Problems sampleProblems,
                      Problems ruleProblems) {
        Taxonomy taxonomy = rules.catalog() == null ? null : rules.catalog().taxonomy();
        if (taxonomy != null) {
            for (SampleCase sample : cases) {
                if (!taxonomy.contains(sample.expect())) {
                    sampleProblems.error(sample.file(), sample.line(), 0, "the case expects category '" + sample.expect()
                            + "', which is not in categories.yaml: write an id listed there (or add the category)");
                }
            }
        }
        checkWordings(cases, rules, samplesRoot, ruleProblems);
        Diagnoser diagnoser = rules.diagnoser();
        if (diagnoser != null && taxonomy != null) {
            checkOtherCategories(cases, rules, diagnoser, taxonomy, samplesRoot, ruleProblems);
        }
    }

    private static void checkWordings(List<SampleCase> cases, RuleSetCheck rules, Path samplesRoot, Problems problems) {
        // Every wording of every YAML rule in one scan; a case proves the wordings of its category that occur in it.
        Map<String, Integer> indexes = new LinkedHashMap<>();
        for (RuleSetCheck.Rule rule : rules.rules()) {
            if (rule.yaml() != null) {
                rule.yaml().says().forEach(w -> indexes.putIfAbsent(w.wording().pattern(), indexes.size()));
            }
        }
        Function<String, BitSet> scan = RuleSetCheck.wordingScan(List.copyOf(indexes.keySet()));
        ReplyParser parser = new ReplyParser();
        Map<String, BitSet> provenByCategory = new HashMap<>();
        Map<String, Integer> casesByCategory = new HashMap<>();
        for (SampleCase sample : cases) {
            provenByCategory.computeIfAbsent(sample.expect(), c -> new BitSet())
                    .or(scan.apply(parser.parse(sample.text()).text()));
            casesByCategory.merge(sample.expect(), 1, Integer::sum);
        }
        for (RuleSetCheck.Rule rule : rules.rules()) {
            if (rule.yaml() == null) {
                continue;
            }
            BitSet proven = provenByCategory.getOrDefault(rule.category(), new BitSet());
            int own = casesByCategory.getOrDefault(rule.category(), 0);
            String sampleFile = samplesRoot.resolve(CategoryId.parse(rule.category()).orElseThrow().sampleFile()).toString();
            for (RuleWording wording : rule.yaml().says()) {
                if (proven.get(indexes.get(wording.wording().pattern()))) {
                    continue;
                }
                String span = TodoMarkers.span(wording.wording().written());
                problems.error(rule.rule().file(), wording.line(), wording.column(), own == 0
                        ? "the wording " + span + " has no sample case to prove it: " + rule.category() + " has no cases"
                                + " yet; add the reply it was written from, with its source, to " + sampleFile
                        : "the wording " + span + " matches none of the " + own + " sample cases of "
                                + rule.category() + " (" + sampleFile + "): add the reply it was written from there"
                                + " (text and source), or correct the wording so that it matches that reply word for"
                                + " word (placeholders such as {number} for the parts that change)");
            }
        }
    }

    /**
     * One case a rule of another category matched, with what decided it.
     *
     * @param ownLayer the best layer on which a rule of the case's own category matched, or null for none
     */
    private record Taken(SampleCase sample, Explanation.Match decision, boolean ownRuleMatched, Basis ownLayer) {
    }

    private static void checkOtherCategories(List<SampleCase> cases, RuleSetCheck rules, Diagnoser diagnoser,
                                             Taxonomy taxonomy, Path samplesRoot, Problems problems) {
        Map<String, List<Taken>> taken = new LinkedHashMap<>();
        Map<String, List<Taken>> kept = new LinkedHashMap<>();
        Set<String> matched = new HashSet<>();
        for (SampleCase sample : cases) {
            if (!taxonomy.contains(sample.expect())) {
                continue;
            }
            Explanation explanation = diagnoser.explain(sample.text());
            Explanation.Match decision = explanation.decision();
            Basis ownLayer = explanation.matches().stream()
                    .filter(m -> m.layer().isWording() && m.category().equals(sample.expect()))
                    .map(Explanation.Match::layer).min(Comparator.naturalOrder()).orElse(null);
            boolean ownRuleMatched = ownLayer != null;
            for (Explanation.Match match : explanation.matches()) {
                if (!match.layer().isWording()) {
                    continue;
                }
                matched.add(key(match.source()));
                if (match.category().equals(sample.expect())) {
                    continue;
                }
                // A case kept from a rule of another layer is kept by the layer (provider, concept, stage),
                // which no edit of categories.yaml changes: only a rule of the deciding layer is warned about.
                Map<String, List<Taken>> bucket = match.decided() ? taken
                        : decision.category().equals(sample.expect()) && decision.layer() == match.layer() ? kept : null;
                if (bucket != null) {
                    bucket.computeIfAbsent(key(match.source()), k -> new ArrayList<>()).add(new Taken(sample, decision, ownRuleMatched, ownLayer));
                }
            }
        }
        for (RuleSetCheck.Rule rule : rules.rules()) {
            String key = key(rule.rule());
            List<Taken> takes = taken.getOrDefault(key, List.of());
            if (!takes.isEmpty()) {
                problems.error(rule.rule().file(), rule.rule().line(), rule.column(), "the rule \"" + rule.rule().name()
                        + "\" takes " + cases(takes, samplesRoot) + ": " + why(rule.category(), takes, taxonomy)
                        + "; make its wordings more specific so that these replies do not match, or write the words"
                        + " that tell them apart under 'unless:', or, if those cases are the more specific cause,"
                        + " move their category above " + rule.category() + " in categories.yaml");
            }
            List<Taken> keeps = kept.getOrDefault(key, List.of());
            if (!keeps.isEmpty() && rule.yaml() != null) {
                problems.warning(rule.rule().file(), rule.rule().line(), rule.column(), "the rule \"" + rule.rule().name()
                        + "\" also matches " + cases(keeps, samplesRoot) + ": they keep their category only because it"
                        + " stands before " + rule.category() + " in categories.yaml (the category listed first wins);"
                        + " if that order changes, they change category: make the wordings more specific, or add the"
                        + " words that tell them apart under 'unless:'");
            }
            if (rule.yaml() == null && !matched.contains(key)) {
                problems.warning(rule.rule().file(), rule.rule().line(), rule.column(), "no sample case matches the rule \""
                        + rule.rule().name() + "\": add one to " + samplesRoot.resolve(
                        CategoryId.parse(rule.category()).orElseThrow().sampleFile()));
            }
        }
    }

    /** "2 sample cases of rate.limited (samples/rate/limited.yaml:12, samples/rate/limited.yaml:20)". */
    private static String cases(List<Taken> taken, Path samplesRoot) {
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        taken.forEach(t -> byCategory.computeIfAbsent(t.sample().expect(), c -> new ArrayList<>())
                .add(samplesRoot.resolve(t.sample().file()) + ":" + t.sample().line()));
        return byCategory.entrySet().stream().map(e -> e.getValue().size() + " sample case"
                + (e.getValue().size() == 1 ? "" : "s") + " of " + e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(" and "));
    }

    /** Why the rule wins over the cases' own category. */
    private static String why(String category, List<Taken> takes, Taxonomy taxonomy) {
        Category winner = taxonomy.get(category);
        Set<String> reasons = new LinkedHashSet<>();
        for (Taken t : takes) {
            Category expected = taxonomy.get(t.sample().expect());
            reasons.add(t.ownRuleMatched() && t.decision().layer() != t.ownLayer()
                    ? "it wins because it is a " + t.decision().layer().id() + " rule and " + expected.id()
                            + " matches only with " + t.ownLayer().id() + " rules, which answer only when no rule of an"
                            + " earlier layer (pattern, concept, enhanced code, stage) does"
                    : t.ownRuleMatched()
                    ? "it wins because " + category + " (#" + (winner.precedence() + 1) + ") stands before "
                            + expected.id() + " (#" + (expected.precedence() + 1) + ") in categories.yaml, and the"
                            + " category listed first wins"
                    : "no rule of " + expected.id() + " matches, so this rule decides");
        }
        return String.join("; ", reasons);
    }

    private static String key(RuleRef ref) {
        return ref.file() + ":" + ref.line();
    }
}
