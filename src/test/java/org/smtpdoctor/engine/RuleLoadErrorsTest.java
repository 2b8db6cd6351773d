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

/**
 * A broken rule file is reported with its path, line and column, every problem of every file in one run,
 * in words that say what to write instead; nothing else is blamed.
 */
class RuleLoadErrorsTest {
    private static final String DRL_HEADER = "package auth;\n\nimport org.smtpdoctor.rules.*;\n"
            + "import function org.smtpdoctor.rules.Vocabulary.conclude;\n\n";
    private static final String CONCLUDE = "conclude(kcontext, \"auth.too-many-attempts\");";

    @TempDir
    Path temp;

    private TestRules copy() {
        return TestRules.copyInto(temp.resolve("r" + System.nanoTime())).deleteRulesOf("auth.too-many-attempts");
    }

    /** One DRL rule after {@link #DRL_HEADER}: its name on line 6, its condition on line 8, its consequence on line 10. */
    private static String rule(String name, String condition, String consequence) {
        return "rule \"" + name + "\"\nwhen\n    " + condition + "\nthen\n    " + consequence + "\nend\n";
    }

    private static List<Problem> problemsOf(TestRules rules) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> Diagnoser.builder().rulesDirectory(rules.root()).build());
        assertThat(thrown).isInstanceOf(ProblemsException.class);
        return ((ProblemsException) thrown).problems();
    }

    @Test
    void theProjectRulesLoad() {
        Diagnoser diagnoser = TestRules.projectDiagnoser();
        assertThat(diagnoser.ruleSetVersion()).hasSize(12);
    }

    @Test
    void everyMistakeOfEveryYamlFileIsReportedInOneRunAtItsPlace() {
        TestRules rules = copy().write("auth/too-many-attempts.yaml", """
                - name: locked out
                  source: a test
                  code: [535, 6xx]
                  stage: [handshake]
                  says:
                    - too many {thing} attempts
                    - text: locked {host
                - name: no source
                  says: [too many logins]
                - name: nothing to match
                  source: a test
                - name: locked out
                  source: a test
                  says: [again]
                """).write("auth/invalid-credentials.yaml", """
                - name: bad field
                  source: a test
                  sayz: [wrong]
                """);
        assertThat(problemsOf(rules)).extracting(Problem::toString).containsExactlyInAnyOrder(
                "auth/too-many-attempts.yaml:3:15: error: '6xx' is not a reply code: write a reply code such as 535,"
                        + " a class such as 4xx, a range such as 530-535, or none (code: [535, none])",
                "auth/too-many-attempts.yaml:4:11: error: unknown stage 'handshake': write one of connect, greeting,"
                        + " ehlo, starttls, auth, mail, rcpt, data, end-of-data",
                "auth/too-many-attempts.yaml:6:16: error: unknown placeholder {thing}: write one of {ip}, {host},"
                        + " {address}, {url}, {number}, {id}, {...}, or {name:type} such as {limit:number}; '{{' is a literal brace",
                "auth/too-many-attempts.yaml:7:20: error: '{' opens a placeholder that is never closed: write {ip},"
                        + " {host}, {address}, {url}, {number}, {id}, {...}, or '{{' for a literal brace",
                "auth/too-many-attempts.yaml:9:10: error: this wording has no source: say where it was seen, with"
                        + " 'source:' beside it (- text: ... / source: ...) or once for the rule",
                "auth/too-many-attempts.yaml:10:3: error: the rule says nothing to match: add 'says:' with the words"
                        + " of the reply (or a condition: code, enhanced, stage, exception)",
                "auth/too-many-attempts.yaml:12:3: error: a rule named 'locked out' already stands at line 1: give"
                        + " each rule of the file its own name",
                "auth/invalid-credentials.yaml:3:3: error: unknown field 'sayz' in a rule (allowed: name, provider, layer,"
                        + " source, code, not-code, enhanced, stage, exception, says, unless)");
    }

    @Test
    void aBadRegexIsReportedWithAdvice() {
        TestRules rules = copy().write("auth/too-many-attempts.yaml", """
                - name: look-ahead
                  source: a test
                  says:
                    - regex: 'too many (?=logins)'
                """);
        assertThat(problemsOf(rules)).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("auth/too-many-attempts.yaml:4:14: error: pattern does not compile");
            assertThat(p.message()).contains("look-ahead is not supported");
        });
    }

    @Test
    void aYamlSyntaxErrorOfOneFileLeavesTheOthersChecked() {
        TestRules rules = copy().write("auth/too-many-attempts.yaml", "- name: [unclosed\n")
                .write("auth/invalid-credentials.yaml", "- name: x\n  source: s\n  says: [a {bad}]\n");
        assertThat(problemsOf(rules)).extracting(Problem::file)
                .contains("auth/too-many-attempts.yaml", "auth/invalid-credentials.yaml");
    }

    @Test
    void aRuleFileOfAnUnknownCategoryOrOutsideAFamilyFolderIsRefused() {
        TestRules rules = copy().write("auth/too-many-logins.yaml", "- name: x\n  source: s\n  says: [a]\n")
                .write("stray.yaml", "- name: x\n  source: s\n  says: [a]\n");
        assertThat(problemsOf(rules)).extracting(Problem::toString).contains(
                "auth/too-many-logins.yaml:1:1: error: unknown category 'auth.too-many-logins': add it to categories.yaml"
                        + " (in the place that gives it the right precedence) or rename the file after an existing category")
                .anySatisfy(p -> assertThat(p).startsWith("stray.yaml:1:1: error: a rule file belongs in its family's folder"));
    }

    @Test
    void drlSyntaxErrorIsReportedAtItsFileAndLine() {
        TestRules rules = copy().write("auth/too-many-attempts.drl", DRL_HEADER
                + rule("auth.too-many-attempts: broken", "Reply( code == 535 ", CONCLUDE));
        List<Problem> problems = problemsOf(rules);
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("auth/too-many-attempts.drl"));
        assertThat(problems.get(0).line()).isEqualTo(9);
        assertThat(problems).noneMatch(p -> p.message().contains("null Package"));
    }

    @Test
    void unknownPropertyIsReportedAtItsPlace() {
        TestRules rules = copy().write("auth/too-many-attempts.drl", DRL_HEADER
                + rule("auth.too-many-attempts: unknown field", "Reply( replyCode == 421 )", CONCLUDE));
        assertThat(problemsOf(rules)).anySatisfy(p -> {
            assertThat(p.toString()).startsWith("auth/too-many-attempts.drl:8:12: error: refused: 'replyCode'");
        });
    }

    @Test
    void badPatternIsReportedAtItsLineAndColumn() {
        TestRules rules = copy().write("auth/too-many-attempts.drl", DRL_HEADER
                + rule("auth.too-many-attempts: bad pattern", "Reply( has(\"too many (login attempts\") )", CONCLUDE));
        assertThat(problemsOf(rules)).singleElement().satisfies(p -> {
            assertThat(p.toString()).startsWith("auth/too-many-attempts.drl:8:16: error: pattern does not compile");
            assertThat(p.message()).contains("too many (login attempts");
        });
    }

    @Test
    void aDrlFileConcludesOnlyItsOwnCategory() {
        TestRules rules = copy().write("auth/too-many-attempts.drl", DRL_HEADER
                + rule("auth.too-many-attempts: b", "Reply( code == 454 )", "conclude(kcontext, \"auth.invalid-credentials\");"));
        assertThat(problemsOf(rules)).extracting(Problem::toString).containsExactly(
                "auth/too-many-attempts.drl:10:24: error: this file may only conclude 'auth.too-many-attempts' (its name);"
                        + " put rules for 'auth.invalid-credentials' in the file of that category (auth/invalid-credentials.yaml)");
    }

    @Test
    void packageMustBeTheFamilyAndRuleNamesUnique() {
        TestRules rules = copy().write("auth/too-many-attempts.drl", DRL_HEADER.replace("package auth;", "package authx;")
                + rule("auth.too-many-attempts: a", "Reply( code == 421 )", CONCLUDE));
        assertThat(problemsOf(rules)).extracting(Problem::message)
                .containsExactly("the package must be the family folder: 'package auth;' (found 'authx')");

        TestRules twice = copy().write("auth/too-many-attempts.drl", DRL_HEADER
                + rule("auth.too-many-attempts: a", "Reply( code == 421 )", CONCLUDE)
                + rule("auth.too-many-attempts: a", "Reply( code == 454 )", CONCLUDE));
        assertThat(problemsOf(twice)).anySatisfy(p -> assertThat(p.toString())
                .startsWith("auth/too-many-attempts.drl:12:1: error: a rule named \"auth.too-many-attempts: a\" already exists at auth/too-many-attempts.drl:6"));
    }

    /** Files are read on several threads; their problems still come file by file, in the files' order, every run. */
    @Test
    void problemsOfManyFilesComeInTheFilesOrderEveryRun() {
        TestRules rules = copy();
        List<String> broken = List.of("auth/invalid-credentials.yaml", "connection/refused.yaml", "recipient/unknown.yaml",
                "tls/handshake-failed.yaml", "auth/too-many-attempts.yaml");
        for (String file : broken) {
            rules.write(file, """
                    - name: first
                      source: a test
                      code: [6xx]
                      says: [one]
                    - name: second
                      sayz: [two]
                    """);
        }
        List<String> first = problemsOf(rules).stream().map(Problem::toString).toList();
        assertThat(first.stream().map(p -> p.substring(0, p.indexOf(':'))).distinct())
                .containsExactlyElementsOf(broken.stream().sorted().toList());
        for (int run = 0; run < 3; run++) {
            assertThat(problemsOf(rules).stream().map(Problem::toString).toList()).isEqualTo(first);
        }
    }

    @Test
    void aMissingRulesDirectoryIsAClearError() {
        assertThatThrownBy(() -> Diagnoser.builder().rulesDirectory(temp.resolve("nothing")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
    }
}
