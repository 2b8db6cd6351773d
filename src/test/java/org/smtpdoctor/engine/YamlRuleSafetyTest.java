package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.ProblemsException;

/**
 * What staff write in a YAML rule file stays data: wordings, rule names and providers holding quotes,
 * backslashes, '$', braces, DRL or Java code, line breaks and other scripts match (or name) exactly
 * themselves and never become code; YAML that would expand without bound is refused; and the time budget
 * keeps any rule set from holding a diagnosing thread, with the code layers still answering.
 */
class YamlRuleSafetyTest {
    private static final String FILE = "content/rejected.yaml";

    @TempDir
    Path temp;

    private TestRules rules(String yaml) {
        TestRules rules = TestRules.copyInto(temp.resolve("r" + System.nanoTime()));
        rules.deleteRulesOf("content.rejected");
        return rules.write(FILE, yaml);
    }

    @Test
    void wordingsAndNamesHoldingCodeMatchThemselvesOnly() {
        TestRules rules = rules("""
                - name: "quotes \\" backslash \\\\ dollar $x brace {{ drl \\"); System.exit(0); //"
                  provider: "\\"); System.exit(1); // ${user.home} \\\\u0022"
                  source: written for this test
                  says:
                    - 'she said "no" to C:\\temp\\x $HOME {{braces}} [TSS04] (#5.7.1) a|b .* \\u0022'
                    - '"); System.exit(0); //'
                    - "end\\nrule \\"evil\\" when Reply() then System.exit(2); end"
                    - Сообщение отклонено политикой {number}
                    - 邮件被拒绝
                """);
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).build();

        String name = "content.rejected: quotes \" backslash \\ dollar $x brace {{ drl \"); System.exit(0); //";
        for (String text : List.of(
                "554 she said \"no\" to C:\\temp\\x $HOME {braces} [TSS04] (#5.7.1) a|b .* \\u0022 today",
                "554 \"); System.exit(0); // here",
                "554 end\nrule \"evil\" when Reply() then System.exit(2); end",
                "554 5.7.1 Сообщение отклонено политикой 42",
                "554 邮件被拒绝")) {
            Diagnosis d = diagnoser.diagnose(text);
            assertThat(d.category()).as(text).isEqualTo("content.rejected");
            assertThat(d.rule().name()).isEqualTo(name);
            assertThat(d.params()).containsEntry("provider", "\"); System.exit(1); // ${user.home} \\u0022");
        }
        // Punctuation is literal: the regex reading of '[TSS04]', 'a|b' or '.*' must not match.
        assertThat(diagnoser.diagnose("554 she said \"no\" to C:\\temp\\x $HOME {braces} T (#5.7.1) a .* \\u0022")
                .category()).isNotEqualTo("content.rejected");
        assertThat(diagnoser.generatedDrl(name)).contains("conclude(kcontext, \"content.rejected\", \"provider\", "
                + "\"\\\"); System.exit(1); // ${user.home} \\\\u0022\");");
    }

    @Test
    void aControlCharacterInANameIsAnErrorAtItsPlace() {
        TestRules rules = rules("""
                - name: "two\\nlines"
                  source: written for this test
                  says: [some words]
                """);
        assertThat(problemsOf(rules)).anySatisfy(p -> {
            assertThat(p.toString()).startsWith(FILE + ":1:");
            assertThat(p.message()).contains("one line of text");
        });
    }

    @Test
    void yamlAliasesThatWouldExpandWithoutBoundAreRefused() {
        StringBuilder yaml = new StringBuilder("- &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++) {
            yaml.append("- &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        TestRules rules = rules(yaml.toString());
        List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> problemsOf(rules));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.message()).containsIgnoringCase("alias");
        });
    }

    @Test
    void theBudgetBoundsEvaluationAndTheCodeLayersStillAnswer() {
        String text = "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table";
        Diagnoser normal = TestRules.projectDiagnoser();
        assertThat(normal.diagnose(text).basis()).isEqualTo(Basis.PATTERN);

        Diagnoser starved = Diagnoser.builder().rulesDirectory(TestRules.PROJECT_RULES)
                .evaluationBudget(Duration.ofNanos(1)).build();
        Diagnosis d = starved.diagnose(text);
        assertThat(d.basis()).as("no rule got to look").isEqualTo(Basis.ENHANCED_CODE);
        assertThat(d.category()).isEqualTo("recipient.unknown");
    }

    private static List<Problem> problemsOf(TestRules rules) {
        Throwable thrown = catchThrowable(() -> Diagnoser.builder().rulesDirectory(rules.root()).build());
        assertThat(thrown).isInstanceOf(ProblemsException.class);
        return ((ProblemsException) thrown).problems();
    }
}
