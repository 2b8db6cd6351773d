package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code verify} with known-unhandled cases and {@code --coverage}, on a small samples folder. */
class VerifyCoverageTest {
    @TempDir
    Path samples;

    private String verify(int expectedExit, String... extra) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        String[] args = new String[4 + extra.length];
        args[0] = "verify";
        args[1] = "--rules=rules";
        args[2] = "--samples";
        args[3] = samples.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        assertThat(cli.execute(args)).as(out.toString()).isEqualTo(expectedExit);
        return out.toString();
    }

    private void write(String relative, String content) throws IOException {
        Path file = samples.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void writeHandledCases() throws IOException {
        write("auth/invalid-credentials.yaml", """
                cases:
                  - text: "535 Incorrect authentication data"
                    source: "Exim"
                  - text: "535 5.7.8 Error: authentication failed: This user does not have access rights to this service"
                    expect: auth.smtp-disabled
                    source: "Yandex"
                """);
        write("unknown/permanent.yaml", """
                cases:
                  - text: "599 something nobody has seen"
                    source: "made up for the test"
                """);
    }

    @Test
    void knownUnhandledCasesAreCountedAndNeverFailVerify() throws IOException {
        writeHandledCases();
        write("unhandled/mixed.yaml", """
                cases:
                  - text: "535 Incorrect authentication data"
                    expect: auth.invalid-credentials
                    source: "Exim"
                    note: "handled meanwhile"
                  - text: "completely unrecognisable words"
                    expect: relay.denied
                    source: "made up for the test"
                    note: "no rule knows this"
                """);
        String out = verify(0);
        assertThat(out).contains("known unhandled: 2 cases, 1 now diagnosed as expected")
                .contains("unhandled/mixed.yaml:2: now handled as auth.invalid-credentials")
                .doesNotContain("unhandled/mixed.yaml:7")
                .contains("verify: 3 passed, 0 failed");
    }

    @Test
    void aKnownUnhandledCaseWithoutNoteOrExpectationIsASchemaProblem() throws IOException {
        writeHandledCases();
        write("unhandled/bad.yaml", """
                cases:
                  - text: "some reply"
                    expect: relay.denied
                    source: "made up for the test"
                  - text: "another reply"
                    source: "made up for the test"
                    note: "lacks expect"
                """);
        String out = verify(1);
        assertThat(out).contains("lacks the field 'note'").contains("'expect' is required in unhandled/bad.yaml");
    }

    @Test
    void coverageCountsRulesSamplesNegativesAndTheDecidingLayerPerFamily() throws IOException {
        writeHandledCases();
        String out = verify(0, "--coverage");
        assertThat(out).contains("coverage: 3 sample cases (1 negative) over 3 categories");
        assertThat(out).containsPattern("(?m)^auth\\.invalid-credentials +[1-9]\\d* +1 +1$");
        assertThat(out).containsPattern("(?m)^auth\\.smtp-disabled +[1-9]\\d* +1 +0$");
        assertThat(out).containsPattern("(?m)^unknown\\.permanent +\\d+ +1 +0$"); // the class-only words are stage rules
        assertThat(out).containsPattern("(?m)^family +samples +pattern +concept +stage +enhanced-code +reply-code +none$");
        assertThat(out).containsPattern("(?m)^auth +2 +2 +0 +0 +0 +0 +0$");
        assertThat(out).containsPattern("(?m)^unknown +1 +0 +0 +0 +0 +0 +1$");
        assertThat(out).containsPattern("(?m)^relay +0 +0 +0 +0 +0 +0 +0$");
    }
}
