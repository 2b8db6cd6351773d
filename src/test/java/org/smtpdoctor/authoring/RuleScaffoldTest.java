package org.smtpdoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.samples.SampleLoader;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

/** What new-rule writes loads, matches its example literally (whatever characters it holds) and stays in order. */
class RuleScaffoldTest {
    @TempDir
    Path temp;

    @Test
    void aNewFamilyGetsItsFilesAndAnExampleFullOfSpecialCharactersMatchesItself() {
        TestRules rules = TestRules.copyInto(temp);
        Path samples = temp.resolve("samples");
        String example = "451 4.3.0 Mailbox \"C:\\queue\\spool\" (temp.) is busy: try *again* [ref 12] + later?";
        List<Path> written = new RuleScaffold(rules.root(), samples).create("queue.busy-spool", example);

        assertThat(written).containsExactly(rules.root().resolve("queue/busy-spool.drl"),
                rules.root().resolve("categories.yaml"), rules.root().resolve("catalog/queue.yaml"),
                samples.resolve("queue/busy-spool.yaml"));
        String categories = rules.read("categories.yaml");
        assertThat(categories.indexOf("- id: queue.busy-spool")).isPositive()
                .isLessThan(categories.indexOf("- id: unknown.transient"));

        Diagnosis d = Diagnoser.builder().rulesDirectory(rules.root()).build().diagnose(example);
        assertThat(d.category()).isEqualTo("queue.busy-spool");
        assertThat(d.rule().file()).isEqualTo("queue/busy-spool.drl");

        Problems problems = new Problems();
        List<SampleCase> cases = SampleLoader.load(SourceTree.of(samples), problems);
        assertThat(problems.all()).isEmpty();
        assertThat(cases).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo(example);
            assertThat(c.expect()).isEqualTo("queue.busy-spool");
        });
    }

    @Test
    void theGeneratedPatternStopsAtTheFirstVariablePart() {
        TestRules rules = TestRules.copyInto(temp);
        new RuleScaffold(rules.root(), temp.resolve("samples")).create("auth.password-expired",
                "535 5.7.8 Password expired for <user@example.com>, see https://example.com/pw");
        assertThat(rules.read("auth/password-expired.drl"))
                .contains("Reply( code == 535, has(\"Password expired for\") )");
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).build();
        assertThat(diagnoser.diagnose("535 5.7.8 Password expired for <other@example.org>").category())
                .isEqualTo("auth.password-expired");
    }

    @Test
    void anExistingCategoryAndSampleFileAreKeptAndExtended() throws IOException {
        TestRules rules = TestRules.copyInto(temp);
        TestRules samples = TestRules.copy(Path.of("samples"), temp);
        String categories = rules.read("categories.yaml");
        String catalog = rules.read("catalog/policy.yaml");
        String sampleFile = samples.read("policy/ptr-missing.yaml");
        // A category known to the catalog whose rule file is still to be written.
        Files.delete(rules.root().resolve("policy/ptr-missing.drl"));

        List<Path> written = new RuleScaffold(rules.root(), samples.root()).create("policy.ptr-missing",
                "550 5.7.25 The sending IP has no PTR record");

        assertThat(written).containsExactly(rules.root().resolve("policy/ptr-missing.drl"),
                samples.root().resolve("policy/ptr-missing.yaml"));
        assertThat(rules.read("categories.yaml")).isEqualTo(categories);
        assertThat(rules.read("catalog/policy.yaml")).isEqualTo(catalog);
        assertThat(samples.read("policy/ptr-missing.yaml")).startsWith(sampleFile)
                .endsWith("  - text: \"550 5.7.25 The sending IP has no PTR record\"\n"
                        + "    source: \"TODO: where this wording comes from (provider documentation, RFC, MTA source, "
                        + "a real log)\"\n    basis: pattern\n");
    }

    @Test
    void aMalformedIdIsRefusedBeforeAnythingIsWritten() {
        TestRules rules = TestRules.copyInto(temp);
        String categories = rules.read("categories.yaml");
        assertThatThrownBy(() -> new RuleScaffold(rules.root(), temp.resolve("samples")).create("Auth/Expired", "535 x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("family.name");
        assertThat(rules.read("categories.yaml")).isEqualTo(categories);
        assertThat(temp.resolve("samples")).doesNotExist();
    }
}
