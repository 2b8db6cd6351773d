package org.smtpdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.authoring.RuleLinter;
import org.smtpdoctor.source.SourceTree;

/**
 * Teaching over real HTTP: a desk on a copy of the project's rules and samples, with an edit token. What a save
 * writes is read back through the API (the watching engine reloads it), not from the files.
 */
class DeskTeachTest {
    private static final String TOKEN = "test-token-1234";
    private static final String UNKNOWN = "Relay gateway gw-17 says: daily outbound allowance of 500 messages used up"
            + " for tenant 88213";
    private static final String SAME_OTHER_NUMBERS = "Relay gateway gw-3 says: daily outbound allowance of 2000"
            + " messages used up for tenant 10577";
    @TempDir
    Path folder;
    private DeskServer server;
    private Http http;
    private Path audit;

    @BeforeEach
    void start() {
        Path rules = TestRules.copyInto(folder).root();
        Path samples = TestRules.copy(Path.of("samples"), folder).root();
        audit = folder.resolve("audit.log");
        DeskConfig defaults = DeskConfig.of("127.0.0.1", 0, rules, samples, TOKEN, "DESK_TOKEN");
        server = DeskServer.start(new DeskConfig(defaults.bind(), 0, rules, samples, TOKEN, "DESK_TOKEN", audit,
                defaults.maxBodyBytes(), defaults.maxBatchBytes(), defaults.idleTimeout()));
        http = new Http(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> save(String text, String category, String version, String... headers) {
        return http.postJson("/api/rules", Map.of("text", text, "category", category, "ruleSetVersion", version),
                headers);
    }

    private static String[] allowed() {
        return new String[] {"Authorization", "Bearer " + TOKEN, "X-Smtp-Doctor", "teach"};
    }

    private JsonNode diagnose(String text) {
        return Http.json(http.postJson("/api/diagnose", Map.of("text", text, "lang", "en")));
    }

    @Test
    void aTaughtReplyWithOtherNumbersGetsTheTaughtCategoryOnTheNextRequest() throws Exception {
        JsonNode before = diagnose(UNKNOWN);
        assertThat(before.get("category").asText()).startsWith("unknown.");
        JsonNode proposal = Http.json(http.postJson("/api/rules/proposal", Map.of("text", UNKNOWN)));
        assertThat(proposal.get("wording").asText()).doesNotContain("88213").contains("{");

        HttpResponse<String> saved = save(UNKNOWN, "rate.daily-quota", before.get("ruleSetVersion").asText(), allowed());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        JsonNode answer = Http.json(saved);
        assertThat(answer.get("wording").asText()).isEqualTo(proposal.get("wording").asText());
        assertThat(answer.get("reloaded").asBoolean()).isTrue();
        assertThat(answer.get("ruleSetVersion").asText()).isNotEqualTo(before.get("ruleSetVersion").asText());

        JsonNode after = diagnose(SAME_OTHER_NUMBERS);
        assertThat(after.get("category").asText()).isEqualTo("rate.daily-quota");
        assertThat(after.get("basis").asText()).isEqualTo("pattern");
        List<String> auditLines = Files.readAllLines(audit);
        assertThat(auditLines).hasSize(1);
        assertThat(auditLines.get(0)).contains("\"token\":\"DESK_TOKEN\"", "rate.daily-quota", "rules/rate/daily-quota.yaml")
                .doesNotContain(TOKEN);
    }

    @Test
    void aSaveWithoutTheTokenOrFromAnotherSiteIsRefusedAndWritesNothing() throws Exception {
        String version = server.ruleSetVersion();
        assertThat(save(UNKNOWN, "rate.daily-quota", version, "X-Smtp-Doctor", "teach").statusCode()).isEqualTo(401);
        assertThat(save(UNKNOWN, "rate.daily-quota", version, "Authorization", "Bearer wrong", "X-Smtp-Doctor", "x")
                .statusCode()).isEqualTo(401);
        assertThat(save(UNKNOWN, "rate.daily-quota", version, "Authorization", "Bearer " + TOKEN).statusCode())
                .as("no custom header: what a cross-site form can send").isEqualTo(403);
        assertThat(save(UNKNOWN, "rate.daily-quota", version, "Authorization", "Bearer " + TOKEN, "X-Smtp-Doctor",
                "teach", "Origin", "http://evil.example").statusCode()).isEqualTo(403);
        assertThat(Files.exists(audit)).isFalse();
        assertThat(diagnose(UNKNOWN).get("category").asText()).startsWith("unknown.");
        assertThat(server.ruleSetVersion()).isEqualTo(version);
    }

    @Test
    void twoSavesAgainstTheSameVersionGiveOne409AndNothingIsLost() throws Exception {
        String version = server.ruleSetVersion();
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> save(UNKNOWN, "rate.daily-quota", version, allowed()));
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(
                () -> save("Mailbox store ms-4 refused message 77: the account 1234 is over its storage", "recipient.mailbox-full",
                        version, allowed()));
        List<Integer> statuses = List.of(first.get().statusCode(), second.get().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        HttpResponse<String> conflict = statuses.get(0) == 409 ? first.get() : second.get();
        assertThat(Http.json(conflict).get("type").asText()).isEqualTo("/problems/version-conflict");
        assertThat(Files.readAllLines(audit)).hasSize(1);
        // the loser diagnoses again and saves against the new version: both rules then serve
        String loser = statuses.get(0) == 409 ? UNKNOWN : "Mailbox store ms-4 refused message 77: the account 1234 is over its storage";
        String category = statuses.get(0) == 409 ? "rate.daily-quota" : "recipient.mailbox-full";
        HttpResponse<String> retried = save(loser, category, server.ruleSetVersion(), allowed());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(diagnose(SAME_OTHER_NUMBERS).get("category").asText()).isEqualTo("rate.daily-quota");
        assertThat(diagnose("Mailbox store ms-9 refused message 5: the account 42 is over its storage")
                .get("category").asText()).isEqualTo("recipient.mailbox-full");
    }

    @Test
    void theProposalSuggestsTheLikeliestCategoriesWithTheirClosestSamples() {
        JsonNode proposal = Http.json(http.postJson("/api/rules/proposal",
                Map.of("text", "550 5.2.2 The mailbox of user 4471 is full, quota exceeded (try later)")));
        JsonNode suggestions = proposal.get("suggestions");
        assertThat(suggestions.size()).isEqualTo(3);
        List<String> categories = List.of(suggestions.get(0).get("category").asText(),
                suggestions.get(1).get("category").asText(), suggestions.get(2).get("category").asText());
        assertThat(categories).contains("recipient.mailbox-full");
        assertThat(suggestions.get(0).get("closestSamples").get(0).asText()).isNotBlank();
        JsonNode closest = suggestions.get(categories.indexOf("recipient.mailbox-full")).get("closestSamples");
        assertThat(closest.size()).isEqualTo(Suggestions.SAMPLES_SHOWN);
        assertThat(closest.toString()).containsIgnoringCase("full");
        assertThat(suggestions.get(0).get("title").has("ru")).isTrue();
        assertThat(suggestions.get(0).get("score").asDouble()).isGreaterThanOrEqualTo(suggestions.get(2).get("score").asDouble());
    }

    @Test
    void aRulesDirectoryThatIsAGitRepositoryGetsOneCommitPerSave() throws Exception {
        Path rules = folder.resolve("rules");
        for (List<String> command : List.of(List.of("git", "init", "-q"), List.of("git", "add", "-A"),
                List.of("git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-q", "-m", "start"))) {
            assertThat(new ProcessBuilder(command).directory(rules.toFile()).inheritIO().start().waitFor()).isZero();
        }
        HttpResponse<String> saved = save(UNKNOWN, "rate.daily-quota", server.ruleSetVersion(), allowed());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        String commit = Http.json(saved).get("commit").asText();
        Process log = new ProcessBuilder("git", "log", "--format=%H %an %s").directory(rules.toFile()).start();
        List<String> lines = new String(log.getInputStream().readAllBytes()).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith(commit + " smtp-doctor serve Teach rate.daily-quota: Relay gateway");
        Process status = new ProcessBuilder("git", "status", "--porcelain").directory(rules.toFile()).start();
        assertThat(new String(status.getInputStream().readAllBytes())).as("nothing left uncommitted").isBlank();
    }

    @Test
    void aPreviewShowsWhatASaveWouldChangeAndWritesNothing() throws Exception {
        String version = server.ruleSetVersion();
        Path ruleFile = folder.resolve("rules/rate/daily-quota.yaml");
        String before = Files.readString(ruleFile);
        assertThat(http.postJson("/api/rules/preview", Map.of("text", UNKNOWN, "category", "rate.daily-quota"),
                "X-Smtp-Doctor", "teach").statusCode()).isEqualTo(401);
        HttpResponse<String> response = http.postJson("/api/rules/preview",
                Map.of("text", UNKNOWN, "category", "rate.daily-quota"), allowed());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = Http.json(response);
        assertThat(preview.get("diagnosedAs").asText()).isEqualTo("rate.daily-quota");
        assertThat(preview.get("files").toString()).contains("rules/rate/daily-quota.yaml", "samples/rate/daily-quota.yaml");
        assertThat(preview.get("changedSamples").isArray()).isTrue();
        assertThat(preview.get("lint").isArray()).isTrue();
        assertThat(Files.readString(ruleFile)).isEqualTo(before);
        assertThat(server.ruleSetVersion()).isEqualTo(version);
        assertThat(diagnose(UNKNOWN).get("category").asText()).startsWith("unknown.");
    }

    /**
     * A preview lists only the problems the save would bring: the served folders' own are subtracted, and when
     * those folders change between two previews, the second subtracts what they hold then.
     */
    @Test
    void aPreviewBlamesOnTheSaveOnlyWhatItBringsAfterTheServedRulesChangedToo() throws Exception {
        Map<String, Object> request = Map.of("text", UNKNOWN, "category", "rate.daily-quota");
        assertThat(Http.json(teach("/api/rules/preview", request)).get("lint").toString()).doesNotContain("unproved");
        Files.writeString(folder.resolve("rules/rate/daily-quota.yaml"), "\n- name: a wording nothing has unproved\n"
                + "  says:\n    - text: 'zqxv unproved tenant wording'\n      source: 'a test'\n", StandardOpenOption.APPEND);
        JsonNode second = Http.json(teach("/api/rules/preview", request));
        assertThat(second.get("lint").toString()).as("the served rule's warning is the served folder's, not the save's")
                .doesNotContain("unproved");
    }

    private HttpResponse<String> teach(String path, Map<String, Object> body) {
        Map<String, Object> request = new HashMap<>(body);
        request.putIfAbsent("ruleSetVersion", server.ruleSetVersion());
        return http.postJson(path, request, allowed());
    }

    /** Advice for a new category, complete in both languages; {@code change} edits it before it is sent. */
    private static Map<String, Object> advice() {
        return new HashMap<>(Map.of("actor", "mail-admin", "retry", "after-fix",
                "en", Map.of("title", "The relay's tenant quota is used up",
                        "explanation", "The relay counts messages per tenant and stopped accepting them for today.",
                        "remedy", List.of("Ask the relay's administrator to raise the tenant quota.", "Send again tomorrow.")),
                "ru", Map.of("title", "Квота арендатора на релее исчерпана",
                        "explanation", "Релей считает письма по арендаторам и на сегодня перестал их принимать.",
                        "remedy", List.of("Попросите администратора релея увеличить квоту.", "Отправьте снова завтра."))));
    }

    @Test
    void anEditedWordingIsSavedAndRecognisesWhatTheProposalWouldNot() throws Exception {
        String taught = "Relay gateway gw-17 says: daily outbound allowance of 500 messages used up for tenant 88213";
        String otherWords = "Relay gateway gw-9 says: weekly outbound allowance of 70 messages used up for tenant 5";
        String edited = "Relay gateway {host:id} says: {...} outbound allowance of {number} messages used up";
        // the proposal keeps "daily" and the gateway name's form, so the weekly reply is not what it recognises
        assertThat(Http.json(http.postJson("/api/rules/proposal", Map.of("text", taught))).get("wording").asText())
                .contains("daily");
        HttpResponse<String> saved = teach("/api/rules", Map.of("text", taught, "category", "rate.daily-quota",
                "wording", edited));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(Http.json(saved).get("wording").asText()).isEqualTo(edited);
        assertThat(Files.readString(folder.resolve("rules/rate/daily-quota.yaml"))).contains("\"" + edited + "\"");
        assertThat(diagnose(otherWords).get("category").asText()).isEqualTo("rate.daily-quota");
        assertThat(Files.readAllLines(audit).get(0)).contains(edited.replace("\"", "\\\""));
    }

    @Test
    void aWordingThatDoesNotMatchTheReplyIsRefusedSayingWhatToWriteAndNothingIsWritten() throws Exception {
        String rule = Files.readString(folder.resolve("rules/rate/daily-quota.yaml"));
        String version = server.ruleSetVersion();
        HttpResponse<String> refused = teach("/api/rules", Map.of("text", UNKNOWN, "category", "rate.daily-quota",
                "wording", "Relay gateway {id} says: monthly outbound allowance"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Http.json(refused).get("detail").asText())
                .contains("does not say \"monthly outbound allowance\"", "the proposal was \"Relay gateway");
        HttpResponse<String> broken = teach("/api/rules", Map.of("text", UNKNOWN, "category", "rate.daily-quota",
                "wording", "Relay gateway {gateway} says"));
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(Http.json(broken).get("detail").asText()).contains("character 15", "unknown placeholder {gateway}");
        // the same check, read-only and without the token, for the page to answer as staff type
        HttpResponse<String> checked = http.postJson("/api/rules/wording", Map.of("text", UNKNOWN,
                "wording", "Relay gateway {id} says: daily outbound allowance of {number} messages"));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        assertThat(Http.json(checked).get("placeholders").toString()).contains("gw-17", "500");
        assertThat(http.postJson("/api/rules/wording", Map.of("text", UNKNOWN, "wording", "daily inbound allowance"))
                .statusCode()).isEqualTo(422);
        assertThat(Files.readString(folder.resolve("rules/rate/daily-quota.yaml"))).isEqualTo(rule);
        assertThat(Files.exists(audit)).isFalse();
        assertThat(server.ruleSetVersion()).isEqualTo(version);
    }

    @Test
    void thePreviewOfAnEditedWordingListsTheSampleCasesItWouldTake() {
        String reply = "452 4.2.2 Mailbox full for tenant 88213 today";
        JsonNode proposal = Http.json(teach("/api/rules/preview", Map.of("text", reply, "category", "rate.daily-quota")));
        assertThat(proposal.get("changedSamples").toString()).doesNotContain("recipient.mailbox-full");
        HttpResponse<String> response = teach("/api/rules/preview", Map.of("text", reply, "category",
                "rate.daily-quota", "wording", "Mailbox full"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = Http.json(response);
        assertThat(preview.get("wording").asText()).isEqualTo("Mailbox full");
        JsonNode changed = preview.get("changedSamples");
        assertThat(changed.size()).isPositive();
        assertThat(changed.get(0).get("now").asText()).isEqualTo("recipient.mailbox-full");
        assertThat(changed.get(0).get("after").asText()).isEqualTo("rate.daily-quota");
        assertThat(preview.get("lint").toString()).as("lint says the new rule takes other categories' cases")
                .contains("recipient.mailbox-full");
    }

    @Test
    void aNewCategoryIsSavedWithItsAdviceInBothLanguagesAndNeverAsStubs() throws Exception {
        String categories = Files.readString(folder.resolve("rules/categories.yaml"));
        HttpResponse<String> bare = teach("/api/rules", Map.of("text", UNKNOWN, "category", "rate.tenant-quota"));
        assertThat(bare.statusCode()).isEqualTo(422);
        assertThat(Http.json(bare).get("detail").asText()).contains("rate.tenant-quota is a new category: write its advice");
        Map<String, Object> incomplete = advice();
        incomplete.put("retry", "sometimes");
        incomplete.put("ru", Map.of("title", "TODO", "explanation", " ", "remedy", List.of()));
        HttpResponse<String> refused = teach("/api/rules", Map.of("text", UNKNOWN, "category", "rate.tenant-quota",
                "newCategory", incomplete));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Http.json(refused).get("detail").asText()).contains("choose one of automatic, after-fix, no",
                "the title in Russian says TODO", "what happened in Russian is empty", "the steps in Russian are missing");
        HttpResponse<String> forExisting = teach("/api/rules", Map.of("text", UNKNOWN, "category", "rate.daily-quota",
                "newCategory", advice()));
        assertThat(forExisting.statusCode()).isEqualTo(422);
        assertThat(Files.readString(folder.resolve("rules/categories.yaml"))).isEqualTo(categories);
        assertThat(Files.exists(audit)).isFalse();

        HttpResponse<String> saved = teach("/api/rules", Map.of("text", UNKNOWN, "category", "rate.tenant-quota",
                "newCategory", advice()));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        assertThat(Http.json(saved).get("newCategory").asBoolean()).isTrue();
        JsonNode ru = Http.json(http.postJson("/api/diagnose", Map.of("text", SAME_OTHER_NUMBERS, "lang", "ru")));
        assertThat(ru.get("category").asText()).isEqualTo("rate.tenant-quota");
        assertThat(ru.get("title").asText()).isEqualTo("Квота арендатора на релее исчерпана");
        assertThat(ru.get("remedy").get(1).asText()).isEqualTo("Отправьте снова завтра.");
        assertThat(ru.get("actor").asText()).isEqualTo("mail-admin");
        assertThat(diagnose(SAME_OTHER_NUMBERS).get("title").asText()).isEqualTo("The relay's tenant quota is used up");
        JsonNode listed = Http.json(http.get("/api/categories")).get("categories");
        assertThat(listed.toString()).contains("\"rate.tenant-quota\"", "Квота арендатора на релее исчерпана");
        // what lint would say of the new files: nothing about the new category, and no stub anywhere
        assertThat(RuleLinter.lint(SourceTree.of(folder.resolve("rules")), SourceTree.of(folder.resolve("samples"))))
                .noneMatch(p -> p.message().contains("tenant-quota") || p.message().contains("stub"));
    }
}
