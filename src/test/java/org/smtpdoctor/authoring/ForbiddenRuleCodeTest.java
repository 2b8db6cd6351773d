package org.smtpdoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.ProblemsException;
import org.smtpdoctor.source.SourceTree;

/**
 * A rule that reaches beyond the rule vocabulary is refused by the loader (the engine never compiles it)
 * and by lint, with the same message at the same place, however the code is spelled.
 */
class ForbiddenRuleCodeTest {
    private static final String FILE = "auth/too-many-attempts.drl";
    private static final String IMPORTS = "import org.smtpdoctor.rules.*;\nimport function org.smtpdoctor.rules.Vocabulary.conclude;\n";
    private static final String CONCLUDE = "conclude(kcontext, \"auth.too-many-attempts\");";

    @TempDir
    Path temp;

    /** The file: package on line 1, imports on lines 2-3, the rule name on line 5, condition 7, consequence 9. */
    private TestRules plant(String imports, String condition, String consequence) {
        return TestRules.copyInto(temp).write(FILE, "package auth;\n" + imports + "\nrule \"auth.too-many-attempts: x\"\n"
                + "when\n    " + condition + "\nthen\n    " + consequence + "\nend\n");
    }

    private static List<Problem> refusedByLoader(TestRules rules) {
        Throwable thrown = catchThrowable(() -> Diagnoser.builder().rulesDirectory(rules.root()).build());
        assertThat(thrown).isInstanceOf(ProblemsException.class);
        return ((ProblemsException) thrown).problems();
    }

    private static void assertRefusedAt(TestRules rules, int line, int column, String message) {
        Problem loader = refusedByLoader(rules).stream().filter(p -> p.line() == line && p.column() == column)
                .findFirst().orElseThrow(() -> new AssertionError("the loader reports nothing at " + line + ":" + column
                        + ": " + refusedByLoader(rules)));
        assertThat(loader.file()).isEqualTo(FILE);
        assertThat(loader.message()).contains(message);
        List<Problem> lint = RuleLinter.lint(SourceTree.of(rules.root()), null);
        assertThat(lint).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(rules.root().resolve(FILE).toString());
            assertThat(p.isError()).isTrue();
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isEqualTo(column);
            assertThat(p.message()).isEqualTo(loader.message());
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "System.exit in the consequence | System.exit(1); | 5 | 'System' is not allowed in rules",
            "a fully qualified System       | java.lang.System.exit(1); | 5 | 'java.lang.System.exit' reaches outside",
            "opening a file                 | new java.io.FileReader(`\"/etc/passwd\"`); | 9 | 'java.io.FileReader' reaches outside",
            "a process                      | Runtime.getRuntime().exec(`\"rm -rf /\"`); | 5 | 'Runtime' is not allowed",
            "a thread                       | Thread.startVirtualThread(null); | 5 | 'Thread' is not allowed",
            "reflection                     | Object o = Reply.class; | 22 | 'class' is not allowed",
            "the Drools runtime             | kcontext.getKieRuntime().halt(); | 5 | kcontext may only be passed to conclude",
            "a loop                         | while (true) { } | 5 | 'while' is not allowed",
            "code after a quoted //         | String s = '//'; System.exit(1); | 22 | 'System' is not allowed",
    })
    void forbiddenConsequenceIsRefusedAtItsPlace(String what, String consequence, int column, String message) {
        assertRefusedAt(plant(IMPORTS, "Reply( code == 454 )", consequence + " " + CONCLUDE), 9, column, message);
    }

    @Test
    void forbiddenCallInAConditionIsRefused() {
        TestRules rules = plant(IMPORTS, "Reply( eval(java.nio.file.Files.exists(null)) )", CONCLUDE);
        assertRefusedAt(rules, 7, 17, "'java.nio.file.Files.exists' reaches outside the rule vocabulary");
    }

    @Test
    void importOutsideTheVocabularyIsRefused() {
        TestRules rules = plant(IMPORTS + "import java.io.File;\n", "Reply( code == 454 )", CONCLUDE);
        assertRefusedAt(rules, 4, 8, "rules may import only the rule vocabulary (org.smtpdoctor.rules.*), not 'java.io.File'");
    }

    @Test
    void functionDeclarationIsRefused() {
        TestRules rules = plant(IMPORTS + "function void wipe() { }\n", "Reply( code == 454 )", CONCLUDE);
        assertRefusedAt(rules, 4, 1, "'function' is not part of the rule vocabulary");
    }

    @Test
    void unicodeEscapesCannotHideCode() {
        TestRules rules = plant(IMPORTS, "Reply( code == 454 )", "\\u0053ystem.exit(1); " + CONCLUDE);
        assertRefusedAt(rules, 9, 5, "\\u escapes are not allowed in rules");
    }

    @Test
    void forbiddenWordsInsideStringsAndCommentsAreFine() {
        TestRules rules = plant(IMPORTS, "// System.exit would be refused here\n    Reply( has(\"system exit|new thread for file\") )",
                CONCLUDE);
        Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).build();
        assertThat(diagnoser.diagnose("454 4.7.0 System exit: new thread for file").category())
                .isEqualTo("auth.too-many-attempts");
    }
}
