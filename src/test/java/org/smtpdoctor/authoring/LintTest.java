package org.smtpdoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.SourceTree;

/**
 * Each problem, planted in a copy of rules/ and samples/ whose auth.too-many-attempts rules are YAML, is
 * reported by lint at its file, line and column, saying what to write instead; all in one run.
 */
class LintTest {
    private static final String RULE_FILE = "auth/too-many-attempts.yaml";
    /** The YAML equivalent of the project's auth/too-many-attempts.drl: each wording proven by a case. */
    private static final String RULES = """
            # auth.too-many-attempts: the server locks the login after failed attempts.
            - name: too many failed logins
              source: Gmail and Yahoo replies (samples/auth/too-many-attempts.yaml)
              says:
                - Too many login attempts
                - text: "(#AUTH005) Too many bad auth attempts"
                  source: Yahoo/AOL reply
            """;

    @TempDir
    Path temp;

    private TestRules rules;
    private TestRules samples;

    @BeforeEach
    void copyTheProject() throws IOException {
        rules = TestRules.copyInto(temp);
        samples = TestRules.copy(Path.of("samples"), temp);
        rules.deleteRulesOf("auth.too-many-attempts");
        rules.write(RULE_FILE, RULES);
        // The cases RULES was written from (the project's file has since gained translations RULES does not know).
        samples.write(RULE_FILE, Files.readString(Path.of("src/test/resources/lint/too-many-attempts-samples.yaml")));
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
    void theProjectWithAYamlRuleFileHasNoErrors() {
        assertThat(lintAll()).noneMatch(Problem::isError);
    }

    @Test
    void problemsOfSeveralFilesComeInOneRunEachAtItsPosition() {
        rules.write(RULE_FILE, RULES.replace("- Too many login attempts", "- Too many login attempts from {user}"));
        rules.write("rate/limited.yaml", "- name: broken\n  says: [unclosed\n");
        rules.replace("catalog/rate.yaml", "rate.limited:\n  actor: none\n", "rate.limited:\n  actor: nobody\n");
        samples.replace("auth/required.yaml", "    source: \"Microsoft 365 reply in a Claws Mail log",
                "    sauce: \"Microsoft 365 reply in a Claws Mail log");
        List<Problem> problems = lintAll();

        int placeholderLine = rules.lineOf(RULE_FILE, "{user}");
        assertThat(problems).anySatisfy(p -> assertThat(p.toString()).startsWith(in(rules, RULE_FILE) + ":"
                + placeholderLine + ":36: error: unknown placeholder {user}: write one of {ip}, {host}"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(in(rules, "rate/limited.yaml"));
            assertThat(p.message()).startsWith("YAML syntax");
            assertThat(p.line()).isPositive();
        });
        int actorLine = rules.lineOf("catalog/rate.yaml", "actor: nobody");
        assertThat(problems).anySatisfy(p -> assertThat(p.toString()).startsWith(in(rules, "catalog/rate.yaml") + ":"
                + actorLine + ":10: error: actor 'nobody' is not one of sender-settings"));
        int sauceLine = samples.lineOf("auth/required.yaml", "sauce:");
        assertThat(problems).anySatisfy(p -> assertThat(p.toString()).startsWith(in(samples, "auth/required.yaml") + ":"
                + sauceLine + ":5: error: unknown field 'sauce' in a sample case"));
        assertThat(problems.stream().filter(Problem::isError).map(Problem::file).distinct()).hasSize(4);
    }

    @Test
    void aWordingThatMatchesNoneOfItsCategorysCasesIsAnErrorAtTheWording() {
        rules.write(RULE_FILE, RULES + "    - locked for frobnication\n");
        int line = rules.lineOf(RULE_FILE, "locked for frobnication");
        // The count grows with the cases of the category that other sample files keep (negatives of near causes).
        assertThat(lintAll()).filteredOn(Problem::isError).extracting(Problem::toString).singleElement()
                .satisfies(problem -> assertThat(problem.replaceFirst(" the \\d+ sample cases ", " the N sample cases ")).isEqualTo(
                        in(rules, RULE_FILE) + ":" + line + ":7: error: the wording \"locked for frobnication\" matches none of"
                        + " the N sample cases of auth.too-many-attempts (" + in(samples, RULE_FILE) + "): add the reply"
                        + " it was written from there (text and source), or correct the wording so that it matches that"
                        + " reply word for word (placeholders such as {number} for the parts that change)"));
    }

    @Test
    void aWordingTheOnePassCannotReadIsAWarningWhereItWouldRunOnEveryReply() {
        // Shavian letters lie beyond the Basic Multilingual Plane: four such wordings once made batch 3x slower.
        rules.write(RULE_FILE, RULES + """
                    - text: "𐑒𐑪𐑯𐑧𐑒𐑖𐑩𐑯"
                      source: a wording in Shavian letters
                    - text: "Zu viele Anmeldeversuche"
                      source: a wording in common letters
                """);
        List<String> unread = lintRules().stream().filter(p -> p.message().contains("holds no phrase"))
                .map(Problem::toString).toList();
        assertThat(unread).singleElement().satisfies(p -> assertThat(p)
                .startsWith(in(rules, RULE_FILE) + ":" + rules.lineOf(RULE_FILE, "𐑒") + ":")
                .contains("warning: the wording \"𐑒").contains("runs it on every reply"));
    }

    @Test
    void aRegexWithoutAWordTheEngineCanLookForIsAWarningWhereItWouldRunOnEveryReply() {
        rules.write(RULE_FILE, RULES + """
                    - regex: '(^|;\\s*)4\\d\\d[\\s-]'
                      source: a regex of digits and signs only
                  unless:
                    - regex: ':\\s*$'
                      source: a guard, tried only where the rule's wordings occur
                - name: too many attempts, by the exception's name
                  source: a rule without wordings
                  exception: [AuthenticationFailedException]
                  unless:
                    - regex: '\\(4\\d\\d,'
                      source: a guard of a rule without wordings, tried on every reply with the exception
                    - regex: 'try again in \\d+'
                      source: a guard with words
                """);
        List<String> costly = lintRules().stream().filter(p -> p.message().contains("contains no word"))
                .map(Problem::toString).toList();
        assertThat(costly).hasSize(2);
        assertThat(costly.get(0)).startsWith(in(rules, RULE_FILE) + ":" + rules.lineOf(RULE_FILE, "(^|;") + ":")
                .contains("warning: the regex \"(^|;\\s*)4\\d\\d[\\s-]\" contains no word of 3 characters or more");
        assertThat(costly.get(1)).startsWith(in(rules, RULE_FILE) + ":" + rules.lineOf(RULE_FILE, "\\(4") + ":");
    }

    @Test
    void aWordingWrittenTwiceInARuleIsAWarningAtTheSecond() {
        rules.write(RULE_FILE, RULES + "    - TOO MANY  login attempts\n");
        int line = rules.lineOf(RULE_FILE, "TOO MANY  login attempts");
        assertThat(lintRules()).filteredOn(p -> p.message().contains("is the one at line")).extracting(Problem::toString)
                .singleElement().satisfies(problem -> assertThat(problem).startsWith(in(rules, RULE_FILE) + ":" + line
                        + ":7: warning: the wording \"TOO MANY login attempts\" is the one at line "
                        + rules.lineOf(RULE_FILE, "- Too many login attempts")));
        rules.write(RULE_FILE, RULES + "    - Too many login attempts today\n");
        assertThat(lintRules()).noneMatch(p -> p.message().contains("is the one at line"));
    }

    @Test
    void aRuleTakingAnotherCategorysCasesIsAnErrorSayingWhichCasesWhoWinsAndWhy() {
        rules.write(RULE_FILE, RULES + """
                - name: Gmail rejects the password
                  source: Gmail reply
                  says: [Username and Password not accepted]
                """);
        int ruleLine = rules.lineOf(RULE_FILE, "- name: Gmail rejects");
        int caseLine = samples.lineOf("auth/invalid-credentials.yaml", "  - text: \"535 5.7.1 Username and Password not accepted.\"");
        List<Problem> problems = lintAll();
        assertThat(problems).filteredOn(p -> p.isError() && p.line() == ruleLine).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(in(rules, RULE_FILE));
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.message()).startsWith("the rule \"auth.too-many-attempts: Gmail rejects the password\" takes ")
                    .contains(" sample cases of auth.invalid-credentials (")
                    .contains(in(samples, "auth/invalid-credentials.yaml") + ":" + caseLine)
                    .contains("it wins because auth.too-many-attempts (#4) stands before auth.invalid-credentials (#6)"
                            + " in categories.yaml, and the category listed first wins")
                    .contains("under 'unless:'").contains("move their category above auth.too-many-attempts");
        });
    }

    @Test
    void aRuleMatchingCasesThatOnlyPrecedenceKeepsIsAWarning() {
        rules.write("auth/invalid-credentials.yaml", """
                - name: Gmail rejects the password
                  source: Gmail reply
                  says: [Username and Password not accepted, Too many login attempts]
                """);
        List<Problem> problems = lintAll();
        assertThat(problems).filteredOn(p -> p.file().equals(in(rules, "auth/invalid-credentials.yaml")) && !p.isError())
                .singleElement().satisfies(p -> assertThat(p.message()).matches(
                        "(?s)the rule \"auth.invalid-credentials: Gmail rejects the password\" also matches [4-9] sample cases"
                                + " of auth.too-many-attempts \\(.*").contains("they keep their category only because it"
                                + " stands before auth.invalid-credentials in categories.yaml"));
    }

    @Test
    void anUnfinishedAdviceStubIsAnErrorSayingWhatToWriteInWhichLanguage() {
        rules.replace("catalog/auth.yaml", "    title: \"Неверный логин или пароль\"",
                "    title: \"TODO (ru): что пошло не так\"");
        int line = rules.lineOf("catalog/auth.yaml", "TODO (ru)");
        assertThat(lintRules()).filteredOn(Problem::isError).extracting(Problem::toString).containsExactly(
                in(rules, "catalog/auth.yaml") + ":" + line + ":12: error: \"TODO (ru): что пошло не так\" is a stub:"
                        + " write the title in Russian of auth.invalid-credentials here, in words the person sending"
                        + " the mail understands, in place of the whole quoted text (until then lint and verify fail,"
                        + " and people are shown the general advice of an unknown error)");
    }

    @Test
    void aTodoInARuleOrSampleSourceIsAnError() {
        rules.write(RULE_FILE, RULES.replace("source: Yahoo/AOL reply", "source: TODO where was it seen"));
        samples.replace("auth/too-many-attempts.yaml", "source: \"Gmail reply, GitHub issue AnalogJ/justvanish#13\"",
                "source: \"TODO\"");
        List<Problem> errors = lintAll().stream().filter(Problem::isError).toList();
        assertThat(errors).extracting(Problem::file)
                .containsExactlyInAnyOrder(in(rules, RULE_FILE), in(samples, "auth/too-many-attempts.yaml"));
        assertThat(errors).allSatisfy(p -> assertThat(p.message()).contains("is unfinished: write what belongs here"));
        assertThat(errors).filteredOn(p -> p.file().equals(in(rules, RULE_FILE))).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(rules.lineOf(RULE_FILE, "TODO where")));
    }

    @Test
    void aRuleFileOfAnUnknownCategory() {
        rules.write("auth/too-many-tries.yaml", RULES);
        assertThat(lintRules()).filteredOn(Problem::isError).extracting(Problem::toString).containsExactly(
                in(rules, "auth/too-many-tries.yaml") + ":1:1: error: unknown category 'auth.too-many-tries': add it to"
                        + " categories.yaml (in the place that gives it the right precedence) or rename the file after"
                        + " an existing category");
    }

    @Test
    void twoRulesWithTheSameNameAreOneProblem() {
        rules.write(RULE_FILE, RULES + RULES.substring(RULES.indexOf("- name")));
        int second = (int) RULES.lines().count() + 1;
        assertThat(lintRules()).filteredOn(Problem::isError).extracting(Problem::toString).containsExactly(
                in(rules, RULE_FILE) + ":" + second + ":3: error: a rule named 'too many failed logins' already stands"
                        + " at line 2: give each rule of the file its own name");
    }

    @Test
    void catalogEntryForAnUnknownCategory() {
        rules.replace("catalog/auth.yaml", "auth.required:", "auth.requires-login:");
        int line = rules.lineOf("catalog/auth.yaml", "auth.requires-login:");
        assertThat(lintRules()).filteredOn(Problem::isError).extracting(Problem::toString).contains(
                in(rules, "catalog/auth.yaml") + ":" + line + ":1: error: catalog entry for unknown category "
                        + "'auth.requires-login' (not in categories.yaml)");
    }

    @Test
    void unusedCatalogEntryIsAWarning() {
        rules.replace("categories.yaml", "  - id: auth.required\n", "  - id: auth.legacy-login\n"
                + "    en: Old login\n    ru: Старый вход\n  - id: auth.required\n");
        String auth = rules.read("catalog/auth.yaml");
        String required = auth.substring(auth.indexOf("auth.required:"), auth.indexOf("\n\n", auth.indexOf("auth.required:")));
        rules.write("catalog/auth.yaml", auth + "\n" + required.replace("auth.required:", "auth.legacy-login:"));
        int line = rules.lineOf("catalog/auth.yaml", "auth.legacy-login:");
        assertThat(lintRules()).anySatisfy(p -> assertThat(p.toString()).startsWith(in(rules, "catalog/auth.yaml") + ":"
                + line + ":1: warning: the entry 'auth.legacy-login' is never used"));
    }

    @Test
    void placeholderThatNoRuleProvidesSaysHowAWordingProvidesIt() {
        rules.replace("catalog/auth.yaml", "title: \"Login or password rejected\"",
                "title: \"Login or password for {mailbox|the mailbox} rejected\"");
        int line = rules.lineOf("catalog/auth.yaml", "{mailbox|the mailbox}");
        // What the category's rules do provide is listed between the two parts (it grows as wordings are written).
        assertThat(lintRules()).anySatisfy(p -> assertThat(p.toString()).startsWith(in(rules, "catalog/auth.yaml") + ":"
                + line + ":12: warning: placeholder {mailbox|…} in the title in English of 'auth.invalid-credentials'"
                + " always shows its fallback: no rule of that category provides 'mailbox' (its rules provide ")
                .containsPattern("\\(its rules provide [a-z]+(, [a-z]+)*\\);")
                .endsWith("; write {mailbox:number} (or another type: ip, host, address, url, id) in a wording of the rule,"
                        + " or drop the placeholder"));
    }

    @Test
    void placeholderProvidedByAWordingIsFine() {
        rules.replace("catalog/auth.yaml", "title: \"Too many failed logins, access temporarily locked\"",
                "title: \"Too many failed logins ({address|your address}), access temporarily locked\"");
        String warning = "{address|…} in the title in English of 'auth.too-many-attempts'";
        assertThat(lintRules()).anyMatch(p -> p.message().contains(warning));
        rules.write(RULE_FILE, RULES + "    - Too many login attempts for {address}\n");
        assertThat(lintRules()).noneMatch(p -> p.message().contains(warning));
    }

    @Test
    void sampleExpectingAnUnknownCategory() {
        samples.replace("auth/too-many-attempts.yaml", "    source: \"Gmail reply, GitHub issue AnalogJ/justvanish#13\"",
                "    source: \"Gmail reply, GitHub issue AnalogJ/justvanish#13\"\n    expect: auth.locked-out");
        int line = samples.lineOf("auth/too-many-attempts.yaml", "  - text:");
        assertThat(lintAll()).filteredOn(Problem::isError).extracting(Problem::toString).contains(
                in(samples, "auth/too-many-attempts.yaml") + ":" + line + ":0: error: the case expects category"
                        + " 'auth.locked-out', which is not in categories.yaml: write an id listed there (or add the category)");
    }

    @Test
    void showDrlGivesTheDroolsRulesOfTheYamlFiles() {
        String drl = RuleLinter.generatedDrl(SourceTree.of(rules.root()), "auth.too-many-attempts");
        assertThat(drl).contains("// Generated from auth/too-many-attempts.yaml")
                .contains("rule \"auth.too-many-attempts: too many failed logins\"")
                .contains("Said( id == \"auth.too-many-attempts/1\" )")
                .doesNotContain("rate.");
        assertThat(RuleLinter.generatedDrl(SourceTree.of(rules.root()), "rate.limited"))
                .contains("// Generated from rate/limited.yaml").doesNotContain("auth.");
        assertThat(RuleLinter.generatedDrl(SourceTree.of(rules.root()), "rate.no-such-category")).isEmpty();
    }

    @Test
    void aProviderRuleTakingACaseItsCategoryMatchesOnlyByConceptIsAnErrorThatNamesTheLayer() {
        rules.deleteRulesOf("server.error").write("server/error.yaml", """
                - name: a provider wording that is really the concept of another cause
                  source: written for this test
                  says:
                    - mailfolder is full
                """);
        samples.write("server/error.yaml", """
                cases:
                  - text: "451 mailfolder is full"
                    source: written for this test
                """);
        assertThat(lintAll()).anySatisfy(p -> {
            assertThat(p.toString()).contains("server/error.yaml:1:");
            assertThat(p.message()).contains("takes 1 sample case of recipient.mailbox-full")
                    .contains("it is a pattern rule and recipient.mailbox-full matches only with concept rules");
        });
    }
}
