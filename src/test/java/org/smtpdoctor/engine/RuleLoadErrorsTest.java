package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.ProblemsException;

/** A broken rule file is reported with its path and line, and nothing else is blamed. */
class RuleLoadErrorsTest {
    private static final String HEADER = "package auth;\n\nimport org.smtpdoctor.rules.*;\n"
            + "import function org.smtpdoctor.rules.Vocabulary.conclude;\n\n";

    @TempDir
    Path temp;

    /** One rule after {@link #HEADER}: its name is on line 6, its condition on line 8, its consequence on line 10. */
    private static String rule(String name, String condition, String consequence) {
        return "rule \"" + name + "\"\nwhen\n    " + condition + "\nthen\n    " + consequence + "\nend\n";
    }

    private static final String CONCLUDE = "conclude(kcontext, \"auth.too-many-attempts\");";

    private List<Problem> problemsOf(TestRules rules) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> Diagnoser.builder().rulesDirectory(rules.root()).build());
        assertThat(thrown).isInstanceOf(ProblemsException.class);
        return ((ProblemsException) thrown).problems();
    }

    @Test
    void theProjectRulesLoad() {
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(TestRules.PROJECT_RULES).build();
        assertThat(diagnoser.ruleSetVersion()).hasSize(12);
    }

    @Test
    void drlSyntaxErrorIsReportedAtItsFileAndLine() {
        TestRules rules = TestRules.copyInto(temp).write("auth/too-many-attempts.drl", HEADER
                + rule("auth.too-many-attempts: broken", "Reply( code == 535 ", CONCLUDE));
        List<Problem> problems = problemsOf(rules);
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("auth/too-many-attempts.drl"));
        // Drools reports a missing ')' at the next token: "then", line 9, column 1.
        assertThat(problems.get(0).toString()).startsWith("auth/too-many-attempts.drl:9:1: error: mismatched input 'then'");
        assertThat(problems).noneMatch(p -> p.message().contains("null Package"));
    }

    @Test
    void unknownPropertyIsReportedByDrools() {
        TestRules rules = TestRules.copyInto(temp).write("auth/too-many-attempts.drl", HEADER
                + rule("auth.too-many-attempts: unknown field", "Reply( replyCode == 421 )", CONCLUDE));
        List<Problem> problems = problemsOf(rules);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("auth/too-many-attempts.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo(12);
            assertThat(p.message()).contains("replyCode");
        });
    }

    @Test
    void badPatternIsReportedAtItsLineAndColumn() {
        TestRules rules = TestRules.copyInto(temp).write("auth/too-many-attempts.drl", HEADER
                + rule("auth.too-many-attempts: bad pattern", "Reply( has(\"too many (login attempts\") )", CONCLUDE));
        assertThat(problemsOf(rules)).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("auth/too-many-attempts.drl:8:16: error: pattern does not compile");
            assertThat(p.message()).contains("too many (login attempts");
        });
    }

    @Test
    void unknownCategoryAndForeignCategoryAreReported() {
        TestRules rules = TestRules.copyInto(temp).write("auth/too-many-attempts.drl", HEADER
                + rule("auth.too-many-attempts: a", "Reply( code == 421 )", "conclude(kcontext, \"auth.too-many-logins\");")
                + "\n" + rule("auth.too-many-attempts: b", "Reply( code == 454 )", "conclude(kcontext, \"auth.invalid-credentials\");"));
        assertThat(problemsOf(rules)).extracting(Problem::toString).containsExactly(
                "auth/too-many-attempts.drl:10:24: error: unknown category 'auth.too-many-logins' (not in categories.yaml)",
                "auth/too-many-attempts.drl:17:24: error: this file may only conclude 'auth.too-many-attempts' (its name); "
                        + "put rules for 'auth.invalid-credentials' in auth/invalid-credentials.drl");
    }

    @Test
    void aCategoryThatIsNotAQuotedIdIsRefused() {
        TestRules rules = TestRules.copyInto(temp).write("auth/too-many-attempts.drl", HEADER
                + rule("auth.too-many-attempts: a", "Reply( code == 421 )",
                        "String id = \"auth.too-many-attempts\";\n    conclude(kcontext, id);"));
        assertThat(problemsOf(rules)).extracting(Problem::toString).containsExactly(
                "auth/too-many-attempts.drl:11:5: error: conclude takes the category as a quoted id: conclude(kcontext, \"family.name\")");
    }

    @Test
    void packageMustBeTheFamilyAndRuleNamesUnique() {
        TestRules rules = TestRules.copyInto(temp).write("auth/too-many-attempts.drl", HEADER.replace("package auth;", "package authx;")
                + rule("auth.too-many-attempts: a", "Reply( code == 421 )", CONCLUDE));
        assertThat(problemsOf(rules)).extracting(Problem::message)
                .containsExactly("the package must be the family folder: 'package auth;' (found 'authx')");

        TestRules twice = TestRules.copyInto(temp.resolve("second")).write("auth/too-many-attempts.drl", HEADER
                + rule("auth.too-many-attempts: a", "Reply( code == 421 )", CONCLUDE)
                + rule("auth.too-many-attempts: a", "Reply( code == 454 )", CONCLUDE));
        assertThat(problemsOf(twice)).anySatisfy(p -> assertThat(p.toString())
                .startsWith("auth/too-many-attempts.drl:12:6: error: a rule named \"auth.too-many-attempts: a\" already exists at auth/too-many-attempts.drl:6"));
    }

    @Test
    void ruleFileOutsideAFamilyFolderIsRefused() {
        TestRules rules = TestRules.copyInto(temp).write("stray.drl", HEADER
                + rule("stray", "Reply( code == 421 )", "conclude(kcontext, \"server.unavailable\");"));
        assertThat(problemsOf(rules)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("stray.drl");
            assertThat(p.message()).contains("<family>/<name>.drl");
        });
    }

    @Test
    void aMissingRulesDirectoryIsAClearError() {
        assertThatThrownBy(() -> Diagnoser.builder().rulesDirectory(temp.resolve("nothing")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
    }
}
