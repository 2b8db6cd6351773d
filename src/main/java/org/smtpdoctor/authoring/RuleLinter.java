package org.smtpdoctor.authoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.smtpdoctor.engine.RuleSetCheck;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.samples.SampleLoader;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

/**
 * {@code smtp-doctor lint}: every problem of a rules directory and its sample cases, errors and warnings,
 * each at its file, line and column. The rules are loaded as the engine loads them, so lint refuses what the
 * engine refuses, with the same message; lint adds the checks that span rules, catalog and samples.
 */
public final class RuleLinter {
    private RuleLinter() {
    }

    /**
     * Lints {@code rules} and, when not null, the sample cases in {@code samples}. Each problem names its file
     * by the folder's path and the file's path in it ({@code rules/auth/required.drl}), sorted by file and line.
     */
    public static List<Problem> lint(SourceTree rules, SourceTree samples) {
        RuleSetCheck check = RuleSetCheck.of(rules);
        Problems ruleProblems = new Problems();
        ruleProblems.addAll(check.problems());
        if (check.catalog() != null) {
            CatalogUsage.check(rules, check, ruleProblems);
        }
        TodoMarkers.check(rules, ruleProblems);
        Problems sampleProblems = new Problems();
        if (samples != null) {
            List<SampleCase> cases = SampleLoader.load(samples, sampleProblems);
            SampleCoverage.check(cases, check, sampleProblems, ruleProblems);
            TodoMarkers.check(samples, sampleProblems);
        }
        List<Problem> all = new ArrayList<>(inFolder(rules, ruleProblems));
        if (samples != null) {
            all.addAll(inFolder(samples, sampleProblems));
        }
        all.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return all;
    }

    private static List<Problem> inFolder(SourceTree tree, Problems problems) {
        return problems.all().stream().map(p -> new Problem(tree.root().resolve(p.file()).normalize().toString(),
                p.line(), p.column(), p.severity(), p.message())).toList();
    }
}
