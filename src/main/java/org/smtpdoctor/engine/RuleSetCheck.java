package org.smtpdoctor.engine;

import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.rules.PatternSet;
import org.smtpdoctor.rules.TextPatterns;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.wording.WordingRule;

/**
 * Everything loading a rules directory finds, for {@code lint}: every problem (where the loader stops at
 * errors), each rule with the parameters it provides, the catalog, and a Diagnoser when the rules load.
 */
public final class RuleSetCheck {
    /**
     * One rule as written.
     *
     * @param rule     its name, file and line
     * @param column   the column of its name on that line
     * @param category the category of its file, which is the one it may conclude
     * @param params   the parameters it provides: its wordings' placeholders and {@code provider} (in DRL, the
     *                 named groups of its {@code find} patterns and the names it passes to {@code conclude})
     * @param yaml     the rule as read from its YAML file (wordings with their positions), or null for DRL
     */
    public record Rule(RuleRef rule, int column, String category, Set<String> params, WordingRule yaml) {
    }

    /**
     * The evaluation budget of the Diagnoser lint runs every sample case through: generous, because a cut
     * evaluation skips rules, and lint would then report matches (or their absence) that are not so. The first
     * evaluations on a cold JVM can take longer than the serving budget.
     */
    private static final Duration CHECK_BUDGET = Duration.ofSeconds(30);

    private final List<Problem> problems;
    private final List<Rule> rules;
    private final Catalog catalog;
    private final Diagnoser diagnoser;

    private RuleSetCheck(List<Problem> problems, List<Rule> rules, Catalog catalog, Diagnoser diagnoser) {
        this.problems = problems;
        this.rules = rules;
        this.catalog = catalog;
        this.diagnoser = diagnoser;
    }

    /** Loads {@code tree} collecting every problem; never throws for a problem of the files. */
    public static RuleSetCheck of(SourceTree tree) {
        Problems problems = new Problems();
        RuleSetLoader.Outcome outcome = RuleSetLoader.check(tree, problems);
        List<Rule> rules = outcome.rules().stream()
                .map(r -> new Rule(r.ref(), r.column(), r.category().toString(), r.params(), r.yaml()))
                .sorted(java.util.Comparator.comparing((Rule r) -> r.rule().file()).thenComparingInt(r -> r.rule().line()))
                .toList();
        return new RuleSetCheck(problems.all(), rules, outcome.catalog(),
                outcome.ruleSet() == null ? null : new Diagnoser(outcome.ruleSet(), CHECK_BUDGET));
    }

    /**
     * Whether the engine can look for the RE2 pattern {@code pattern} by a word of {@code letters} characters or more
     * that every match contains; else the regex engine runs it on nearly every reply.
     */
    public static boolean hasRequiredWord(String pattern, int letters) {
        return TextPatterns.hasRequiredWord(pattern, letters);
    }

    /**
     * Which of {@code patterns} (RE2 sources, as {@link org.smtpdoctor.wording.Wording#pattern()} writes them) the
     * engine's one pass over a text can neither read nor gate by a phrase they hold: the regex engine runs each of
     * them on every reply.
     */
    public static BitSet runOnEveryReply(List<String> patterns) {
        return PatternSet.ungated(patterns);
    }

    /** Every problem: the loader's errors, and its warnings. */
    public List<Problem> problems() {
        return problems;
    }

    /** Every rule of every file, in file and line order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The catalog, or null when it has errors. */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * A scan for {@code patterns} (RE2 sources, as {@link org.smtpdoctor.wording.Wording#pattern()} writes them)
     * matched as the engine matches wordings: all at once, one pass per text giving the indexes of those that
     * occur. Lint proves thousands of wordings against thousands of cases with it.
     */
    public static Function<String, BitSet> wordingScan(List<String> patterns) {
        return PatternSet.of(patterns)::matching;
    }

    /** A Diagnoser on these rules, or null when they do not load. */
    public Diagnoser diagnoser() {
        return diagnoser;
    }
}
