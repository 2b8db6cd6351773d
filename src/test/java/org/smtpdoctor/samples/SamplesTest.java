package org.smtpdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

/** Every sample case is a test of its own, named by file and case, grouped by sample file. */
class SamplesTest {
    private static final Path SAMPLES = Path.of("samples");
    private static final Diagnoser DIAGNOSER = TestRules.projectDiagnoser();

    private static List<SampleCase> cases() {
        Problems problems = new Problems();
        List<SampleCase> cases = SampleLoader.load(SourceTree.of(SAMPLES), problems);
        assertThat(problems.all()).as("sample files load cleanly").isEmpty();
        return cases;
    }

    @TestFactory
    Stream<DynamicNode> everySampleCase() {
        SampleVerifier verifier = new SampleVerifier(DIAGNOSER);
        Map<String, List<SampleCase>> byFile = cases().stream()
                .collect(Collectors.groupingBy(SampleCase::file, TreeMap::new, Collectors.toList()));
        return byFile.entrySet().stream().map(file -> DynamicContainer.dynamicContainer(file.getKey(),
                file.getValue().stream().map(sample -> DynamicTest.dynamicTest(
                        "line " + sample.line() + ": " + abbreviate(sample.text()), () -> {
                            SampleResult result = verifier.verify(sample);
                            if (!result.passed()) {
                                fail(String.join("\n", result.report()));
                            }
                        }))));
    }

    @Test
    void everyCategoryARuleConcludesHasSamplesAndEveryCaseNamesItsSource() {
        List<SampleCase> cases = cases();
        assertThat(cases).allSatisfy(c -> assertThat(c.source()).as(c.location()).isNotBlank());
        Set<String> categoriesWithRules = DIAGNOSER.ruleCounts().keySet();
        assertThat(categoriesWithRules).hasSizeGreaterThanOrEqualTo(40);
        for (String id : categoriesWithRules) {
            CategoryId category = CategoryId.parse(id).orElseThrow();
            assertThat(cases).as("a sample case for the rules of " + category)
                    .anyMatch(c -> c.expect().equals(id) && c.file().equals(category.sampleFile()));
        }
    }

    @Test
    void everyCategoryWithRulesHasAtLeastThreeSamplesAndTheBreadthHolds() {
        SampleVerifier verifier = new SampleVerifier(DIAGNOSER);
        SampleCoverage coverage = SampleCoverage.of(DIAGNOSER.taxonomy(), DIAGNOSER.ruleCounts(),
                verifier.verifyAll(cases()));
        List<SampleCoverage.CategoryRow> withRules = coverage.categories().stream().filter(c -> c.rules() > 0).toList();
        assertThat(withRules).allSatisfy(c -> assertThat(c.samples()).as(c.category()).isGreaterThanOrEqualTo(3));
        // The knowledge-breadth floor of the project: at least 400 cases over at least 40 categories with rules.
        assertThat(withRules).hasSizeGreaterThanOrEqualTo(40);
        assertThat(coverage.categories().stream().mapToInt(SampleCoverage.CategoryRow::samples).sum())
                .isGreaterThanOrEqualTo(400);
    }

    @Test
    void knownUnhandledCasesLoadCleanlyAndNameTheirSource() {
        Problems problems = new Problems();
        List<SampleCase> unhandled = SampleLoader.loadUnhandled(SourceTree.of(SAMPLES), problems);
        assertThat(problems.all()).as("unhandled/ files load cleanly").isEmpty();
        assertThat(unhandled).allSatisfy(c -> {
            assertThat(c.source()).as(c.location()).isNotBlank();
            assertThat(DIAGNOSER.taxonomy().contains(c.expect())).as(c.location() + " expects a known category").isTrue();
        });
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 90 ? oneLine : oneLine.substring(0, 87) + "...";
    }
}
