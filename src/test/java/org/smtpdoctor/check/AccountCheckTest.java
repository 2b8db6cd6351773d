package org.smtpdoctor.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpdoctor.testing.ScriptedSmtpServer.SILENCE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.reply.SmtpStage;
import org.smtpdoctor.report.CheckJson;
import org.smtpdoctor.report.CheckText;
import org.smtpdoctor.testing.ScriptedSmtpServer;
import org.smtpdoctor.testing.ScriptedSmtpServer.Step;

/** {@link AccountCheck} against scripted SMTP servers on 127.0.0.1: each step, each failure at its stage. */
class AccountCheckTest {
    private static final String PASSWORD = "s3cret-Test-Pa55";
    private static AccountCheck check;

    @BeforeAll
    static void load() {
        check = new AccountCheck(TestRules.projectDiagnoser());
    }

    @Test
    void aCleanRunPassesEveryStepInOrder() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start()) {
            CheckReport report = check.run(request(server.port(), Security.STARTTLS).build());
            assertThat(report.ok()).isTrue();
            assertThat(report.diagnosis()).isNull();
            assertThat(report.steps()).extracting(StepResult::name)
                    .containsExactly("dns", "connect", "greeting", "ehlo", "starttls", "ehlo", "auth", "mail", "rcpt", "rset");
            assertThat(report.steps()).allMatch(StepResult::ok);
            assertThat(report.steps().get(2).detail()).startsWith("220 localhost");
            assertThat(server.commands()).contains("MAIL FROM:<alice@example.com>", "RCPT TO:<bob@example.com>", "RSET");
        }
    }

    @Test
    void wrongPasswordIsDiagnosedAtAuth() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .reply(Step.AUTH, "535 5.7.8 Error: authentication failed: Invalid user or password").start()) {
            CheckReport report = check.run(request(server.port(), Security.STARTTLS).build());
            assertFailure(report, "auth", "auth.invalid-credentials", SmtpStage.AUTH);
            assertThat(report.recommended()).as("a wrong password is not fixed by another port").isNull();
            assertThat(report.attempts()).isEmpty();
        }
    }

    @Test
    void senderRefusedAtMailFrom() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .reply(Step.MAIL, "553 5.7.1 Sender address rejected: not owned by auth user").start()) {
            CheckReport report = check.run(request(server.port(), Security.STARTTLS).build());
            assertFailure(report, "mail", "sender.not-owned", SmtpStage.MAIL);
            assertThat(server.commands()).doesNotContain("RSET");
        }
    }

    @Test
    void testMessageRefusedAfterTheBody() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .reply(Step.END_OF_DATA, "552 5.3.4 Message size exceeds fixed limit").start()) {
            CheckReport report = check.run(request(server.port(), Security.STARTTLS).send(true).messageBytes(5000).build());
            assertFailure(report, "end-of-data", "content.too-large", SmtpStage.END_OF_DATA);
            assertThat(report.steps()).extracting(StepResult::name).contains("mail", "rcpt", "data");
        }
    }

    @Test
    void silenceAfterTheBodyWarnsOfDuplicates() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().reply(Step.END_OF_DATA, SILENCE).start()) {
            CheckReport report = check.run(request(server.port(), Security.STARTTLS).send(true)
                    .timeout(Duration.ofMillis(1500)).build());
            assertFailure(report, "end-of-data", "timeout.end-of-data", SmtpStage.END_OF_DATA);
        }
    }

    @Test
    void unknownHostIsNotSearchedFurther() {
        CheckReport report = check.run(CheckRequest.builder("no-such-host.test.local").security(Security.STARTTLS)
                .timeout(Duration.ofSeconds(2)).build());
        assertFailure(report, "dns", "connection.host-not-found", SmtpStage.CONNECT);
        assertThat(report.attempts()).isEmpty();
    }

    @Test
    void refusedPortLeadsToTheWorkingOne() throws IOException {
        int closed = closedPort();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start()) {
            CheckReport report = check.run(request(closed, Security.STARTTLS)
                    .candidates(List.of(new Endpoint(server.port(), Security.STARTTLS))).build());
            assertFailure(report, "connect", "connection.refused", SmtpStage.CONNECT);
            assertThat(report.recommended()).isEqualTo(new Endpoint(server.port(), Security.STARTTLS));
        }
    }

    /** The support article's "SSL/TLS boxes set wrong": plain text to an implicit-TLS port, answered by auto. */
    @Test
    void plainTextOnAnImplicitTlsPortIsWrongModeAndAutoFindsSsl() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().implicitTls().start()) {
            CheckReport report = check.run(request(server.port(), Security.STARTTLS).timeout(Duration.ofMillis(1500))
                    .candidates(List.of()).build());
            assertFailure(report, "greeting", "tls.wrong-mode", SmtpStage.GREETING);
            assertThat(report.recommended()).isEqualTo(new Endpoint(server.port(), Security.SSL));
            assertThat(report.attempts().get(0)).extracting(AttemptSummary::endpoint, AttemptSummary::works)
                    .containsExactly(new Endpoint(server.port(), Security.SSL), true);
        }
    }

    @Test
    void tlsOnAPlainPortIsWrongMode() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().start()) {
            CheckReport report = check.run(request(server.port(), Security.SSL).candidates(List.of()).build());
            assertFailure(report, "tls", "tls.wrong-mode", SmtpStage.CONNECT);
            assertThat(report.recommended()).isEqualTo(new Endpoint(server.port(), Security.STARTTLS));
        }
    }

    @Test
    void certificateForAnotherNameIsInvalid() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder().implicitTls().start()) {
            // mail.test.local resolves to 127.0.0.1 (src/test/resources/hosts); the certificate names localhost.
            CheckReport report = check.run(CheckRequest.builder("mail.test.local").port(server.port())
                    .security(Security.SSL).sslTrust("*").timeout(Duration.ofSeconds(3)).build());
            assertFailure(report, "tls", "tls.certificate-invalid", SmtpStage.CONNECT);
            assertThat(report.attempts()).as("a certificate is the same on every port").isEmpty();
        }
    }

    @Test
    void autoRecommendsTheFirstCombinationThatWorks() throws IOException {
        int closed = closedPort();
        try (ScriptedSmtpServer ssl = ScriptedSmtpServer.builder().implicitTls().start()) {
            CheckReport report = check.run(request(0, Security.AUTO).timeout(Duration.ofSeconds(3))
                    .candidates(List.of(new Endpoint(closed, Security.SSL), new Endpoint(ssl.port(), Security.SSL)))
                    .build());
            assertThat(report.ok()).isTrue();
            assertThat(report.recommended()).isEqualTo(new Endpoint(ssl.port(), Security.SSL));
            assertThat(report.endpoint()).isEqualTo(report.recommended());
            assertThat(report.attempts()).extracting(AttemptSummary::category)
                    .containsExactly("connection.refused", null);
            assertThat(report.steps()).extracting(StepResult::name).startsWith("dns", "connect", "tls", "greeting");
        }
    }

    @Test
    void theAutoSearchStaysWithinItsBudget() throws IOException {
        try (ScriptedSmtpServer silent = ScriptedSmtpServer.builder().reply(Step.GREETING, SILENCE).start()) {
            List<Endpoint> many = List.of(new Endpoint(silent.port(), Security.STARTTLS),
                    new Endpoint(silent.port(), Security.NONE), new Endpoint(silent.port(), Security.SSL));
            CheckReport report = check.run(request(0, Security.AUTO).timeout(Duration.ofSeconds(5))
                    .autoBudget(Duration.ofSeconds(2)).candidates(many).build());
            assertThat(report.recommended()).isNull();
            // A 2 s budget cannot hold three 5 s time-outs: the first attempt is cut to the budget, the rest skipped.
            assertThat(report.attempts()).hasSize(1);
        }
    }

    /** A server that takes logins only in plain text (no STARTTLS in its EHLO). */
    private static final String EHLO_WITHOUT_TLS = "250-localhost\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME";
    private static final String WRONG_PASSWORD = "535 5.7.8 Error: authentication failed: authentication failure";

    @Test
    void aSettingWhereTheLoginSucceededRanksAboveOneWhereItWasRefused() throws IOException {
        try (ScriptedSmtpServer refusing = ScriptedSmtpServer.builder().reply(Step.AUTH, WRONG_PASSWORD).start();
             ScriptedSmtpServer plain = ScriptedSmtpServer.builder().reply(Step.EHLO, EHLO_WITHOUT_TLS).start()) {
            CheckReport report = check.run(request(0, Security.AUTO).candidates(List.of(
                    new Endpoint(refusing.port(), Security.STARTTLS), new Endpoint(plain.port(), Security.NONE))).build());
            assertThat(report.verdict()).isEqualTo(SearchVerdict.WORKS_ONLY_UNENCRYPTED);
            assertThat(report.recommended()).isEqualTo(new Endpoint(plain.port(), Security.NONE));
            assertThat(report.ok()).isTrue();
            String text = CheckText.render(report, Locale.ENGLISH);
            assertThat(text).contains("Works only without encryption: port " + plain.port(), "readable")
                    .doesNotContain("Settings that work");
            assertThat(CheckText.render(report, Locale.forLanguageTag("ru")))
                    .contains("Работает только без шифрования: порт " + plain.port());
            assertThat(new CheckJson(new ObjectMapper()).toJson(report, Locale.ENGLISH).get("verdict").asText())
                    .isEqualTo("works-only-unencrypted");
        }
    }

    @Test
    void anEncryptedSettingThatWorksIsRecommendedOverAnUnencryptedOneTriedFirst() throws IOException {
        try (ScriptedSmtpServer plain = ScriptedSmtpServer.builder().reply(Step.EHLO, EHLO_WITHOUT_TLS).start();
             ScriptedSmtpServer tls = ScriptedSmtpServer.builder().start()) {
            CheckReport report = check.run(request(0, Security.AUTO).candidates(List.of(
                    new Endpoint(plain.port(), Security.NONE), new Endpoint(tls.port(), Security.STARTTLS))).build());
            assertThat(report.verdict()).isEqualTo(SearchVerdict.WORKS);
            assertThat(report.recommended()).isEqualTo(new Endpoint(tls.port(), Security.STARTTLS));
            assertThat(report.endpoint()).isEqualTo(report.recommended());
            assertThat(report.attempts()).extracting(AttemptSummary::works).containsExactly(true, true);
            assertThat(CheckText.render(report, Locale.ENGLISH)).contains("Settings that work: port " + tls.port() + ", STARTTLS");
        }
    }

    @Test
    void aPasswordRefusedOnEverySettingIsSaidPlainly() throws IOException {
        try (ScriptedSmtpServer tls = ScriptedSmtpServer.builder().reply(Step.AUTH, WRONG_PASSWORD).start();
             ScriptedSmtpServer plain = ScriptedSmtpServer.builder().reply(Step.EHLO, EHLO_WITHOUT_TLS)
                     .reply(Step.AUTH, WRONG_PASSWORD).start()) {
            int closed = closedPort();
            CheckReport report = check.run(request(0, Security.AUTO).candidates(List.of(
                    new Endpoint(closed, Security.SSL), new Endpoint(plain.port(), Security.NONE),
                    new Endpoint(tls.port(), Security.STARTTLS))).build());
            assertThat(report.verdict()).isEqualTo(SearchVerdict.PASSWORD_WRONG_EVERYWHERE);
            assertThat(report.recommended()).isNull();
            // The diagnosis shown is the refusal on the encrypted setting, not the closed port tried first.
            assertFailure(report, "auth", "auth.invalid-credentials", SmtpStage.AUTH);
            assertThat(report.endpoint()).isEqualTo(new Endpoint(tls.port(), Security.STARTTLS));
            assertThat(CheckText.render(report, Locale.ENGLISH))
                    .contains("The password is wrong on every setting that connects").doesNotContain("Settings that work");
            assertThat(CheckText.render(report, Locale.forLanguageTag("ru")))
                    .contains("Пароль неверен на всех настройках, с которыми удаётся подключиться");
        }
    }

    /** Gmail's "application-specific password required" is a refused login, but not a wrong password. */
    @Test
    void aLoginRefusedForAnotherReasonIsNotCalledAWrongPassword() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .reply(Step.AUTH, "534 5.7.9 Application-specific password required.").start()) {
            CheckReport report = check.run(request(0, Security.AUTO)
                    .candidates(List.of(new Endpoint(server.port(), Security.STARTTLS))).build());
            assertThat(report.verdict()).isEqualTo(SearchVerdict.LOGIN_REFUSED_EVERYWHERE);
            assertThat(CheckText.render(report, Locale.ENGLISH)).contains("The login is refused on every setting")
                    .doesNotContain("password is wrong");
        }
    }

    /** An untrusted certificate is the thing to fix: the plain-text setting that "works" is not offered instead. */
    @Test
    void anUntrustedCertificateIsNotAnsweredWithAnUnencryptedSetting() throws IOException {
        try (ScriptedSmtpServer ssl = ScriptedSmtpServer.builder().implicitTls().start();
             ScriptedSmtpServer plain = ScriptedSmtpServer.builder().reply(Step.EHLO, EHLO_WITHOUT_TLS).start()) {
            CheckReport report = check.run(request(0, Security.AUTO).sslTrust(null).candidates(List.of(
                    new Endpoint(ssl.port(), Security.SSL), new Endpoint(plain.port(), Security.NONE))).build());
            assertThat(report.verdict()).isEqualTo(SearchVerdict.CERTIFICATE_UNTRUSTED);
            assertThat(report.attempts()).extracting(AttemptSummary::works).containsExactly(false, true);
            assertThat(CheckText.render(report, Locale.ENGLISH)).contains("fail for the server's certificate")
                    .doesNotContain("Works only without encryption");
            assertThat(report.recommended()).isNull();
            assertFailure(report, "tls", "tls.certificate-invalid", SmtpStage.CONNECT);
        }
    }

    @Test
    void thePasswordAppearsInNoReport() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .reply(Step.AUTH, "535 5.7.8 Error: authentication failed: authentication failure").start()) {
            CheckRequest request = request(server.port(), Security.STARTTLS).build();
            CheckReport report = check.run(request);
            String json = new CheckJson(new ObjectMapper()).toJson(report, Locale.ENGLISH).toString();
            String text = CheckText.render(report, Locale.forLanguageTag("ru"));
            // AUTH LOGIN sends the password alone, base64-encoded.
            String authToken = Base64.getEncoder().encodeToString(
                    PASSWORD.getBytes(StandardCharsets.UTF_8));
            assertThat(server.commands()).as("the password did go to the server").anyMatch(c -> c.contains(authToken));
            assertThat(request.toString()).doesNotContain(PASSWORD);
            assertThat(json).doesNotContain(PASSWORD).doesNotContain(authToken);
            assertThat(text).doesNotContain(PASSWORD).doesNotContain(authToken).contains("Этап SMTP: auth");
        }
    }

    private static void assertFailure(CheckReport report, String step, String category, SmtpStage stage) {
        assertThat(report.ok()).isFalse();
        StepResult last = report.steps().get(report.steps().size() - 1);
        assertThat(last.name()).as("failing step").isEqualTo(step);
        assertThat(last.ok()).isFalse();
        assertThat(report.steps().subList(0, report.steps().size() - 1)).allMatch(StepResult::ok);
        assertThat(report.diagnosis().category()).as("category; steps %s", report.steps()).isEqualTo(category);
        assertThat(report.diagnosis().stage()).isEqualTo(stage);
    }

    private static CheckRequest.Builder request(int port, Security security) {
        return CheckRequest.builder("127.0.0.1").port(port).security(security)
                .login("alice@example.com", PASSWORD).envelope("alice@example.com", "bob@example.com")
                .sslTrust("127.0.0.1").timeout(Duration.ofSeconds(3)).autoBudget(Duration.ofSeconds(20));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
