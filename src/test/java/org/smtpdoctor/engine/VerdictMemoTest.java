package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;

/** The rules' verdicts are remembered only where the facts they read decide them. */
class VerdictMemoTest {
    @TempDir
    Path temp;

    @Test
    void aRuleSetWithHandWrittenDrlReadingTheTextRemembersNothing() {
        // Both replies have the same code and say no wording: alike in every fact a YAML rule reads. Only the DRL
        // rule's text test tells them apart, so a verdict remembered from the first must not serve the second.
        TestRules rules = TestRules.copyInto(temp);
        rules.write("content/spam.drl", "package content;\nimport org.smtpdoctor.rules.*;\n"
                + "import function org.smtpdoctor.rules.Vocabulary.conclude;\n"
                + "rule \"zebra crossing\"\nwhen\n    Reply( code == 451, has(\"zebra\") )\nthen\n"
                + "    conclude(kcontext, \"content.spam\");\nend\n");
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).build();

        assertThat(diagnoser.diagnose("451 zebra qqqq").category()).isEqualTo("content.spam");
        assertThat(diagnoser.diagnose("451 horse qqqq").category()).isNotEqualTo("content.spam");
        assertThat(diagnoser.diagnose("451 zebra qqqq").category()).isEqualTo("content.spam");
    }

    @Test
    void repliesAlikeInTheirFactsGetTheSameVerdictWithTheirOwnParameters() {
        Diagnoser diagnoser = TestRules.projectDiagnoser();
        Diagnosis bob = diagnoser.diagnose("550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table");
        Diagnosis eve = diagnoser.diagnose("550 5.1.1 <eve@example.net>: Recipient address rejected: User unknown in local recipient table");
        assertThat(eve.category()).isEqualTo(bob.category()).isEqualTo("recipient.unknown");
        assertThat(eve.rule()).isEqualTo(bob.rule());
        assertThat(bob.params()).containsEntry("address", "bob@example.org");
        assertThat(eve.params()).containsEntry("address", "eve@example.net");
    }
}
