package org.smtpdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Basis;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

/**
 * The honest figure: replies and client errors held out of {@code samples/} and never used to write a rule
 * ({@code src/test/resources/evaluation/} and a second, independent set {@code evaluation-v2/}, see their READMEs),
 * each labelled by hand with its source. Prints exact
 * category, family, {@code unknown.*} and fallback shares overall, per kind of source, per language, per family and per
 * file ({@code smtp-doctor evaluate} prints the same; its {@code --misses} the texts missed, which this test keeps
 * out of the build log that rule writers read). Fails when the set is malformed, a label
 * names no category, the set shrinks below what the issue asks, or a figure falls below its floor. Run alone:
 * {@code mvn -B -q test -Dtest=HeldOutEvaluationTest}; {@code -Devaluation.rules=DIR} measures another rules folder.
 */
class HeldOutEvaluationTest {
    private static final Path SET = Path.of("src/test/resources/evaluation");
    /**
     * The second held-out set (session 30, see its README): texts users pasted in public issue threads, collected and
     * labelled by people who saw neither the rules nor the samples; threads and pages a rule cites were left out.
     */
    private static final Path SECOND_SET = Path.of("src/test/resources/evaluation-v2");

    /**
     * Floors a little below the figures measured on main's rules in 2026-12-05's twenty-ninth session, after a wording
     * of a stage rule's family said nearly took the place of the stage rule (all 80.6 / 86.6 / 10.1 %): a rule edit must
     * not fall below them. Raise them as the figures rise; never lower one to
     * let a change through. Order: exact, family, and the most fallback allowed: the share of the texts that name a cause
     * answered {@code unknown.*}. Until session 33 the third number capped the share of all texts answered
     * {@code unknown.*}, which counted a text that names no cause, labelled and answered {@code unknown.*}, against the
     * rules; session 33 replaced it with the fallback proper, first measured at all 7.0 %, client 7.8, mta 4.6, provider
     * 7.5, non-English 9.0 and, after the rule that a 4xx reply saying only "try again later" or "deferred" names no
     * cause (texts the first set labels with the 421 code's meaning), 7.1 / 7.8 / 4.8 / 8.3 / 9.2; the ceilings are
     * set a little above the latter (an honest "unknown" is better than a confident wrong answer, as session 18 found
     * when it raised the old provider ceiling once on purpose). Session 34 raised the floors to its figures (all 80.9 /
     * 86.8 / 7.1 %, provider 81.7 / 85.7 / 7.9, mta 80.5 / 84.2 / 4.8, client 80.8 / 88.1 / 7.8, non-English 78.9 / 86.7
     * / 9.2), and session 41 to its (all 81.1 / 87.1 / 6.9 %, provider 82.5 / 86.5 / 7.5, mta 81.2 / 84.6 / 4.4, client
     * 80.8 / 88.1 / 7.8, non-English 78.9 / 86.7 / 9.2); session 42 raised the provider floors to its figures (83.3 /
     * 87.3 / 7.5; the others unchanged at all 81.2 / 87.2 / 6.9).
     */
    private static final Map<String, double[]> FLOORS = Map.of(
            "all", new double[] {0.81, 0.87, 0.07},
            "provider", new double[] {0.83, 0.87, 0.076},
            "mta", new double[] {0.81, 0.845, 0.045},
            "client-library", new double[] {0.807, 0.88, 0.079},
            "non-English", new double[] {0.788, 0.866, 0.093});

    /**
     * Floors of the second set, a little below its measurement when it last grew (session 31, 1,650 texts: all 78.8 / 83.3
     * / 11.0 %), raised with session 31's rules (1,637 texts: all 80.6 / 84.8 / 10.3 %, non-English 67.3 / 75.5 / 19.1 %
     * on 110 texts) and session 32's (all 81.1 / 85.2 / 10.1 %); the same rule as {@link #FLOORS}: raise, never lower.
     * Session 33 raised the floors with its rules (all 82.7 / 86.3 %, provider 79.0 / 84.1, mta 82.3 / 86.8, client
     * 84.2 / 86.9) and replaced the unknown ceilings with fallback
     * ceilings as in {@link #FLOORS} (first measured at all 5.8 %, client 5.7, mta 5.6, provider 6.5, non-English 11.3;
     * after the 4xx retry-words rule 6.0 / 5.9 / 5.8 / 6.5 / 11.3). Session 34 raised them again (all 83.7 / 86.6 / 5.6 %,
     * provider 81.4 / 84.1 / 6.5, mta 83.2 / 86.6 / 5.8, client 84.8 / 87.4 / 5.2; non-English unchanged), and session
     * 37 (all 84.1 / 86.9 / 5.5 %, provider 82.0 / 84.8 / 6.5, mta 83.4 / 86.8 / 5.6, client 85.1 / 87.8 / 5.0) and 38
     * (all 84.4 / 87.3 / 5.4 %, mta 83.7 / 87.1 / 5.6, client 85.6 / 88.4 / 4.9, non-English 72.7 / 80.0 / 11.3; provider
     * unchanged), and 39 (all 84.5 / 87.4 / 5.4 %, mta 83.9 / 87.1 / 5.6, client 85.8 / 88.6 / 4.8), and 40 (all 84.9 /
     * 87.7 / 5.4 %, provider 82.3 / 85.1 / 6.5, client 86.3 / 89.1 / 4.8; mta unchanged), and 41 (all 85.3 / 88.0 / 5.2 %,
     * provider 82.9 / 85.7 / 6.5, mta 84.1 / 87.1 / 5.1, client 86.8 / 89.3 / 4.7, non-English 72.7 / 80.0 / 10.3).
     * Adding texts to the set is the only reason to set them anew, from the new measurement.
     */
    private static final Map<String, double[]> SECOND_SET_FLOORS = Map.of(
            "all", new double[] {0.852, 0.879, 0.053},
            "provider", new double[] {0.828, 0.856, 0.066},
            "mta", new double[] {0.84, 0.87, 0.052},
            "client-library", new double[] {0.867, 0.892, 0.048},
            "non-English", new double[] {0.72, 0.79, 0.11});

    /**
     * Session 38's second, blind labelling of 300 cases of each set ({@code evaluation-agreement/}, see its README):
     * how far two readers agree is the ceiling any figure here can be read against.
     */
    private static final Path SECOND_LABELS = Path.of("src/test/resources/evaluation-agreement");

    @Test
    void printsAccuracyOnTheHeldOutSet() {
        measure(SET, 1500, 100, FLOORS);
    }

    @Test
    void printsAccuracyOnTheSecondHeldOutSet() {
        measure(SECOND_SET, 1600, 110, SECOND_SET_FLOORS);
    }

    private static void measure(Path set, int leastCases, int leastNonEnglish, Map<String, double[]> floors) {
        Path rules = Path.of(System.getProperty("evaluation.rules", TestRules.PROJECT_RULES.toString()));
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules).build();
        Problems problems = new Problems();
        List<HeldOutCase> cases = HeldOutLoader.load(SourceTree.of(set), problems);
        HeldOutEvaluation evaluation = HeldOutEvaluation.run(diagnoser, cases);
        problems.addAll(evaluation.problems());

        System.out.println("held-out evaluation of " + set + " against " + rules);
        evaluation.lines().forEach(System.out::println);
        // The misses themselves stay out of the build log, which rule writers read: `evaluate --misses` shows them.

        LabelAgreement agreement = LabelAgreement.of(evaluation.outcomes(), SecondLabelling.load(
                SourceTree.of(SECOND_LABELS).file(set.getFileName() + ".yaml"), problems), diagnoser.taxonomy()::contains);
        problems.addAll(agreement.problems());
        agreement.lines().forEach(System.out::println);

        assertThat(problems.all()).as("every case well-formed, every label an existing category").isEmpty();
        assertThat(agreement.cases()).as("every second label names a case of the set").isEqualTo(300);
        assertThat(cases).as("the set keeps its size").hasSizeGreaterThanOrEqualTo(leastCases);
        assertThat(evaluation.byKind()).as("every kind of source is measured").containsOnlyKeys(HeldOutLoader.KINDS);
        assertThat(evaluation.nonEnglish().cases()).as("non-English texts").isGreaterThanOrEqualTo(leastNonEnglish);
        assertThat(cases).allSatisfy(c -> assertThat(c.source()).as("%s:%d names its source", c.file(), c.line()).isNotBlank());
        assertThat(evaluation.byBasis().values().stream().mapToInt(HeldOutEvaluation.Tally::cases).sum())
                .as("each case counted under the one layer that decided it").isEqualTo(cases.size());
        assertThat(evaluation.byBasis().get(Basis.NONE).unknownRate()).as("the fallback layer answers unknown.* alone")
                .isEqualTo(1.0);
        floors.forEach((group, floor) -> {
            HeldOutEvaluation.Tally t = tally(evaluation, group);
            assertThat(t.exactRate()).as("%s: exact category", group).isGreaterThanOrEqualTo(floor[0]);
            assertThat(t.familyRate()).as("%s: right family", group).isGreaterThanOrEqualTo(floor[1]);
            assertThat(t.fallbackRate()).as("%s: fallback (a text that names a cause answered unknown.*)", group)
                    .isLessThanOrEqualTo(floor[2]);
        });
    }

    private static HeldOutEvaluation.Tally tally(HeldOutEvaluation evaluation, String group) {
        return switch (group) {
            case "all" -> evaluation.all();
            case "non-English" -> evaluation.nonEnglish();
            default -> evaluation.byKind().get(group);
        };
    }
}
