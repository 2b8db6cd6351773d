package org.smtpdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

/** Each catalog mistake is reported at the file, line and column where the author fixes it. */
class CatalogLoadErrorsTest {
    @TempDir
    Path temp;

    private List<Problem> errorsOf(TestRules rules) {
        Problems problems = new Problems();
        Catalog catalog = CatalogLoader.load(SourceTree.of(rules.root()), problems);
        assertThat(catalog).isNull();
        return problems.all().stream().filter(Problem::isError).toList();
    }

    @Test
    void theProjectCatalogLoadsWithEveryCategoryInBothLanguages() {
        Problems problems = new Problems();
        Catalog catalog = CatalogLoader.load(SourceTree.of(TestRules.PROJECT_RULES), problems);
        assertThat(problems.all()).isEmpty();
        assertThat(catalog.taxonomy().languages()).containsExactlyInAnyOrder("en", "ru");
        for (Category category : catalog.taxonomy().categories()) {
            for (String language : catalog.taxonomy().languages()) {
                Advice advice = catalog.entry(category.id()).advice(language, java.util.Map.of(), catalog.deployment());
                assertThat(advice.title()).as(category.id() + " " + language).isNotBlank();
                assertThat(advice.remedy()).as(category.id() + " " + language).isNotEmpty();
            }
        }
    }

    @Test
    void yamlSyntaxErrorHasFileLineAndColumn() {
        TestRules rules = TestRules.copyInto(temp).replace("catalog/auth.yaml", "auth.required:", "auth.required: [");
        int line = rules.lineOf("catalog/auth.yaml", "auth.required: [");
        assertThat(errorsOf(rules)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("catalog/auth.yaml");
            assertThat(p.message()).startsWith("YAML syntax");
            assertThat(p.line()).isBetween(line, line + 2);
            assertThat(p.column()).isPositive();
        });
    }

    @Test
    void missingLanguageIsReportedAtTheEntry() {
        TestRules rules = TestRules.copyInto(temp);
        String auth = rules.read("catalog/auth.yaml");
        int start = auth.indexOf("auth.required:");
        int ru = auth.indexOf("\n  ru:", start);
        int next = auth.indexOf("\nauth.", ru + 1);
        rules.write("catalog/auth.yaml", auth.substring(0, ru + 1) + (next < 0 ? "" : auth.substring(next + 1)));
        int line = rules.lineOf("catalog/auth.yaml", "auth.required:");
        assertThat(errorsOf(rules)).anySatisfy(p -> assertThat(p.toString())
                .isEqualTo("catalog/auth.yaml:" + (line + 1) + ":3: error: entry auth.required has no 'ru' text"));
    }

    @Test
    void duplicateKeyIsReportedWithTheFirstOne() {
        TestRules rules = TestRules.copyInto(temp);
        int actorLine = rules.lineOf("catalog/relay.yaml", "actor:");
        rules.replace("catalog/relay.yaml", "  actor:", "  retry: no\n  actor:");
        assertThat(errorsOf(rules)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("catalog/relay.yaml");
            assertThat(p.message()).contains("duplicate key 'retry'");
        });
        assertThat(actorLine).isPositive();
    }

    @Test
    void unknownFieldAndBadValuesAreReported() {
        TestRules rules = TestRules.copyInto(temp)
                .replace("catalog/relay.yaml", "  actor:", "  actors: none\n  actor:")
                .replace("catalog/sender.yaml", "retry: after-fix", "retry: later");
        int line = rules.lineOf("catalog/relay.yaml", "actors: none");
        assertThat(errorsOf(rules)).extracting(Problem::toString).contains(
                "catalog/relay.yaml:" + line + ":3: error: unknown field 'actors' in entry relay.denied (allowed: actor, retry, retryIfTransient, links, en, ru)")
                .anyMatch(s -> s.startsWith("catalog/sender.yaml:") && s.contains("retry 'later' is not one of automatic, after-fix, no"));
    }

    @Test
    void categoryWithoutEntryAndEntryWithoutCategory() {
        TestRules rules = TestRules.copyInto(temp)
                .replace("categories.yaml", "  - id: relay.denied", "  - id: relay.open\n    en: x\n    ru: x\n  - id: relay.denied")
                .replace("catalog/relay.yaml", "relay.denied:", "relay.denid:");
        int line = rules.lineOf("categories.yaml", "- id: relay.denied");
        assertThat(errorsOf(rules)).extracting(Problem::toString).contains(
                "catalog/relay.yaml:2:1: error: catalog entry for unknown category 'relay.denid' (not in categories.yaml)",
                "categories.yaml:" + (line - 3) + ":5: error: category 'relay.open' has no catalog entry (expected in catalog/relay.yaml)",
                "categories.yaml:" + line + ":5: error: category 'relay.denied' has no catalog entry (expected in catalog/relay.yaml)");
    }

    @Test
    void placeholderWithoutFallbackIsReported() {
        TestRules rules = TestRules.copyInto(temp);
        String relay = rules.read("catalog/relay.yaml");
        int remedy = relay.indexOf("remedy:");
        int step = relay.indexOf("- ", remedy);
        rules.write("catalog/relay.yaml", relay.substring(0, step + 2) + "\"Ask {admin} first.\"\n      - "
                + relay.substring(step + 2));
        assertThat(errorsOf(rules)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("catalog/relay.yaml");
            assertThat(p.message()).startsWith("placeholder {admin} in relay.denied (en) needs a fallback");
        });
    }

    @Test
    void codeTableWithUnknownCategory() {
        TestRules rules = TestRules.copyInto(temp).replace("codes/reply-codes.yaml", "category: auth.invalid-credentials",
                "category: auth.bad-password");
        assertThat(errorsOf(rules)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("codes/reply-codes.yaml");
            assertThat(p.line()).isEqualTo(rules.lineOf("codes/reply-codes.yaml", "auth.bad-password"));
            assertThat(p.message()).isEqualTo("unknown category 'auth.bad-password' (not in categories.yaml)");
        });
    }

    @Test
    void everyRegisteredStatusCodeHasACategoryAndMeaningInBothLanguages() {
        Catalog catalog = CatalogLoader.load(SourceTree.of(TestRules.PROJECT_RULES), new Problems());
        // The IANA registry's subjects and their highest detail: X.0.0, X.1.0-10, X.2.0-4, X.3.0-6, X.4.0-7,
        // X.5.0-6, X.6.0-10, X.7.0-30.
        int[] lastDetail = {0, 10, 4, 6, 7, 6, 10, 30};
        int count = 0;
        for (int subject = 0; subject < lastDetail.length; subject++) {
            for (int detail = 0; detail <= lastDetail[subject]; detail++) {
                for (int statusClass : new int[] {4, 5}) {
                    CodeMeaning meaning = catalog.statusCodes().enhanced(
                            new org.smtpdoctor.reply.EnhancedStatusCode(statusClass, subject, detail));
                    assertThat(meaning).as("X.%d.%d", subject, detail).isNotNull();
                    assertThat(catalog.taxonomy().contains(meaning.categoryFor(statusClass))).isTrue();
                    assertThat(meaning.meaning()).containsOnlyKeys("en", "ru");
                }
                count++;
            }
        }
        assertThat(catalog.statusCodes().enhancedCount()).isEqualTo(count);
        int[] rfc5321 = {211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504,
                550, 551, 552, 553, 554, 555};
        for (int code : rfc5321) {
            assertThat(catalog.statusCodes().reply(code)).as("reply code %d", code).isNotNull();
            assertThat(catalog.statusCodes().reply(code).meaning()).containsOnlyKeys("en", "ru");
        }
    }

    @Test
    void placeholdersAreFilledOrFallBack() {
        Deployment deployment = projectCatalog().deployment();
        assertThat(Placeholders.Text.of("Open {url|the link} now").fill(java.util.Map.of("url", "https://x.example/"), deployment, "en"))
                .isEqualTo("Open https://x.example/ now");
        assertThat(Placeholders.Text.of("Open {url|the link} now").fill(java.util.Map.of(), deployment, "en")).isEqualTo("Open the link now");
    }

    private static Catalog projectCatalog() {
        return CatalogLoader.load(SourceTree.of(TestRules.PROJECT_RULES), new Problems());
    }
}
