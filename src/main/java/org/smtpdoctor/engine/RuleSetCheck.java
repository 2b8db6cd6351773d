package org.smtpdoctor.engine;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

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
     * @param params   the parameters it provides: named groups of its {@code find} patterns and the names it
     *                 passes to {@code conclude}
     */
    public record Rule(RuleRef rule, int column, String category, Set<String> params) {
    }

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
        List<Rule> rules = new ArrayList<>();
        outcome.drls().forEach(drl -> rules.addAll(rulesOf(drl)));
        return new RuleSetCheck(problems.all(), List.copyOf(rules), outcome.catalog(),
                outcome.ruleSet() == null ? null : new Diagnoser(outcome.ruleSet()));
    }

    private static List<Rule> rulesOf(DrlFile drl) {
        String file = drl.source().name();
        String category = file.replaceFirst("\\.drl$", "").replace('/', '.');
        List<DrlFile.Literal> declared = drl.rules();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            int from = declared.get(i).line();
            int to = i + 1 < declared.size() ? declared.get(i + 1).line() : Integer.MAX_VALUE;
            Set<String> params = new TreeSet<>();
            for (DrlFile.Literal find : drl.finds()) {
                if (find.line() >= from && find.line() < to) {
                    params.addAll(namedGroups(find.value()));
                }
            }
            drl.conclusionParams().stream().filter(p -> p.line() >= from && p.line() < to)
                    .forEach(p -> params.add(p.value()));
            rules.add(new Rule(new RuleRef(declared.get(i).value(), file, from), declared.get(i).column(), category,
                    Set.copyOf(params)));
        }
        return rules;
    }

    private static Set<String> namedGroups(String pattern) {
        try {
            return Pattern.compile(pattern).namedGroups().keySet();
        } catch (PatternSyntaxException e) {
            return Set.of(); // reported by the loader
        }
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

    /** A Diagnoser on these rules, or null when they do not load. */
    public Diagnoser diagnoser() {
        return diagnoser;
    }
}
