package org.smtpdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.report.DiagnosisJson;

/** The desk's JSON API over real HTTP on 127.0.0.1 (an ephemeral port), serving the bundled rules. */
class DeskApiTest {
    private static final String AUTH_FAILED = "535 5.7.8 Error: authentication failed: Invalid user or password";
    private static DeskServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = BundledEngine.desk(DeskConfig.of("127.0.0.1", 0, null, null, null, null));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theIssuesCurlExampleAnswersInRussianWithTheFieldsOfDiagnoseJson() throws Exception {
        HttpResponse<String> response = http.post("/api/diagnose", "application/json",
                "{\"text\":\"" + AUTH_FAILED + "\",\"lang\":\"ru\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("application/json");
        JsonNode record = Http.json(response);
        assertThat(record.get("category").asText()).isEqualTo("auth.invalid-credentials");
        assertThat(record.get("language").asText()).isEqualTo("ru");
        assertThat(record.get("title").asText()).containsPattern("[а-яА-Я]");
        assertThat(record.get("remedy").get(0).asText()).containsPattern("[а-яА-Я]");
        // exactly the record of diagnose --json: same field names, same order, same values
        JsonNode expected = new DiagnosisJson(new ObjectMapper()).toJson(BundledEngine.get().diagnose(AUTH_FAILED),
                Locale.forLanguageTag("ru"));
        assertThat(fieldNames(record)).isEqualTo(fieldNames(expected));
        assertThat(record).isEqualTo(expected);
    }

    @Test
    void textsGiveAnArrayAndExplainAddsTheTrace() {
        JsonNode answer = Http.json(http.postJson("/api/diagnose", Map.of("texts",
                List.of(AUTH_FAILED, "552 5.3.4 Message size exceeds fixed limit"), "lang", "en", "explain", true)));
        assertThat(answer.isArray()).isTrue();
        assertThat(answer.get(0).get("category").asText()).isEqualTo("auth.invalid-credentials");
        assertThat(answer.get(1).get("category").asText()).isEqualTo("content.too-large");
        assertThat(answer.get(0).get("trace").get("matches").size()).isPositive();
    }

    @Test
    void malformedJsonIsA400ProblemWithoutAStackTrace() {
        HttpResponse<String> response = http.post("/api/diagnose", "application/json", "{\"text\": \"535 oops");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("content-type")).get().asString().startsWith("application/problem+json");
        JsonNode problem = Http.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/malformed-json");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("\tat ", "Exception", "com.fasterxml");
    }

    @Test
    void requestsThatCannotBeUsedAreProblemsToo() {
        assertThat(http.postJson("/api/diagnose", Map.of("lang", "en")).statusCode()).isEqualTo(400);
        assertThat(http.postJson("/api/diagnose", Map.of("text", "x", "lang", "fr")).statusCode()).isEqualTo(400);
        assertThat(http.post("/api/diagnose", "application/json", "[1,2]").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = http.get("/api/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).get("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "{\"text\":\"" + "x".repeat(2 << 20) + "\"}";
        HttpResponse<String> response = http.post("/api/diagnose", "application/json", huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/too-large");
    }

    @Test
    void categoriesHaveIdsFamiliesAndTitlesInBothLanguages() {
        JsonNode answer = Http.json(http.get("/api/categories"));
        JsonNode first = answer.get("categories").get(0);
        assertThat(first.get("id").asText()).contains(".");
        assertThat(first.get("family").asText()).isNotBlank();
        assertThat(first.get("title").has("en")).isTrue();
        assertThat(first.get("title").has("ru")).isTrue();
        assertThat(answer.get("languages").toString()).contains("en", "ru");
    }

    @Test
    void batchStreamsOneRecordPerLineThenTheSummary() {
        String log = AUTH_FAILED + "\n\nnot an smtp reply at all\n552 5.3.4 Message size exceeds fixed limit\n";
        HttpResponse<String> response = http.post("/api/batch?lang=ru", "text/plain", log);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("{");
        assertThat(lines.get(0)).contains("\"line\":1", "auth.invalid-credentials");
        assertThat(lines.get(3)).contains("\"line\":4", "content.too-large");
        assertThat(lines.get(4)).startsWith("{\"summary\":").contains("\"records\":4");
        assertThat(http.post("/api/batch?input-format=jsonl", "text/plain", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownRepliesSeenAreListedMostFrequentFirst() {
        http.postJson("/api/diagnose", Map.of("text", "the frobnicator 1234 melted on node 7"));
        http.postJson("/api/diagnose", Map.of("text", "the frobnicator 5678 melted on node 9"));
        JsonNode unknowns = Http.json(http.get("/api/unknowns")).get("unknowns");
        assertThat(unknowns.get(0).get("count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(unknowns.get(0).get("example").asText()).contains("frobnicator");
        assertThat(unknowns.get(0).get("template").asText()).doesNotContain("1234");
    }

    @Test
    void healthMetricsAndOpenApi() {
        JsonNode health = Http.json(http.get("/health"));
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("ruleSetVersion").asText()).isEqualTo(server.ruleSetVersion());
        http.post("/api/diagnose", "application/json", "{\"text\":\"" + AUTH_FAILED + "\"}");
        HttpResponse<String> metrics = http.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("smtpdoctor_diagnoses_total{category=\"auth.invalid-credentials\"}")
                .contains("smtpdoctor_http_request_duration_seconds_bucket{route=\"/api/diagnose\",le=")
                .contains("smtpdoctor_http_requests_total{method=\"POST\",route=\"/api/diagnose\",status=\"200\"}")
                .contains("smtpdoctor_rule_set_info{version=\"" + server.ruleSetVersion() + "\"} 1");
        JsonNode openApi = Http.json(http.get("/api/openapi.json"));
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        DeskServer.ROUTES.stream().filter(route -> route.startsWith("/api/")).forEach(route ->
                assertThat(openApi.get("paths").has(route)).as("%s is described in openapi.json", route).isTrue());
        assertThat(openApi.at("/components/schemas/NewCategoryAdvice/required").toString()).contains("actor", "ru");
        assertThat(http.get("/").body()).contains("<textarea");
    }

    @Test
    void teachingIsOffWithoutAToken() {
        HttpResponse<String> response = http.postJson("/api/rules", Map.of("text", "x", "category", "auth.required",
                "ruleSetVersion", server.ruleSetVersion()), "X-Smtp-Doctor", "teach");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(Http.json(response).get("type").asText()).isEqualTo("/problems/teaching-off");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
