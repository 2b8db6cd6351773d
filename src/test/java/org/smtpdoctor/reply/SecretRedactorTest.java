package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
    @Test
    void authTokensFromProtocolTracesAreMasked() {
        assertThat(SecretRedactor.redact("C: AUTH PLAIN AGFsaWNlAHMzY3JldA== S: 535 5.7.8 Error: authentication failed"))
                .isEqualTo("C: AUTH PLAIN *** S: 535 5.7.8 Error: authentication failed");
        assertThat(SecretRedactor.redact("auth login YWxpY2U=")).isEqualTo("auth login ***");
    }

    @Test
    void passwordSettingsAndUrlPasswordsAreMasked() {
        assertThat(SecretRedactor.redact("connect failed (user=alice, password=s3cr3t!, port=465)"))
                .isEqualTo("connect failed (user=alice, password=***, port=465)");
        assertThat(SecretRedactor.redact("{\"mail.smtp.password\": \"hunter2\", \"host\": \"smtp.example.com\"}"))
                .isEqualTo("{\"mail.smtp.password\": \"***\", \"host\": \"smtp.example.com\"}");
        assertThat(SecretRedactor.redact("Could not connect to smtps://alice:hunter2@smtp.example.com:465"))
                .isEqualTo("Could not connect to smtps://alice:***@smtp.example.com:465");
    }

    @Test
    void replyWordingIsLeftAlone() {
        String[] replies = {
                "535-5.7.8 Username and Password not accepted. Learn more at",
                "534-5.7.9 Application-specific password required",
                "550 5.7.26 SPF did not pass: example.com",
                "535 Authentication failed. Please verify your account by going to https://e.mail.ru/login?email=a@b.ru"};
        for (String reply : replies) {
            assertThat(SecretRedactor.redact(reply)).isEqualTo(reply);
        }
    }

    @Test
    void theParserNeverPassesACredentialOn() {
        ParsedReply r = new ReplyParser().parse("2026-01-01 ERROR mailer - AUTH PLAIN AGFsaWNlAHMzY3JldA== rejected: "
                + "535 5.7.8 Error: authentication failed (password=s3cr3t)");
        assertThat(r.input()).doesNotContain("AGFsaWNlAHMzY3JldA==").doesNotContain("s3cr3t");
        assertThat(r.text()).doesNotContain("AGFsaWNlAHMzY3JldA==").doesNotContain("s3cr3t");
        assertThat(r.code()).isEqualTo(535);
    }

    /**
     * 300 KB of each form's own trigger words, the worst a line can hold for a scan that re-reads values:
     * masked to its end within a hang guard (seconds on a loaded machine, against the hours a quadratic scan takes: the
     * first version of the URL form took longer than the guard on "smtp://a:" repeated).
     */
    @Test
    void longRunsOfTriggerWordsAreMaskedInLinearTime() {
        List<String> units = List.of("password=", "pass: apikey: ", "\"password\": \"", "password=\"a ", "AUTH PLAIN ",
                "334 ", "smtp://a:b@", "smtp://a:", "-p ", "--password ", "-u a:", "Authorization: ", "Bearer ",
                "<password>", "login(\"a\", \"", "\nAUTH LOGIN\n", "\ndXNlcg==\n");
        for (String unit : units) {
            String text = unit.repeat(300_000 / unit.length()) + "\nend.";
            String masked = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SecretRedactor.redact(text), unit);
            assertThat(masked).as(unit).endsWith("\nend.");
        }
    }
}
