package org.smtpdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;

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
        assertThat(suggestions.get(0).get("closestSample").asText()).isNotBlank();
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
}
