package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpdoctor.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;

/**
 * The staff workflow of issue 10, end to end through the command line, on copies of rules/ and samples/:
 * new-rule on an existing category and on a new one, then lint, verify and diagnose as a support person runs them.
 */
class StaffWorkflowTest {
    private static final String QUOTA = "452 4.5.3 Outbound quota of 500 messages for account 8842 is exhausted (ref Q-77120)";
    private static final String QUOTA_OTHER = "452 4.5.3 Outbound quota of 2000 messages for account 17 is exhausted (ref Q-1)";
    private static final String EXPIRED = "535 5.7.8 Password expired, change it at https://id.example.net/pw?u=ann@example.org";
    private static final String EXPIRED_OTHER = "535 5.7.8 Password expired, change it at https://login.example.com/reset?id=42";
    private static final Pattern TODO_EN = Pattern.compile("\"TODO \\(en\\): [^\"]*\"");
    private static final Pattern TODO_RU = Pattern.compile("\"TODO \\(ru\\): [^\"]*\"");

    @TempDir
    Path temp;

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void aReplyOfAnExistingCategoryIsAddedToItsFileAndTheSameReplyWithOtherNumbersIsDiagnosed() throws IOException {
        TestRules rules = TestRules.copy(Path.of("rules"), temp.resolve("copy"));
        TestRules samples = TestRules.copy(Path.of("samples"), temp.resolve("scopy"));
        String ruleFile = rules.read("rate/daily-quota.yaml");
        String categories = rules.read("categories.yaml");
        String catalog = rules.read("catalog/rate.yaml");
        String projectSamples = Files.readString(Path.of("samples/rate/daily-quota.yaml"));
        String r = rules.root().toString();
        String s = samples.root().toString();
        assertThat(json(run("diagnose", "--json", "--rules", r, QUOTA_OTHER)).get("category").asText())
                .as("today the reply is").isEqualTo("recipient.too-many");

        CliRun created = run("new-rule", "--category", "rate.daily-quota", "--example", QUOTA, "--rules", r, "--samples", s);

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("added to " + rules.root().resolve("rate/daily-quota.yaml"))
                .contains("\"Outbound quota of {number} messages for account {number2:number} is exhausted (ref {id})\"")
                .contains("added to " + samples.root().resolve("rate/daily-quota.yaml"))
                .contains("the example is now diagnosed as rate.daily-quota");
        String yaml = rules.read("rate/daily-quota.yaml");
        assertThat(yaml).as("appended as text, the author's file untouched").startsWith(ruleFile)
                .contains("    - \"Outbound quota of {number} messages for account {number2:number} is exhausted (ref {id})\"")
                .doesNotContain("TODO").doesNotContain("8842").doesNotContain("Q-77120");
        assertThat(rules.read("categories.yaml")).isEqualTo(categories);
        assertThat(rules.read("catalog/rate.yaml")).isEqualTo(catalog);
        assertThat(samples.read("rate/daily-quota.yaml")).endsWith("  - text: \"" + QUOTA + "\"\n"
                + "    source: \"reply given to new-rule on " + LocalDate.now(ZoneOffset.UTC) + "\"\n");
        assertThat(Files.readString(Path.of("samples/rate/daily-quota.yaml"))).as("the project's samples").isEqualTo(projectSamples);

        JsonNode other = json(run("diagnose", "--json", "--rules", r, QUOTA_OTHER));
        assertThat(other.get("category").asText()).isEqualTo("rate.daily-quota");
        assertThat(other.get("basis").asText()).isEqualTo("pattern");
        assertThat(other.get("rule").get("file").asText()).isEqualTo("rate/daily-quota.yaml");
        assertThat(other.get("params").get("number").asText()).isEqualTo("2000");
        assertThat(other.get("params").get("id").asText()).isEqualTo("Q-1");

        CliRun lint = run("lint", "--rules", r, "--samples", s);
        assertThat(lint.exit()).as(lint.out()).isZero();
        assertThat(lint.out().lines()).as("no problem in the category's rule file")
                .noneMatch(l -> l.startsWith(rules.root().resolve("rate/daily-quota.yaml").toString()));
        CliRun verify = run("verify", "--rules", r, "--samples", s);
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains(" 0 failed");
    }

    @Test
    void aNewCategoryFailsLintAndVerifyUntilItsAdviceIsWrittenAndThenTakesTheUrlAsAParameter() throws IOException {
        TestRules rules = TestRules.copy(Path.of("rules"), temp.resolve("copy"));
        TestRules samples = TestRules.copy(Path.of("samples"), temp.resolve("scopy"));
        String r = rules.root().toString();
        String s = samples.root().toString();

        CliRun created = run("new-rule", "--category", "auth.password-expired", "--example", EXPIRED, "--rules", r,
                "--samples", s);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(rules.read("auth/password-expired.yaml")).contains("- \"Password expired, change it at {url}\"");
        assertThat(rules.lineOf("categories.yaml", "- id: auth.password-expired"))
                .as("before the other auth categories").isLessThan(rules.lineOf("categories.yaml", "- id: auth.account-verification"));

        CliRun unfinished = run("lint", "--rules", r, "--samples", s);
        assertThat(unfinished.exit()).isEqualTo(1);
        assertThat(unfinished.out().lines().filter(l -> l.contains(": error: "))).hasSize(8)
                .allMatch(l -> l.matches(Pattern.quote(r) + "/(categories|catalog/auth)\\.yaml:\\d+:\\d+: error: \"TODO \\((en|ru)\\): .+"
                        + "is a stub: write .+ of auth\\.password-expired here.+"))
                .anyMatch(l -> l.contains("write the title in English")).anyMatch(l -> l.contains("write the title in Russian"));
        CliRun unverified = run("verify", "--rules", r, "--samples", s);
        assertThat(unverified.exit()).isEqualTo(1);
        assertThat(unverified.out()).contains("auth/password-expired.yaml:3: the advice of auth.password-expired is not written yet")
                .contains(rules.root().resolve("catalog/auth.yaml") + ":").contains("8 advice texts still TODO stubs");
        JsonNode shown = json(run("diagnose", "--json", "--rules", r, EXPIRED_OTHER));
        assertThat(shown.get("category").asText()).isEqualTo("auth.password-expired");
        assertThat(shown.toString()).as("a stub is never shown").doesNotContain("TODO");
        assertThat(shown.get("title").asText()).isEqualTo("The mail server permanently refused the message");

        // Only English written: still an error per Russian text.
        for (String file : new String[] {"categories.yaml", "catalog/auth.yaml"}) {
            rules.write(file, TODO_EN.matcher(rules.read(file)).replaceAll("\"The password of the mailbox has expired\""));
        }
        CliRun half = run("lint", "--rules", r, "--samples", s);
        assertThat(half.exit()).isEqualTo(1);
        assertThat(half.out().lines().filter(l -> l.contains(": error: "))).hasSize(4).allMatch(l -> l.contains("in Russian")
                || l.contains("Russian description"));
        for (String file : new String[] {"categories.yaml", "catalog/auth.yaml"}) {
            rules.write(file, TODO_RU.matcher(rules.read(file)).replaceAll("\"Срок действия пароля истёк\""));
        }

        CliRun lint = run("lint", "--rules", r, "--samples", s);
        assertThat(lint.exit()).as(lint.out()).isZero();
        CliRun verify = run("verify", "--rules", r, "--samples", s);
        assertThat(verify.exit()).as(verify.out()).isZero();
        JsonNode other = json(run("diagnose", "--json", "--rules", r, EXPIRED_OTHER));
        assertThat(other.get("category").asText()).isEqualTo("auth.password-expired");
        assertThat(other.get("params").get("url").asText()).isEqualTo("https://login.example.com/reset?id=42");
        assertThat(other.get("title").asText()).isEqualTo("The password of the mailbox has expired");
        JsonNode ru = json(run("diagnose", "--json", "--lang", "ru", "--rules", r, EXPIRED_OTHER));
        assertThat(ru.get("title").asText()).isEqualTo("Срок действия пароля истёк");
    }

    @Test
    void withoutSamplesBesideTheRulesNewRuleRefusesAndWritesNothing() throws IOException {
        TestRules rules = TestRules.copy(Path.of("rules"), temp.resolve("x"));
        String before = rules.read("categories.yaml");
        CliRun r = run("new-rule", "--category", "auth.password-expired", "--example", EXPIRED,
                "--rules", rules.root().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no samples folder beside the rules folder (" + temp.resolve("x/samples") + ")")
                .contains("give --samples DIR");
        assertThat(rules.read("categories.yaml")).isEqualTo(before);
        assertThat(rules.root().resolve("auth/password-expired.yaml")).doesNotExist();
    }

    @Test
    void theSamplesBesideTheRulesAreTheDefaultOfNewRuleLintAndVerify() {
        TestRules rules = TestRules.copy(Path.of("rules"), temp.resolve("x"));
        TestRules samples = TestRules.copy(Path.of("samples"), temp.resolve("x"));
        String r = rules.root().toString();
        CliRun created = run("new-rule", "--category", "rate.daily-quota", "--example", QUOTA, "--rules", r);
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(samples.read("rate/daily-quota.yaml")).contains(QUOTA);
        assertThat(run("lint", "--rules", r).exit()).isZero();
        CliRun verify = run("verify", "--rules", r);
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains(" 0 failed");
    }

    @Test
    void lintShowDrlPrintsTheGeneratedRulesBeforeTheProblems() {
        TestRules rules = TestRules.copy(Path.of("rules"), temp.resolve("x"));
        CliRun r = run("lint", "--show-drl", "rate.daily-quota", "--rules", rules.root().toString(), "--samples",
                temp.resolve("none").toString());
        assertThat(r.out()).startsWith("// Generated from rate/daily-quota.yaml by smtp-doctor")
                .contains("rule \"rate.daily-quota: the account has used up its sending quota\"")
                .contains("Said( id == \"rate.daily-quota/1\" )")
                .contains("conclude(kcontext, \"rate.daily-quota\");");
        CliRun all = run("lint", "--show-drl", "--rules", rules.root().toString(), "--samples", temp.resolve("none").toString());
        assertThat(all.out()).contains("rule \"rate.daily-quota: the account has used up its sending quota\"");
    }
}
