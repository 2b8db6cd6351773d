package org.smtpdoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.SourceTree;

/** Each problem, planted in a copy of rules/ and samples/, is reported by lint at its file, line and column. */
class LintTest {
    private static final String RULE_FILE = "auth/too-many-attempts.drl";
    private static final String HEADER = "package auth;\n\nimport org.smtpdoctor.rules.*;\n"
            + "import function org.smtpdoctor.rules.Vocabulary.conclude;\n\n";
    private static final String CONCLUDE = "conclude(kcontext, \"auth.too-many-attempts\");";

    @TempDir
    Path temp;

    private TestRules rules;
    private TestRules samples;

    @BeforeEach
    void copyTheProject() {
        rules = TestRules.copyInto(temp);
        samples = TestRules.copy(Path.of("samples"), temp);
    }

    /** One rule after {@link #HEADER}: its name is on line 6, its condition on line 8, its consequence on line 10. */
    private static String rule(String name, String condition, String consequence) {
        return "rule \"" + name + "\"\nwhen\n    " + condition + "\nthen\n    " + consequence + "\nend\n";
    }

    private void writeRules(String... rulesText) {
        rules.write(RULE_FILE, HEADER + String.join("\n", rulesText));
    }

    private List<Problem> lintRules() {
        return RuleLinter.lint(SourceTree.of(rules.root()), null);
    }

    private List<Problem> lintAll() {
        return RuleLinter.lint(SourceTree.of(rules.root()), SourceTree.of(samples.root()));
    }

    private static String in(TestRules tree, String relative) {
        return tree.root().resolve(relative).normalize().toString();
    }

    @Test
    void theProjectHasNoErrors() {
        assertThat(lintAll()).noneMatch(Problem::isError);
    }

    @Test
    void drlSyntaxErrorAtItsLineAndColumnWithoutFollowUps() {
        writeRules(rule("auth.too-many-attempts: broken", "Reply( code == 535 ", CONCLUDE));
        List<Problem> problems = lintRules();
        assertThat(problems).filteredOn(Problem::isError).first().hasToString(
                in(rules, RULE_FILE) + ":9:1: error: mismatched input 'then' in rule \"auth.too-many-attempts: broken\"");
        assertThat(problems).noneMatch(p -> p.message().contains("null Package"));
    }

    @Test
    void drlBuildErrorAtItsLineAndColumn() {
        writeRules(rule("auth.too-many-attempts: unknown property", "Reply( replyCode == 454 )", CONCLUDE));
        assertThat(lintRules()).filteredOn(Problem::isError).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(in(rules, RULE_FILE));
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo(12);
            assertThat(p.message()).contains("replyCode");
        });
    }

    @Test
    void unsupportedPatternConstructAtTheRuleSaysWhatToWriteInstead() {
        writeRules(rule("auth.too-many-attempts: look-ahead", "Reply( has(\"too many (?!good )attempts\") )", CONCLUDE));
        assertThat(lintRules()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(in(rules, RULE_FILE));
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo(16);
            assertThat(p.message()).contains("`(?!`").contains("look-ahead is not supported").contains("not has(");
        });
    }

    @Test
    void backReferenceIsRefusedWithAdvice() {
        writeRules(rule("auth.too-many-attempts: back-reference", "Reply( has(\"(login) \\\\1\") )", CONCLUDE));
        assertThat(lintRules()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("back-references are not supported");
        });
    }

    @Test
    void ruleConcludingAnUnknownCategory() {
        writeRules(rule("auth.too-many-attempts: a", "Reply( code == 454 )", "conclude(kcontext, \"auth.too-many-tries\");"));
        assertThat(lintRules()).filteredOn(Problem::isError).extracting(Problem::toString).containsExactly(
                in(rules, RULE_FILE) + ":10:24: error: unknown category 'auth.too-many-tries' (not in categories.yaml)");
    }

    @Test
    void catalogEntryForAnUnknownCategory() {
        rules.replace("catalog/auth.yaml", "auth.required:", "auth.requires-login:");
        int line = rules.lineOf("catalog/auth.yaml", "auth.requires-login:");
        assertThat(lintRules()).anySatisfy(p -> assertThat(p).hasToString(in(rules, "catalog/auth.yaml") + ":" + line
                + ":1: error: catalog entry for unknown category 'auth.requires-login' (not in categories.yaml)"));
    }

    @Test
    void catalogEntryWithoutALanguage() {
        String auth = rules.read("catalog/auth.yaml");
        int start = auth.indexOf("auth.required:");
        int ru = auth.indexOf("\n  ru:", start);
        int next = auth.indexOf("\nauth.", ru + 1);
        rules.write("catalog/auth.yaml", auth.substring(0, ru + 1) + auth.substring(next + 1));
        int line = rules.lineOf("catalog/auth.yaml", "auth.required:");
        assertThat(lintRules()).anySatisfy(p -> assertThat(p).hasToString(in(rules, "catalog/auth.yaml") + ":"
                + (line + 1) + ":3: error: entry auth.required has no 'ru' text"));
    }

    @Test
    void categoryWithoutADescriptionInALanguage() {
        int line = rules.lineOf("categories.yaml", "- id: auth.required");
        String ru = rules.read("categories.yaml").split("\n")[line + 1];
        rules.replace("categories.yaml", ru + "\n", "");
        assertThat(lintRules()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(in(rules, "categories.yaml"));
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.isError()).isTrue();
            assertThat(p.message()).isEqualTo("category auth.required lacks the field 'ru'");
        });
    }

    @Test
    void unusedCatalogEntryIsAWarning() {
        rules.replace("categories.yaml", "  - id: auth.required\n", "  - id: auth.legacy-login\n"
                + "    en: An old login method\n    ru: Старый способ входа\n  - id: auth.required\n");
        String auth = rules.read("catalog/auth.yaml");
        String required = auth.substring(auth.indexOf("auth.required:"), auth.indexOf("\nauth.", auth.indexOf("auth.required:")) + 1);
        rules.write("catalog/auth.yaml", auth + "\n" + required.replace("auth.required:", "auth.legacy-login:"));
        int line = rules.lineOf("catalog/auth.yaml", "auth.legacy-login:");
        List<Problem> problems = lintRules();
        assertThat(problems).noneMatch(Problem::isError);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.toString()).startsWith(in(rules, "catalog/auth.yaml") + ":" + line + ":1: warning: "
                    + "the entry 'auth.legacy-login' is never used");
        });
    }

    @Test
    void placeholderThatNoRuleProvides() {
        rules.replace("catalog/auth.yaml", "title: \"Login or password rejected\"",
                "title: \"Login or password for {mailbox|the mailbox} rejected\"");
        int line = rules.lineOf("catalog/auth.yaml", "{mailbox|the mailbox}");
        assertThat(lintRules()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(in(rules, "catalog/auth.yaml"));
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.column()).isEqualTo(12);
            assertThat(p.message()).startsWith("placeholder {mailbox|…} of 'auth.invalid-credentials' always shows its "
                    + "fallback: no rule of that category provides 'mailbox'");
        });
    }

    @Test
    void placeholderProvidedByANamedGroupIsFine() {
        rules.replace("catalog/auth.yaml", "title: \"Too many failed logins, access temporarily locked\"",
                "title: \"Too many failed logins ({provider|the server}), access temporarily locked\"");
        writeRules(rule("auth.too-many-attempts: named", "r : Reply( code == 454 )\n    TextMatch() from "
                + "r.find(\"too many login attempts at (?P<provider>\\\\w+)\")", CONCLUDE));
        assertThat(lintRules()).noneMatch(p -> p.message().contains("{provider|…}"));
    }

    @Test
    void yamlSyntaxErrorAtItsLineAndColumn() {
        rules.replace("catalog/auth.yaml", "  retry: after-fix\n", "  retry: [after-fix\n");
        int line = rules.lineOf("catalog/auth.yaml", "retry: [after-fix");
        assertThat(lintRules()).filteredOn(Problem::isError).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(in(rules, "catalog/auth.yaml"));
            assertThat(p.message()).startsWith("YAML syntax");
            assertThat(p.line()).isBetween(line, line + 2);
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void unknownAndMissingFieldsAtTheirLineAndColumn() {
        rules.replace("catalog/auth.yaml", "auth.required:\n  actor: sender-settings\n  retry: after-fix\n",
                "auth.required:\n  actor: sender-settings\n  retries: after-fix\n");
        int line = rules.lineOf("catalog/auth.yaml", "retries: after-fix");
        List<Problem> problems = lintRules();
        assertThat(problems).anySatisfy(p -> assertThat(p.toString()).startsWith(in(rules, "catalog/auth.yaml") + ":"
                + line + ":3: error: unknown field 'retries' in entry auth.required"));
        assertThat(problems).anySatisfy(p -> assertThat(p).hasToString(in(rules, "catalog/auth.yaml") + ":"
                + (line - 1) + ":3: error: entry auth.required lacks the field 'retry'"));
    }

    @Test
    void ruleWithoutASampleCaseIsAWarning() {
        writeRules(rule("auth.too-many-attempts: common", "Reply( has(\"too many login attempts\") )", CONCLUDE),
                rule("auth.too-many-attempts: never seen", "Reply( has(\"locked for frobnication\") )", CONCLUDE));
        List<Problem> problems = lintAll();
        assertThat(problems).noneMatch(Problem::isError);
        assertThat(problems).filteredOn(p -> p.file().equals(in(rules, RULE_FILE))).extracting(Problem::toString)
                .containsExactly(in(rules, RULE_FILE) + ":13:6: warning: no sample case matches the rule "
                        + "\"auth.too-many-attempts: never seen\": add one to samples/auth/too-many-attempts.yaml");
    }

    @Test
    void twoRulesWithTheSameNameAreOneProblem() {
        writeRules(rule("auth.too-many-attempts: a", "Reply( code == 421 )", CONCLUDE),
                rule("auth.too-many-attempts: a", "Reply( code == 454 )", CONCLUDE));
        assertThat(lintRules()).filteredOn(Problem::isError).extracting(Problem::toString).containsExactly(
                in(rules, RULE_FILE) + ":13:6: error: a rule named \"auth.too-many-attempts: a\" already exists at "
                        + RULE_FILE + ":6");
    }

    @Test
    void sampleExpectingAnUnknownCategory() {
        samples.replace("auth/too-many-attempts.yaml", "    source: \"Gmail reply, GitHub issue AnalogJ/justvanish#13\"",
                "    source: \"Gmail reply, GitHub issue AnalogJ/justvanish#13\"\n    expect: auth.locked-out");
        int line = samples.lineOf("auth/too-many-attempts.yaml", "  - text:");
        assertThat(lintAll()).filteredOn(Problem::isError).extracting(Problem::toString).containsExactly(
                in(samples, "auth/too-many-attempts.yaml") + ":" + line
                        + ":0: error: the case expects category 'auth.locked-out', which is not in categories.yaml");
    }

    @Test
    void sampleFileWithAnUnknownField() {
        samples.replace("auth/too-many-attempts.yaml", "    source: \"Gmail reply, GitHub issue AnalogJ/justvanish#13\"",
                "    sauce: \"Gmail reply, GitHub issue AnalogJ/justvanish#13\"");
        int line = samples.lineOf("auth/too-many-attempts.yaml", "sauce:");
        assertThat(lintAll()).filteredOn(Problem::isError).anySatisfy(p -> assertThat(p.toString()).startsWith(
                in(samples, "auth/too-many-attempts.yaml") + ":" + line + ":5: error: unknown field 'sauce' in a sample case"));
    }
}
