package org.smtpdoctor.authoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.smtpdoctor.engine.RuleSetCheck;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.samples.SampleLoader;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.wording.DrlWriter;
import org.smtpdoctor.wording.RuleFile;

/**
 * {@code smtp-doctor lint}: every problem of a rules directory and its sample cases, errors and warnings,
 * each at its file, line and column, all files in one run. The rules are loaded as the engine loads them, so
 * lint refuses what the engine refuses, with the same message; lint adds the checks that span rules, catalog
 * and samples: unfinished (TODO) texts, wordings no sample case proves or written twice in a rule, regexes the
 * engine cannot look for by a word, rules that
 * take other categories' cases, catalog entries and placeholders nothing uses.
 */
public final class RuleLinter {
    private RuleLinter() {
    }

    /**
     * Lints {@code rules} and, when not null, the sample cases in {@code samples}. Each problem names its file
     * by the folder's path and the file's path in it ({@code rules/auth/required.yaml}), sorted by file and line.
     */
    public static List<Problem> lint(SourceTree rules, SourceTree samples) {
        RuleSetCheck check = RuleSetCheck.of(rules);
        Problems ruleProblems = new Problems();
        ruleProblems.addAll(check.problems());
        RepeatedWordings.check(check, ruleProblems);
        CostlyWordings.check(check, ruleProblems);
        if (check.catalog() != null) {
            CatalogUsage.check(check, ruleProblems);
            TodoMarkers.checkCatalog(check.catalog(), ruleProblems);
        }
        TodoMarkers.checkFiles(rules, check.catalog() != null, ruleProblems);
        Problems sampleProblems = new Problems();
        if (samples != null) {
            List<SampleCase> cases = SampleLoader.load(samples, sampleProblems);
            SampleMatches.check(cases, check, samples.root(), sampleProblems, ruleProblems);
            TodoMarkers.checkFiles(samples, false, sampleProblems);
        }
        List<Problem> all = new ArrayList<>(inFolder(rules, ruleProblems));
        if (samples != null) {
            all.addAll(inFolder(samples, sampleProblems));
        }
        all.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return all;
    }

    /**
     * The Drools rules the YAML rule files of {@code rules} become, file by file, as the engine generates them
     * (what {@code lint --show-drl} prints); only the category {@code category} when it is not null. A file with
     * mistakes shows the rules that read without one.
     */
    public static String generatedDrl(SourceTree rules, String category) {
        StringBuilder drl = new StringBuilder();
        for (SourceFile file : rules.files(".yaml")) {
            CategoryId id = CategoryId.ofFile(file.name(), "yaml").orElse(null);
            if (id == null || file.name().startsWith("catalog/") || file.name().startsWith("codes/") || category != null && !id.toString().equals(category)) {
                continue;
            }
            RuleFile rulesOfFile = RuleFile.read(id, file, new Problems()); // its problems are lint's to report
            if (!rulesOfFile.rules().isEmpty()) {
                drl.append(DrlWriter.write(rulesOfFile).text()).append('\n');
            }
        }
        return drl.toString();
    }

    private static List<Problem> inFolder(SourceTree tree, Problems problems) {
        return problems.all().stream().map(p -> new Problem(tree.root().resolve(p.file()).normalize().toString(),
                p.line(), p.column(), p.severity(), p.message())).toList();
    }
}
