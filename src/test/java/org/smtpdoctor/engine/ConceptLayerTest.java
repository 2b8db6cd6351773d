package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.report.DiagnosisJson;
import org.smtpdoctor.report.ExplanationReport;
import org.smtpdoctor.report.TextReport;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.ProblemsException;

/**
 * The concept layer: a rule marked {@code layer: concept} answers only when no provider wording matched, even
 * when its category stands first in categories.yaml, and before the code tables; basis and explain name it. A
 * rule marked {@code layer: stage} answers only when no concept wording matched either, and after the enhanced code.
 */
class ConceptLayerTest {
    /** tls.wrong-mode stands far above server.error in categories.yaml: precedence alone would pick it. */
    private static final String CONCEPT = """
            - name: the generic zebra wording
              layer: concept
              source: written for this test
              says:
                - zebra crossing closed
            """;
    private static final String PROVIDER = """
            - name: Acme says zebra
              provider: Acme
              source: written for this test
              says:
                - zebra crossing closed by Acme
            """;

    @TempDir
    Path temp;

    private Diagnoser diagnoser() {
        TestRules rules = TestRules.copyInto(temp.resolve("rules"));
        rules.deleteRulesOf("tls.wrong-mode").deleteRulesOf("server.error");
        rules.write("tls/wrong-mode.yaml", CONCEPT).write("server/error.yaml", PROVIDER);
        return Diagnoser.builder().rulesDirectory(rules.root()).build();
    }

    @Test
    void aProviderWordingWinsOverAConceptWordingOfAnEarlierCategory() {
        Diagnoser diagnoser = diagnoser();
        Diagnosis d = diagnoser.diagnose("554 zebra crossing closed by Acme");
        assertThat(d.category()).isEqualTo("server.error");
        assertThat(d.basis()).isEqualTo(Basis.PATTERN);
        assertThat(d.secondary()).contains("tls.wrong-mode");

        Explanation e = diagnoser.explain("554 zebra crossing closed by Acme");
        assertThat(e.matches()).extracting(Explanation.Match::layer)
                .startsWith(Basis.PATTERN, Basis.CONCEPT);
        assertThat(e.decision().layer()).isEqualTo(Basis.PATTERN);
    }

    @Test
    void aConceptWordingAnswersWhenNoProviderWordingDoesAndBeforeTheCodeTables() {
        Diagnoser diagnoser = diagnoser();
        // 5.2.2 and 552 have categories of their own in the code tables; the concept wording comes first.
        Diagnosis d = diagnoser.diagnose("552 5.2.2 zebra crossing closed");
        assertThat(d.category()).isEqualTo("tls.wrong-mode");
        assertThat(d.basis()).isEqualTo(Basis.CONCEPT);
        assertThat(d.rule().name()).isEqualTo("tls.wrong-mode: the generic zebra wording");
        assertThat(d.rule().file()).isEqualTo("tls/wrong-mode.yaml");

        assertThat(new DiagnosisJson(new ObjectMapper()).toJson(d, Locale.ENGLISH).get("basis").asText())
                .isEqualTo("concept");
        assertThat(TextReport.render(d, Locale.ENGLISH)).contains("Decided by: concept — tls/wrong-mode.yaml:1 ");

        Explanation e = diagnoser.explain("552 5.2.2 zebra crossing closed");
        assertThat(e.decision().layer()).isEqualTo(Basis.CONCEPT);
        assertThat(e.matches()).extracting(Explanation.Match::layer).contains(Basis.ENHANCED_CODE);
        String report = ExplanationReport.render(e, Locale.ENGLISH);
        assertThat(report).contains("* concept").contains("no provider wording matched");
    }

    /**
     * A stage rule (the SMTP command a text names) of a category far above server.error yields to server.error's
     * concept wording and to an enhanced code, and answers before the reply code when neither does.
     */
    @Test
    void aStageWordingAnswersAfterTheConceptWordingsAndBeforeTheCodeTables() {
        TestRules rules = TestRules.copyInto(temp.resolve("stage"));
        rules.deleteRulesOf("tls.wrong-mode").deleteRulesOf("server.error");
        rules.write("tls/wrong-mode.yaml", """
                - name: the zebra command
                  layer: stage
                  source: written for this test
                  says:
                    - ZEBRA command
                """).write("server/error.yaml", """
                - name: the generic crossing wording
                  layer: concept
                  source: written for this test
                  says:
                    - crossing closed
                """);
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).build();

        Diagnosis both = diagnoser.diagnose("554 ZEBRA command failed: crossing closed");
        assertThat(both.category()).isEqualTo("server.error");
        assertThat(both.basis()).isEqualTo(Basis.CONCEPT);
        assertThat(both.secondary()).contains("tls.wrong-mode");

        Diagnosis alone = diagnoser.diagnose("554 ZEBRA command failed");
        assertThat(alone.category()).isEqualTo("tls.wrong-mode");
        assertThat(alone.basis()).isEqualTo(Basis.STAGE);
        assertThat(new DiagnosisJson(new ObjectMapper()).toJson(alone, Locale.ENGLISH).get("basis").asText())
                .isEqualTo("stage");
        assertThat(diagnoser.generatedDrl("tls.wrong-mode: the zebra command")).contains("@layer(\"stage\")");
        String report = ExplanationReport.render(diagnoser.explain("554 ZEBRA command failed"), Locale.ENGLISH);
        assertThat(report).contains("* stage").contains("names the SMTP command that failed");

        // An enhanced code names the cause, where the command names only the step: 5.2.2 is a full mailbox.
        Diagnosis coded = diagnoser.diagnose("552 5.2.2 ZEBRA command failed");
        assertThat(coded.basis()).isEqualTo(Basis.ENHANCED_CODE);
        assertThat(coded.category()).isNotEqualTo("tls.wrong-mode");
        assertThat(coded.secondary()).contains("tls.wrong-mode");
    }

    /**
     * The command a stage rule reads names the family only: in a text without a reply code, a wording of the same family
     * said nearly names the cause instead; one of another family, or a text with a code, leaves the stage rule's answer.
     */
    @Test
    void aWordingOfTheStageFamilySaidNearlyNamesTheCause() {
        TestRules rules = TestRules.copyInto(temp.resolve("stage-near"));
        rules.deleteRulesOf("recipient.rejected").deleteRulesOf("recipient.mailbox-full").deleteRulesOf("server.error");
        rules.write("recipient/rejected.yaml", """
                - name: the zebra command
                  layer: stage
                  source: written for this test
                  says:
                    - ZEBRA command
                """).write("recipient/mailbox-full.yaml", """
                - name: the quagga paddock
                  layer: concept
                  source: written for this test
                  says:
                    - the quagga paddock is overflowing with stripes
                """).write("server/error.yaml", """
                - name: the okapi gate
                  layer: concept
                  source: written for this test
                  says:
                    - the okapi gatehouse has jammed its turnstile
                """);
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).build();

        Diagnosis sameFamily = diagnoser.diagnose("ZEBRA command failed: the quagga padock is overflowing with stripes");
        assertThat(sameFamily.category()).isEqualTo("recipient.mailbox-full");
        assertThat(sameFamily.basis()).isEqualTo(Basis.NEAR_WORDING);
        assertThat(sameFamily.secondary()).contains("recipient.rejected");

        assertThat(diagnoser.diagnose("the okapi gatehouse has jamed its turnstile").basis())
                .as("said nearly, alone").isEqualTo(Basis.NEAR_WORDING);
        Diagnosis otherFamily = diagnoser.diagnose("ZEBRA command failed: the okapi gatehouse has jamed its turnstile");
        assertThat(otherFamily.category()).isEqualTo("recipient.rejected");
        assertThat(otherFamily.basis()).isEqualTo(Basis.STAGE);

        Diagnosis coded = diagnoser.diagnose("550 ZEBRA command failed: the quagga padock is overflowing with stripes");
        assertThat(coded.category()).as("a reply code keeps near wordings out").isEqualTo("recipient.rejected");
        assertThat(coded.basis()).isEqualTo(Basis.STAGE);
    }

    @Test
    void theDrlOfAConceptRuleCarriesItsLayer() {
        assertThat(diagnoser().generatedDrl("tls.wrong-mode: the generic zebra wording"))
                .contains("rule \"tls.wrong-mode: the generic zebra wording\" @layer(\"concept\")");
    }

    @Test
    void aWrongLayerAndAConceptRuleNamingAProviderAreErrorsAtTheirPlace() {
        TestRules rules = TestRules.copyInto(temp.resolve("bad"));
        rules.deleteRulesOf("server.error").write("server/error.yaml", """
                - name: one
                  layer: generic
                  source: written for this test
                  says: [zebra]
                - name: two
                  layer: concept
                  provider: Acme
                  source: written for this test
                  says: [zebra two]
                """);
        List<Problem> problems = problems(rules);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.toString()).startsWith("server/error.yaml:2:");
            assertThat(p.message()).contains("'layer' is 'provider'");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.toString()).startsWith("server/error.yaml:7:");
            assertThat(p.message()).contains("names no provider");
        });
    }

    @Test
    void handWrittenDrlMayCarryTheLayerAnnotationButNoOther() {
        String header = "package server;\nimport org.smtpdoctor.rules.*;\n"
                + "import function org.smtpdoctor.rules.Vocabulary.conclude;\n";
        TestRules ok = TestRules.copyInto(temp.resolve("ok"));
        ok.deleteRulesOf("server.error").write("server/error.drl", header
                + "rule \"generic zebra\" @layer(\"concept\")\nwhen\n    Reply( has(\"zebra\") )\nthen\n"
                + "    conclude(kcontext, \"server.error\");\nend\n");
        Diagnosis d = Diagnoser.builder().rulesDirectory(ok.root()).build().diagnose("451 zebra");
        assertThat(d.category()).isEqualTo("server.error");
        assertThat(d.basis()).isEqualTo(Basis.CONCEPT);

        TestRules bad = TestRules.copyInto(temp.resolve("other"));
        bad.deleteRulesOf("server.error").write("server/error.drl", header
                + "rule \"generic zebra\" @layer(\"concept\") @timer(\"int: 1s\")\nwhen\n    Reply( has(\"zebra\") )\n"
                + "then\n    conclude(kcontext, \"server.error\");\nend\n");
        assertThat(problems(bad)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("server/error.drl");
            assertThat(p.message()).contains("annotation @timer");
        });
    }

    private static List<Problem> problems(TestRules rules) {
        Throwable thrown = catchThrowable(() -> Diagnoser.builder().rulesDirectory(rules.root()).build());
        assertThat(thrown).isInstanceOf(ProblemsException.class);
        return ((ProblemsException) thrown).problems();
    }
}
