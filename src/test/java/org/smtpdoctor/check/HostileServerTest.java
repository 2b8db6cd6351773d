package org.smtpdoctor.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.testing.HostileSmtpServer;

/**
 * {@link AccountCheck} against servers on 127.0.0.1 written as attackers: each must end as a diagnosis at
 * its step, within a bound on time (several times the configured time-out, checked preemptively so a hang
 * fails the test instead of holding the build) and on memory (no reply is taken in past
 * {@link ReplyGuard#MAX_REPLY_BYTES}, while the server offers gigabytes).
 */
class HostileServerTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    /** Generous: a step may take the whole time-out, and a cold TLS handshake some time of its own. */
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static AccountCheck check;

    @BeforeAll
    static void load() {
        check = new AccountCheck(TestRules.projectDiagnoser());
    }

    @Test
    void aGreetingLineThatNeverEndsIsCutAndDiagnosed() throws IOException {
        try (HostileSmtpServer server = HostileSmtpServer.start(HostileSmtpServer.endless("220 ", "a"))) {
            CheckReport report = run(server, Security.STARTTLS);
            assertFailedAt(report, "greeting", "protocol.reply-too-long");
            assertThat(last(report).detail()).contains(ReplyGuard.LINE_TOO_LONG);
        }
    }

    @Test
    void continuationLinesWithoutEndAreCutAndDiagnosed() throws IOException {
        try (HostileSmtpServer server = HostileSmtpServer.start(
                HostileSmtpServer.endless("", "220-still greeting you\r\n"))) {
            CheckReport report = run(server, Security.NONE);
            assertFailedAt(report, "greeting", "protocol.reply-too-long");
            assertThat(last(report).detail()).contains(ReplyGuard.REPLY_TOO_LONG);
            assertThat(server.bytesSent()).as("the server offered more than the bound").isGreaterThan(ReplyGuard.MAX_REPLY_BYTES);
        }
    }

    @Test
    void aGiantMultiLineEhloIsCutAtTheEhloStep() throws IOException {
        HostileSmtpServer.Attack giantEhlo = (in, out) -> {
            out.write("220 localhost ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            in.read(new byte[512]);  // the EHLO command
            HostileSmtpServer.endless("250-localhost\r\n", "250-X-CAPABILITY-PADDING\r\n").run(in, out);
        };
        try (HostileSmtpServer server = HostileSmtpServer.start(giantEhlo)) {
            CheckReport report = run(server, Security.NONE);
            assertFailedAt(report, "ehlo", "protocol.reply-too-long");
        }
    }

    /** Implicit TLS: lines are encrypted, so the bound on the reply, counted as the bytes arrive, cuts it. */
    @Test
    void aLineThatNeverEndsInsideTlsIsCutToo() throws IOException {
        try (HostileSmtpServer server = HostileSmtpServer.startTls(HostileSmtpServer.endless("220 ", "a"))) {
            CheckReport report = run(server, Security.SSL);
            assertFailedAt(report, "greeting", "protocol.reply-too-long");
        }
    }

    /** One byte every 300 ms: each read is quick, the greeting as a whole is not; the step's time-out cuts it. */
    @Test
    void aDripFedGreetingIsBoundedByTheTimeoutInAll() throws IOException {
        String greeting = "220 slow.example.com ESMTP tarpit says hello very slowly\r\n";
        try (HostileSmtpServer server = HostileSmtpServer.start(HostileSmtpServer.drip(greeting, 300))) {
            long started = System.nanoTime();
            CheckReport report = run(server, Security.NONE);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertFailedAt(report, "greeting", "timeout.read");
            assertThat(last(report).detail()).contains(ReplyGuard.TOO_SLOW, "not complete after 1500 ms in all");
            assertThat(millis).as("the greeting would take %d ms dripped", greeting.length() * 300)
                    .isLessThan(greeting.length() * 300L);
        }
    }

    /** The search meets the attacker on every candidate: each attempt is bounded, so the search is too. */
    @Test
    void theSearchAgainstAHostileServerStaysBounded() throws IOException {
        try (HostileSmtpServer server = HostileSmtpServer.start(HostileSmtpServer.endless("220-", "x"))) {
            CheckRequest request = CheckRequest.builder("127.0.0.1").security(Security.AUTO)
                    .login("alice@example.com", "not-a-real-password").timeout(TIMEOUT)
                    .candidates(List.of(new Endpoint(server.port(), Security.STARTTLS),
                            new Endpoint(server.port(), Security.NONE), new Endpoint(server.port(), Security.SSL)))
                    .build();
            CheckReport report = assertTimeoutPreemptively(BOUND, () -> check.run(request));
            assertThat(report.verdict()).isEqualTo(SearchVerdict.NOTHING_WORKS);
            assertThat(report.attempts()).hasSize(3);
            assertThat(report.diagnosis().category()).isEqualTo("protocol.reply-too-long");
        }
    }

    private static CheckReport run(HostileSmtpServer server, Security security) {
        CheckRequest request = CheckRequest.builder("127.0.0.1").port(server.port()).security(security)
                .login("alice@example.com", "not-a-real-password").sslTrust("127.0.0.1").timeout(TIMEOUT)
                .candidates(List.of()).build();
        return assertTimeoutPreemptively(BOUND, () -> check.run(request));
    }

    private static void assertFailedAt(CheckReport report, String step, String category) {
        assertThat(report.ok()).isFalse();
        assertThat(last(report).name()).as("failing step; steps %s", report.steps()).isEqualTo(step);
        assertThat(last(report).ok()).isFalse();
        assertThat(report.diagnosis().category()).as("steps %s", report.steps()).isEqualTo(category);
        assertThat(last(report).detail().length()).as("the detail is bounded").isLessThan(1200);
    }

    private static StepResult last(CheckReport report) {
        return report.steps().get(report.steps().size() - 1);
    }
}
