package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.testing.ScriptedSmtpServer;
import org.smtpdoctor.testing.ScriptedSmtpServer.Step;

/** {@code check}'s command line: picocli parses the options, the request's builder judges them. */
class CheckCommandTest {

    @Test
    void aSecurityModeIsReadInAnyCaseAndAnUnknownOneRefusedByPicocli() {
        CliRun bad = CliRun.of("check", "--host", "127.0.0.1", "--security", "tls-please");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--security", "tls-please", "NONE, STARTTLS, SSL, AUTO");
    }

    @Test
    void theBuildersRefusalsAreUsageErrors() {
        CliRun half = CliRun.of("check", "--host", "127.0.0.1", "--from", "a@example.com");
        assertThat(half.exit()).isEqualTo(2);
        assertThat(half.err()).contains("--from and --to");
        CliRun zero = CliRun.of("check", "--host", "127.0.0.1", "--timeout", "0");
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--timeout");
        CliRun port = CliRun.of("check", "--host", "127.0.0.1", "--port", "70000");
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).contains("port out of range: 70000");
    }

    @Test
    void aLowerCaseModeRunsTheCheck() throws IOException {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.builder()
                .reply(Step.EHLO, "250-localhost\r\n250 8BITMIME").start()) {
            CliRun run = CliRun.of("check", "--host", "127.0.0.1", "--port", String.valueOf(server.port()),
                    "--security", "none", "--timeout", "3");
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains("port " + server.port() + " (no encryption)", "All steps passed");
            assertThat(run.exit()).isZero();
        }
    }
}
