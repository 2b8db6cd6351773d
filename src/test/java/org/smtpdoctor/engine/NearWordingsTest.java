package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.report.DiagnosisJson;
import org.smtpdoctor.report.ExplanationReport;

/**
 * The near-wording layer: a code-less text that holds nearly every letter of one wording, close together and with
 * every word of it, is that wording said another way; the category's guards, a reply code, a missing word or words
 * far apart keep it out. The wordings are invented, so that no bundled wording is near them.
 */
class NearWordingsTest {
    private static final String RULES = """
            - name: the zebra wording
              layer: concept
              source: written for this test
              says:
                - zebra crossing closed
                - zq quagga paddock flooded
                - okapienclosurelocked
                - okapi 42 enclosure locked
            - name: light wordings, of words found in many wordings
              layer: concept
              source: written for this test
              says:
                - was not the
                - not the
            - name: a guard of another rule of the category
              source: written for this test
              says:
                - giraffe
              unless:
                - toy zebra
            - name: a rule limited to reply codes
              source: written for this test
              code: [5xx]
              says:
                - wombat burrow blocked
            """;

    @TempDir
    static Path temp;
    private static Diagnoser diagnoser;

    @BeforeAll
    static void load() {
        TestRules rules = TestRules.copyInto(temp.resolve("rules"));
        rules.deleteRulesOf("tls.wrong-mode").write("tls/wrong-mode.yaml", RULES);
        diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).build();
    }

    @Test
    void theWordingWithOtherEndingsAndAWordMoreIsThatWording() {
        Diagnosis d = diagnoser.diagnose("The zebras crossing was closed");
        assertThat(d.category()).isEqualTo("tls.wrong-mode");
        assertThat(d.basis()).isEqualTo(Basis.NEAR_WORDING);
        assertThat(d.rule().file()).isEqualTo("tls/wrong-mode.yaml");
        assertThat(d.rule().line()).as("the wording's own line").isEqualTo(5);
        assertThat(d.rule().name()).contains("tls.wrong-mode: the zebra wording").contains("'zebra crossing closed'");
        assertThat(new DiagnosisJson(new ObjectMapper()).toJson(d, Locale.ENGLISH).get("basis").asText())
                .isEqualTo("near-wording");

        Explanation e = diagnoser.explain("The zebras crossing was closed");
        assertThat(e.decision().layer()).isEqualTo(Basis.NEAR_WORDING);
        assertThat(ExplanationReport.render(e, Locale.ENGLISH)).contains("nearly all of this wording's letters");
        assertThat(ExplanationReport.why(e, "ru")).contains("почти всё из этой формулировки");
    }

    @Test
    void theExactWordingStillDecidesInItsOwnLayer() {
        assertThat(diagnoser.diagnose("zebra crossing closed").basis()).isEqualTo(Basis.CONCEPT);
    }

    @Test
    void aGuardOfAnyRuleOfTheCategoryKeepsTheTextOut() {
        assertThat(diagnoser.diagnose("The zebra crossings were closed").basis()).isEqualTo(Basis.NEAR_WORDING);
        Diagnosis d = diagnoser.diagnose("The toy zebra crossings were closed");
        assertThat(d.basis()).isEqualTo(Basis.NONE);
        assertThat(d.category()).isEqualTo("unknown.unclassified");
    }

    @Test
    void aReplyWithACodeKeepsItsCodesClass() {
        Diagnosis d = diagnoser.diagnose("550 The zebras crossing was closed");
        assertThat(d.basis()).isNotEqualTo(Basis.NEAR_WORDING);
        assertThat(d.category()).isNotEqualTo("tls.wrong-mode");
    }

    @Test
    void aRuleLimitedToReplyCodesIsNeverSaidNearlyByACodelessText() {
        assertThat(diagnoser.diagnose("550 wombat burrow blocked").category()).isEqualTo("tls.wrong-mode");
        assertThat(diagnoser.diagnose("the wombats burrow was blocked").basis()).isEqualTo(Basis.NONE);
    }

    @Test
    void everyWordOfTheWordingMustBeThereEvenALightOne() {
        assertThat(diagnoser.diagnose("the zq quaggas paddock was flooded").basis()).isEqualTo(Basis.NEAR_WORDING);
        // Without "zq" the text still holds most of the wording's weight, but a word of it is missing.
        assertThat(diagnoser.diagnose("the quaggas paddock was flooded").basis()).isEqualTo(Basis.NONE);
    }

    /** Each thread's marks are reused from text to text: what one text held or took must not reach the next. */
    @Test
    void nothingOfOneTextIsLeftForTheNext() {
        for (int i = 0; i < 3; i++) {
            assertThat(diagnoser.diagnose("The zebras crossing was closed").basis()).as("taken again").isEqualTo(Basis.NEAR_WORDING);
            assertThat(diagnoser.diagnose("zq zq zq").basis()).isEqualTo(Basis.NONE);
            assertThat(diagnoser.diagnose("the quaggas paddock was flooded").basis())
                    .as("the word 'zq' of the text before is not held by this one").isEqualTo(Basis.NONE);
        }
    }

    @Test
    void wordsFarApartAreNotTheWording() {
        String between = " and then the keeper walked along the fence past the feeding station".repeat(4);
        assertThat(diagnoser.diagnose("zebras" + between + " crossing" + between + " closed").basis())
                .isEqualTo(Basis.NONE);
    }

    /**
     * Most of the wording's weight close together is not enough when one of its words is held only far away: each
     * word must be there within the stretch (the text below holds "zq" only at its start).
     */
    @Test
    void aWordHeldOnlyFarFromTheOthersDoesNotCount() {
        String far = " and then the keeper walked along the fence past the feeding station".repeat(4);
        assertThat(diagnoser.diagnose("zq" + far + " the quaggas paddock was flooded").basis()).isEqualTo(Basis.NONE);
        assertThat(diagnoser.diagnose(far + " the zq quaggas paddock was flooded").basis())
                .isEqualTo(Basis.NEAR_WORDING);
    }

    /**
     * A light wording (its words are in many wordings, so their trigrams weigh little) takes part when it has three
     * words: three words said nearly are no single word said another way. Of two light words it does not.
     */
    @Test
    void threeLightWordsAreSaidNearlyTwoAreNot() {
        Diagnosis three = diagnoser.diagnose("it was not then");
        assertThat(three.basis()).isEqualTo(Basis.NEAR_WORDING);
        assertThat(three.rule().name()).contains("'was not the'");
        assertThat(diagnoser.diagnose("not then").basis()).isEqualTo(Basis.NONE);
    }

    @Test
    void oneWordAndWordingsWithNumbersAreOnlyEverSaidExactly() {
        assertThat(diagnoser.diagnose("okapienclosureslocked").basis()).isEqualTo(Basis.NONE);
        assertThat(diagnoser.diagnose("okapi 42 enclosures locked").basis()).isEqualTo(Basis.NONE);
    }

    /**
     * The attacker's text: the parser's whole 8 KiB of the wordings' words, never exactly, every trigram found a
     * hundred times and more.
     */
    @Test
    void aTextMadeOfTheWordingsWordsIsReadInBoundedTime() {
        String text = "zebras crossings closing quaggas paddocks flooding toys ".repeat(150);
        Diagnosis d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> diagnoser.diagnose(text));
        assertThat(d.category()).isNotNull();
    }
}
