package org.smtpdoctor.authoring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.smtpdoctor.engine.Basis;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Explanation;
import org.smtpdoctor.engine.RuleRef;
import org.smtpdoctor.engine.RuleSetCheck;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.source.Problems;

/**
 * Checks the sample cases against the rules: every expected category exists, and every rule is matched by
 * at least one case (a rule no case reaches is untested: a warning at the rule).
 */
final class SampleCoverage {
    private SampleCoverage() {
    }

    /** Problems of cases go to {@code sampleProblems}, rules no case matches to {@code ruleProblems}. */
    static void check(List<SampleCase> cases, RuleSetCheck rules, Problems sampleProblems, Problems ruleProblems) {
        if (rules.catalog() != null) {
            for (SampleCase sample : cases) {
                if (!rules.catalog().taxonomy().contains(sample.expect())) {
                    sampleProblems.error(sample.file(), sample.line(), 0, "the case expects category '" + sample.expect()
                            + "', which is not in categories.yaml");
                }
            }
        }
        Diagnoser diagnoser = rules.diagnoser();
        if (diagnoser == null) {
            return; // the rules do not load: their errors say why
        }
        Set<String> matched = new HashSet<>();
        for (SampleCase sample : cases) {
            for (Explanation.Match match : diagnoser.explain(sample.text()).matches()) {
                if (match.layer() == Basis.PATTERN) {
                    matched.add(key(match.source()));
                }
            }
        }
        for (RuleSetCheck.Rule rule : rules.rules()) {
            if (!matched.contains(key(rule.rule()))) {
                ruleProblems.warning(rule.rule().file(), rule.rule().line(), rule.column(),
                        "no sample case matches the rule \"" + rule.rule().name() + "\": add one to samples/"
                                + rule.rule().file().replaceFirst("\\.drl$", ".yaml"));
            }
        }
    }

    private static String key(RuleRef ref) {
        return ref.file() + ":" + ref.line();
    }
}
