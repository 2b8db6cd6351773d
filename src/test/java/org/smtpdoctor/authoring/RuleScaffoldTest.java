package org.smtpdoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.source.SourceTree;

/** new-rule on copies of rules/ and samples/: what it writes where, and what it refuses. */
class RuleScaffoldTest {
    private static final String TSS04 = "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to queue"
            + " balancing - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes";

    @TempDir
    Path temp;

    private TestRules rules;
    private TestRules samples;
    private RuleScaffold scaffold;

    @BeforeEach
    void copyTheProject() {
        rules = TestRules.copyInto(temp);
        samples = TestRules.copy(Path.of("samples"), temp);
        scaffold = new RuleScaffold(rules.root(), samples.root());
    }

    @Test
    void aBracketedCodeStaysLiteralAndTheSameReplyFromAnotherIpGetsTheCategory() {
        String fromOtherIp = TSS04.replace("192.0.2.1", "203.0.113.250").replace("4.16.55.1", "98.136.96.74");
        try (Diagnoser before = Diagnoser.builder().rulesDirectory(rules.root()).build()) {
            assertThat(before.diagnose(fromOtherIp).category()).isNotEqualTo("rate.limited");
        }
        RuleScaffold.Result result = scaffold.create("rate.limited", TSS04, "a Yahoo-style reply whose words no rule knows");
        assertThat(result.wording().wording()).isEqualTo("[TSS04] Messages from {ip} temporarily deferred due to queue"
                + " balancing - {ip2:ip}; see {url}");
        assertThat(result.diagnosedAs()).isEqualTo("rate.limited");
        assertThat(rules.read("rate/limited.yaml")).contains("source: \"a Yahoo-style reply whose words no rule knows\"");
        try (Diagnoser after = Diagnoser.builder().rulesDirectory(rules.root()).build()) {
            assertThat(after.diagnose(fromOtherIp).category()).isEqualTo("rate.limited");
            assertThat(after.diagnose(fromOtherIp).params()).containsEntry("ip", "203.0.113.250");
            assertThat(after.diagnose(fromOtherIp.replace("[TSS04]", "[TSS09]")).category())
                    .as("the code in brackets is part of the wording").isNotEqualTo("rate.limited");
        }
    }

    @Test
    void aRuleIsAppendedAsTextKeepingTheFileAndGetsAUniqueName() {
        String file = "# Written by hand; keep this comment.\n"
                + "- name: says Mailbox is locked\n"
                + "  source: a log\n"
                + "  says: [Mailbox is locked for maintenance]   # inline comment\n";
        rules.write("auth/too-many-attempts.yaml", file);
        RuleScaffold.Result result = scaffold.create("auth.too-many-attempts", "454 4.7.0 Mailbox is locked");
        assertThat(rules.read("auth/too-many-attempts.yaml")).startsWith(file + "\n- name: \"says Mailbox is locked (2)\"\n");
        assertThat(result.changes()).extracting(RuleScaffold.Change::file).containsExactly(
                rules.root().resolve("auth/too-many-attempts.yaml"), samples.root().resolve("auth/too-many-attempts.yaml"));
        assertThat(result.newCategory()).isFalse();
    }

    @Test
    void aReplyTheCategorysFileAlreadyRecognisesIsRefusedAndNothingIsWritten() {
        rules.write("auth/too-many-attempts.yaml", "- name: locked\n  source: a log\n  says: [Mailbox is locked]\n");
        String sample = samples.read("auth/too-many-attempts.yaml");
        assertThatThrownBy(() -> scaffold.create("auth.too-many-attempts", "454 4.7.0 Mailbox is locked, try later"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("auth/too-many-attempts.yaml:3: the rule \"locked\" already recognises this reply (wording"
                        + " \"Mailbox is locked\"); if the diagnosis is not auth.too-many-attempts, run explain to see"
                        + " which rule wins, and why");
        assertThat(samples.read("auth/too-many-attempts.yaml")).isEqualTo(sample);
    }

    @Test
    void aCategoryOfANewFamilyStandsBeforeTheFallbacksWithStubsInEveryLanguage() throws IOException {
        RuleScaffold.Result result = scaffold.create("quota.storage-exceeded", "552 Storage quota of 10 GB exceeded");
        assertThat(result.newCategory()).isTrue();
        assertThat(rules.lineOf("categories.yaml", "- id: quota.storage-exceeded") + 3)
                .isEqualTo(rules.lineOf("categories.yaml", "- id: unknown.transient"));
        String catalog = rules.read("catalog/quota.yaml");
        assertThat(catalog).startsWith("# Advice for the quota family.").contains("quota.storage-exceeded:\n")
                .contains("  actor: sender-settings").contains("  retry: after-fix")
                .contains("    title: \"TODO (en): ").contains("    title: \"TODO (ru): ");
        assertThat(samples.read("quota/storage-exceeded.yaml")).contains("cases:\n  - text: \"552 Storage quota of 10 GB exceeded\"");
        assertThat(Files.readString(rules.root().resolve("quota/storage-exceeded.yaml")))
                .contains("    - \"Storage quota of {number} GB exceeded\"");
    }

    @Test
    void aPasswordPastedWithTheReplyIsMaskedInTheRuleAndTheSample() {
        scaffold.create("auth.invalid-credentials", "535 Sign-in refused for ann, password=hunter2 rejected");
        assertThat(rules.read("auth/invalid-credentials.yaml")).doesNotContain("hunter2").contains("password=***");
        assertThat(samples.read("auth/invalid-credentials.yaml")).doesNotContain("hunter2").contains("password=***");
    }

    @Test
    void badInputIsRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> scaffold.create("PasswordExpired", "535 expired"))
                .hasMessageContaining("is not an id: write <family>.<name>");
        assertThatThrownBy(() -> scaffold.create("unknown.permanent", "550 whatever"))
                .hasMessageContaining("choose the category that says what went wrong");
        assertThatThrownBy(() -> scaffold.create("auth.password-expired", "535 5.7.8 192.0.2.1"))
                .hasMessageContaining("no words once its variable parts are placeholders");
        assertThatThrownBy(() -> scaffold.create("auth.password-expired", "535 expired", "TODO"))
                .hasMessageContaining("--source must say");
        assertThat(rules.root().resolve("auth/password-expired.yaml")).doesNotExist();
        assertThatThrownBy(() -> new RuleScaffold(rules.root(), temp.resolve("nowhere")).create("auth.required", "530 x y"))
                .hasMessageContaining("nowhere: no such directory");
    }

    private static final String LEGAL_HOLD = "550 5.7.1 Archive vault av-3 refused message 5512: legal hold active on mailbox 7781";

    private static NewCategoryAdvice legalHoldAdvice() {
        return new NewCategoryAdvice("mail-admin", "after-fix", Map.of(
                "en", new NewCategoryAdvice.Text("The mailbox is under a legal hold", "The archive keeps the mailbox"
                        + " unchanged for a legal case, so it refuses new mail.", List.of("Ask the mail administrator"
                        + " whether the hold is still needed.", " ", "Send again once it is lifted.")),
                "ru", new NewCategoryAdvice.Text("Ящик на юридическом удержании", "Архив хранит ящик без изменений для"
                        + " судебного дела и не принимает новые письма.", List.of("Спросите администратора почты, нужно"
                        + " ли ещё удержание."))));
    }

    @Test
    void aNewCategoryWithItsAdviceIsWrittenWithoutStubsAndServesAtOnce() {
        RuleScaffold.Result result = scaffold.create("policy.legal-hold", LEGAL_HOLD, "a customer's log",
                new RuleScaffold.Edits(null, legalHoldAdvice(), false));
        assertThat(result.newCategory()).isTrue();
        assertThat(result.diagnosedAs()).isEqualTo("policy.legal-hold");
        assertThat(rules.read("categories.yaml")).contains("- id: policy.legal-hold\n",
                "en: \"The mailbox is under a legal hold\"", "ru: \"Ящик на юридическом удержании\"");
        assertThat(rules.read("catalog/policy.yaml")).contains("policy.legal-hold:\n  actor: mail-admin\n  retry: after-fix\n",
                "      - \"Ask the mail administrator whether the hold is still needed.\"\n      - \"Send again once it is lifted.\"\n")
                .doesNotContain("TODO");
        assertThat(RuleLinter.lint(SourceTree.of(rules.root()), SourceTree.of(samples.root())))
                .noneMatch(p -> p.message().contains("legal-hold") || p.message().contains("stub"));
        try (Diagnoser after = Diagnoser.builder().rulesDirectory(rules.root()).build()) {
            assertThat(after.diagnose(LEGAL_HOLD.replace("5512", "9")).advice(Locale.forLanguageTag("ru")).title())
                    .isEqualTo("Ящик на юридическом удержании");
        }
    }

    @Test
    void aNewCategoryWithoutAdviceOrWithAdviceHalfWrittenIsRefusedWhenStubsAreNotAllowed() {
        String categories = rules.read("categories.yaml");
        assertThatThrownBy(() -> scaffold.create("policy.legal-hold", LEGAL_HOLD, null,
                new RuleScaffold.Edits(null, null, false))).hasMessageContaining("policy.legal-hold is a new category");
        NewCategoryAdvice half = new NewCategoryAdvice("someone", null, Map.of("en", legalHoldAdvice().texts().get("en"),
                "ru", new NewCategoryAdvice.Text("TODO (ru): заголовок", "{host} не принимает", List.of())));
        assertThatThrownBy(() -> scaffold.create("policy.legal-hold", LEGAL_HOLD, null,
                new RuleScaffold.Edits(null, half, false))).hasMessageContainingAll("who acts for policy.legal-hold",
                "whether a retry helps", "the title in Russian says TODO", "the placeholder {host} needs a text",
                "the steps in Russian are missing");
        assertThatThrownBy(() -> scaffold.create("rate.limited", LEGAL_HOLD, null,
                new RuleScaffold.Edits(null, legalHoldAdvice(), false))).hasMessageContaining("exists already");
        assertThat(rules.read("categories.yaml")).isEqualTo(categories);
        assertThat(Files.exists(rules.root().resolve("policy/legal-hold.yaml"))).isFalse();
    }

    @Test
    void anEditedWordingIsWrittenAsGivenAndMustMatchTheExample() {
        String sample = samples.read("policy/rejected.yaml");
        assertThatThrownBy(() -> scaffold.create("policy.rejected", LEGAL_HOLD, null,
                new RuleScaffold.Edits("Archive vault {id} refused message {number}: legal freeze", null, true)))
                .hasMessageStartingWith("the reply does not say \"freeze\" after \": legal\"");
        assertThat(samples.read("policy/rejected.yaml")).isEqualTo(sample);
        RuleScaffold.Result result = scaffold.create("policy.rejected", LEGAL_HOLD, null,
                new RuleScaffold.Edits("refused message {number}: legal hold active", null, true));
        assertThat(result.wording().wording()).isEqualTo("refused message {number}: legal hold active");
        assertThat(result.wording().found()).extracting(f -> f.name() + "=" + f.value()).containsExactly("number=5512");
        assertThat(rules.read("policy/rejected.yaml")).contains("    - \"refused message {number}: legal hold active\"\n");
    }
}
