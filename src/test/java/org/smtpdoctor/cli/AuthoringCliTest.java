package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpdoctor.cli.CliTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;

/** lint, explain and diagnose --explain as a person runs them. */
class AuthoringCliTest {
    private static final String MAIL_RU = "535 Authentication failed. Please verify your account by going to "
            + "https://e.mail.ru/login?email=mail@ab-cdef.ru";

    @TempDir
    Path temp;

    @Test
    void lintPassesOnTheProject() {
        CliRun r = run("lint", "--rules", "rules", "--samples", "samples");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).doesNotContain(": error: ");
        assertThat(r.err()).contains("lint: 0 errors");
    }

    @Test
    void lintPrintsOneProblemPerLineAndExitsOneOnAnError() {
        TestRules rules = TestRules.copyInto(temp).write("auth/too-many-attempts.yaml",
                "- name: locked\n  source: a log\n  says:\n    - Too many login attempts from {ip\n");
        CliRun r = run("lint", "--rules", rules.root().toString(), "--samples", temp.resolve("none").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).isNotEmpty().allMatch(l -> l.matches(".+:\\d+:\\d+: (error|warning): .+"));
        assertThat(r.out()).contains(rules.root().resolve("auth/too-many-attempts.yaml") + ":4:36: error: '{' opens a"
                + " placeholder that is never closed: write {ip}, {host}, {address}, {url}, {number}, {id}, {...},"
                + " or '{{' for a literal brace");
        assertThat(r.err()).contains("lint: 1 errors");
    }

    @Test
    void explainShowsTheParsedReplyEveryMatchAndTheDecision() {
        CliRun r = run("explain", "--rules", "rules", MAIL_RU);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Code: 535")
                .containsPattern("\\* pattern +auth\\.account-verification \\(#1\\)  auth/account-verification\\.yaml:\\d+ ")
                .contains("url=https://e.mail.ru/login?email=mail@ab-cdef.ru")
                .containsPattern("\n    pattern +auth\\.invalid-credentials \\(#\\d+\\)  auth/invalid-credentials\\.yaml:\\d+")
                .contains("reply-code    auth.invalid-credentials")
                .contains("Decision: auth.account-verification (pattern)")
                .contains("Why: rules of 2 categories matched")
                .contains("What to do:");
        CliRun masked = run("explain", "--rules", "rules", "535 AUTH PLAIN dXNlcjpzZWNyZXQ= failed, password=hunter2");
        assertThat(masked.out()).doesNotContain("hunter2").doesNotContain("dXNlcjpzZWNyZXQ=");
        CliRun ru = run("explain", "--rules", "rules", "--lang", "ru", MAIL_RU);
        assertThat(ru.out()).contains("Разбор ответа").contains("Решение: auth.account-verification").contains("Почему: ");
    }

    @Test
    void diagnoseJsonExplainAddsTheTrace() throws IOException {
        CliRun r = run("diagnose", "--json", "--explain", "--rules", "rules", MAIL_RU);
        JsonNode record = new ObjectMapper().readTree(r.out());
        assertThat(record.get("category").asText()).isEqualTo("auth.account-verification");
        JsonNode trace = record.get("trace");
        assertThat(trace.get("reply").get("code").asInt()).isEqualTo(535);
        JsonNode decided = trace.get("matches").get(0);
        assertThat(decided.get("decided").asBoolean()).isTrue();
        assertThat(decided.get("layer").asText()).isEqualTo("pattern");
        assertThat(decided.get("rule").get("file").asText()).isEqualTo("auth/account-verification.yaml");
        assertThat(decided.get("params").get("url").asText()).isEqualTo("https://e.mail.ru/login?email=mail@ab-cdef.ru");
        assertThat(trace.get("why").asText()).isNotBlank();

        JsonNode plain = new ObjectMapper().readTree(run("diagnose", "--json", "--rules", "rules", MAIL_RU).out());
        assertThat(plain.has("trace")).isFalse();
    }
}
