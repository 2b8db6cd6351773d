package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code smtp-doctor check} end to end against a real Postfix with Cyrus SASL on 127.0.0.1, as
 * {@code .ci/postfix-up} sets it up (25: STARTTLS offered, AUTH only after it; 587: STARTTLS required;
 * 465: implicit TLS; 2525: logins in plain text, no STARTTLS; alice@test.local owns only her address;
 * 20000-byte size limit). The password goes in on standard input, as {@code --password-stdin} reads it.
 * The tests first make sure the server is that one (its banner, alice's login): in CI (CI=true) any other
 * server, or none, fails the run; elsewhere these tests are skipped, saying why and how to include them.
 */
class PostfixEndToEndTest {
    private static final String HOST = "127.0.0.1";
    private static final String USER = "alice@test.local";
    private static final String PASSWORD = System.getenv().getOrDefault("POSTFIX_TEST_PASSWORD", "alice-test-password-1");
    /** The end of the greeting .ci/postfix-up sets (smtpd_banner), which another Postfix does not have. */
    private static final String BANNER = "ESMTP Postfix (smtp-doctor test server)";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why these tests cannot run here, or null. */
    private static String notOurs;
    private final InputStream stdin = System.in;

    @BeforeAll
    static void postfixIsUp() {
        notOurs = notTheTestServer();
        if (notOurs != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must run the Postfix of .ci/postfix-up on 127.0.0.1: " + notOurs);
        }
    }

    /** Skips each test with the reason (a class-level abort loses it in Maven's report). */
    @BeforeEach
    void skipUnlessTheTestServer() {
        Assumptions.assumeTrue(notOurs == null, () -> notOurs + "; run `sudo .ci/postfix-up` to include these tests");
    }

    /**
     * Why the server on 127.0.0.1 is not the one {@code .ci/postfix-up} set up, or null when it is: its banner
     * on 587 names the test server, and alice logs in on 465 (with Jakarta Mail alone, not the code under test).
     */
    private static String notTheTestServer() {
        String banner;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, 587), 1000);
            s.setSoTimeout(3000);
            banner = firstLine(s.getInputStream());
        } catch (IOException e) {
            return "no server answers on 127.0.0.1:587 (" + e.getMessage() + ")";
        }
        if (!banner.contains(BANNER)) {
            return "127.0.0.1:587 greets with \"" + banner + "\", not with the banner of .ci/postfix-up (" + BANNER + ")";
        }
        Properties p = new Properties();
        p.put("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.trust", HOST);
        p.put("mail.smtp.connectiontimeout", "3000");
        p.put("mail.smtp.timeout", "3000");
        try {
            Transport transport = Session.getInstance(p).getTransport("smtp");
            transport.connect(HOST, 465, USER, PASSWORD);
            transport.close();
            return null;
        } catch (MessagingException e) {
            return "the test server refuses the login of " + USER + " on 465 (" + e.getMessage()
                    + "); give POSTFIX_TEST_PASSWORD the password .ci/postfix-up was run with";
        }
    }

    /** The greeting's first line, at most 512 bytes. */
    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; line.length() < 512 && (c = in.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    @Test
    void aCleanCheckPassesEveryStep() throws IOException {
        JsonNode report = checkJson(PASSWORD, "--port", "587", "--security", "starttls",
                "--from", USER, "--to", "bob@test.local");
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
        assertThat(report.get("diagnosis").isNull()).isTrue();
        assertThat(names(report)).containsExactly("dns", "connect", "greeting", "ehlo", "starttls", "ehlo", "auth",
                "mail", "rcpt", "rset");
        assertThat(report.get("steps").get(2).get("detail").asText()).contains("ESMTP Postfix");
        for (JsonNode step : report.get("steps")) {
            assertThat(step.get("millis").asLong()).isNotNegative();
        }
    }

    @Test
    void aCleanCheckWithARealMessage() throws IOException {
        JsonNode report = checkJson(PASSWORD, "--port", "465", "--security", "ssl",
                "--from", USER, "--to", "bob@test.local", "--send");
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
        assertThat(names(report)).endsWith("auth", "mail", "rcpt", "data", "end-of-data");
    }

    @Test
    void wrongPasswordWithPostfixsOwnReply() throws IOException {
        JsonNode report = checkJson("not-" + PASSWORD, "--port", "587", "--security", "starttls");
        JsonNode d = assertDiagnosis(report, "auth", "auth.invalid-credentials", "auth");
        assertThat(d.get("input").asText()).contains("535 5.7.8 Error: authentication failed: authentication failure");
        assertThat(d.get("code").asInt()).isEqualTo(535);
        assertThat(report.get("recommended").isNull()).isTrue();
        assertThat(report.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void wrongPasswordInRussianAndEnglish() {
        CliRun ru = check(PASSWORD + "-wrong", "--port", "587", "--security", "starttls", "--lang", "ru");
        assertThat(ru.exit()).isEqualTo(1);
        assertThat(ru.out()).contains("Проверка 127.0.0.1, порт 587", "FAIL auth", "Категория: auth.invalid-credentials",
                "Этап SMTP: auth", "Что делать:").doesNotContain(PASSWORD);
        CliRun en = check(PASSWORD + "-wrong", "--port", "587", "--security", "starttls", "--lang", "en");
        assertThat(en.out()).contains("Checking 127.0.0.1 port 587", "FAIL auth", "Category: auth.invalid-credentials",
                "SMTP stage: auth", "What to do:").doesNotContain(PASSWORD);
    }

    /** Postfix checks reject_sender_login_mismatch at RCPT TO (smtpd_delay_reject), so that is the stage. */
    @Test
    void senderNotOwnedByTheLogin() throws IOException {
        JsonNode report = checkJson(PASSWORD, "--port", "587", "--security", "starttls",
                "--from", "ceo@test.local", "--to", "bob@test.local");
        JsonNode d = assertDiagnosis(report, "rcpt", "sender.not-owned", "rcpt");
        assertThat(d.get("input").asText()).contains("Sender address rejected: not owned by user alice@test.local");
    }

    @Test
    void messageOverTheSizeLimit() throws IOException {
        JsonNode report = checkJson(PASSWORD, "--port", "587", "--security", "starttls",
                "--from", USER, "--to", "bob@test.local", "--send", "--message-size", "30000");
        JsonNode d = assertDiagnosis(report, "end-of-data", "content.too-large", "end-of-data");
        assertThat(d.get("code").asInt()).isEqualTo(552);
    }

    /** smtpd_tls_auth_only: no AUTH before STARTTLS; the check says so and finds STARTTLS on the same port. */
    @Test
    void loginWithoutEncryptionWhereAuthNeedsTls() throws IOException {
        JsonNode report = checkJson(PASSWORD, "--port", "25", "--security", "none");
        assertDiagnosis(report, "auth", "tls.required", "auth");
        assertThat(recommended(report)).isEqualTo("25/starttls");
    }

    @Test
    void plainTextOnTheImplicitTlsPort() throws IOException {
        JsonNode report = checkJson(PASSWORD, "--port", "465", "--security", "starttls", "--timeout", "3");
        assertDiagnosis(report, "greeting", "tls.wrong-mode", "greeting");
        assertThat(recommended(report)).isEqualTo("465/ssl");
    }

    @Test
    void tlsOnTheStarttlsPort() throws IOException {
        JsonNode report = checkJson(PASSWORD, "--port", "587", "--security", "ssl");
        assertDiagnosis(report, "tls", "tls.wrong-mode", "connect");
        assertThat(recommended(report)).isEqualTo("587/starttls");
    }

    @Test
    void autoFindsTheWorkingCombination() throws IOException {
        JsonNode report = checkJson(PASSWORD, "--security", "auto");
        assertThat(report.get("ok").asBoolean()).as(report.toPrettyString()).isTrue();
        assertThat(recommended(report)).isEqualTo("465/ssl");
        assertThat(report.get("port").asInt()).isEqualTo(465);
    }

    /** Every usual setting tried; those that get as far as the login all refuse it: said so, nothing recommended. */
    @Test
    void aWrongPasswordIsWrongOnEverySettingThatConnects() throws IOException {
        JsonNode report = checkJson("not-" + PASSWORD, "--security", "auto");
        assertThat(report.get("verdict").asText()).as(report.toPrettyString()).isEqualTo("password-wrong-everywhere");
        assertThat(report.get("recommended").isNull()).isTrue();
        assertDiagnosis(report, "auth", "auth.invalid-credentials", "auth");
        assertThat(report.get("security").asText()).as("the refusal shown is on an encrypted setting").isNotEqualTo("none");
        List<String> tried = new ArrayList<>();
        report.get("attempts").forEach(a -> tried.add(a.get("port").asInt() + "/" + a.get("security").asText()));
        assertThat(tried).containsExactly("465/ssl", "587/starttls", "25/starttls", "2525/starttls",
                "587/none", "25/none", "2525/none");
        CliRun en = check("not-" + PASSWORD, "--security", "auto", "--lang", "en");
        assertThat(en.out()).contains("The password is wrong on every setting that connects").doesNotContain(PASSWORD);
    }

    /**
     * 2525 takes the login in plain text and has no STARTTLS: the plain setting works there, but 465 works
     * encrypted, so 465 is what is recommended, never 2525 without encryption.
     */
    @Test
    void theClearTextPortIsNeverRecommendedWhileAnEncryptedOneWorks() throws IOException {
        JsonNode report = checkJson(PASSWORD, "--port", "2525", "--security", "starttls");
        assertDiagnosis(report, "starttls", "tls.not-offered", "starttls");
        assertThat(report.get("verdict").asText()).isEqualTo("works");
        assertThat(recommended(report)).isEqualTo("465/ssl");
        JsonNode plain = report.get("attempts").get(1);
        assertThat(plain.get("port").asInt() + "/" + plain.get("security").asText()).isEqualTo("2525/none");
        assertThat(plain.get("works").asBoolean()).as("the login does succeed in plain text there").isTrue();
    }

    /** The test server's certificate is self-signed: without an explicit trust, a real client refuses it. */
    @Test
    void selfSignedCertificateWithoutTrust() throws IOException {
        CliRun run = check(PASSWORD, "--json", "--port", "587", "--security", "starttls", "--user", USER);
        JsonNode report = JSON.readTree(run.out());
        assertDiagnosis(report, "starttls", "tls.certificate-invalid", "starttls");
        assertThat(report.get("attempts")).isEmpty();
    }

    private static JsonNode assertDiagnosis(JsonNode report, String step, String category, String stage) {
        assertThat(report.get("ok").asBoolean()).isFalse();
        JsonNode steps = report.get("steps");
        JsonNode last = steps.get(steps.size() - 1);
        assertThat(last.get("name").asText()).as(report.toPrettyString()).isEqualTo(step);
        assertThat(last.get("ok").asBoolean()).isFalse();
        JsonNode d = report.get("diagnosis");
        assertThat(d.get("category").asText()).as(report.toPrettyString()).isEqualTo(category);
        assertThat(d.get("stage").asText()).isEqualTo(stage);
        return d;
    }

    private static String recommended(JsonNode report) {
        JsonNode r = report.get("recommended");
        return r.isNull() ? null : r.get("port").asInt() + "/" + r.get("security").asText();
    }

    private static List<String> names(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.get("steps").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }

    private JsonNode checkJson(String password, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--json", "--user", USER, "--ssl-trust", HOST));
        all.addAll(List.of(args));
        CliRun run = check(password, all.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        JsonNode report = JSON.readTree(run.out());
        assertThat(run.exit()).isEqualTo(report.get("ok").asBoolean() ? 0 : 1);
        return report;
    }

    private CliRun check(String password, String... args) {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        List<String> all = new ArrayList<>(List.of("check", "--host", HOST, "--password-stdin"));
        all.addAll(List.of(args));
        if (!all.contains("--timeout")) {
            all.addAll(List.of("--timeout", "5"));
        }
        if (!all.contains("--user")) {
            all.addAll(List.of("--user", USER, "--ssl-trust", HOST));
        }
        return CliRun.of(all.toArray(String[]::new));
    }
}
