package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a new user meets it: help that reads, empty input named as such, defaults that follow the rules in use. */
class CommandLineUseTest {
    @TempDir
    Path temp;

    @Test
    void topLevelHelpGivesEachCommandAWholeSentence() {
        CliRun r = CliRun.of("--help");
        String list = r.out().substring(r.out().indexOf("Commands:") + "Commands:".length());
        List<String> entries = new ArrayList<>();
        for (String line : list.replaceFirst("^\\R", "").stripTrailing().split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                entries.add(line.strip());
            } else {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
            }
        }
        assertThat(entries).hasSize(Main.commandLine().getSubcommands().size());
        assertThat(entries).allSatisfy(entry -> assertThat(entry).endsWith("."));
        assertThat(entries).anySatisfy(entry -> assertThat(entry)
                .startsWith("lint ").endsWith("prints each problem as path:line:col: error|warning: message."));
        assertThat(entries).anySatisfy(entry -> assertThat(entry).startsWith("unknowns ").contains("grouped by template"));
    }

    @Test
    void anEmptyTextIsNothingToDiagnose() {
        CliRun r = CliRun.of("diagnose", "");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("nothing to diagnose").contains("TEXT 1 is empty");
        assertThat(CliRun.of("diagnose", "535 5.7.8 Error: authentication failed", "  ").err()).contains("TEXT 2 is empty");
    }

    @Test
    void emptyStandardInputIsNothingToDiagnose() {
        Launch run = Launch.run(temp, "diagnose");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("nothing to diagnose: standard input was empty");
    }

    @Test
    void aPipedStackTraceIsOneTextAndOtherLinesTheirOwn() throws IOException {
        Path output = temp.resolve("app.out");
        Files.writeString(output, """
                12:00:01 INFO sending the invoice
                jakarta.mail.AuthenticationFailedException: 535 5.7.8 Error: authentication failed: Invalid user or password
                \tat org.eclipse.angus.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:947)
                \tat org.eclipse.angus.mail.smtp.SMTPTransport.authenticate(SMTPTransport.java:871)
                \tat jakarta.mail.Service.connect(Service.java:345)
                \t... 7 more
                550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table
                """);
        ProcessBuilder builder = Launch.builder(temp, temp.resolve("out.jsonl").toFile(), temp.resolve("err.txt").toFile(),
                "diagnose", "--json").redirectInput(output.toFile());
        Launch run = finish(builder);
        List<String> records = run.out().lines().toList();
        assertThat(records).hasSize(3);
        assertThat(records.get(1)).contains("\"category\":\"auth.invalid-credentials\"").contains("SMTPTransport");
        assertThat(records.get(2)).contains("\"category\":\"recipient.unknown\"");
    }

    @Test
    void explainWithoutJsonShowsTheMatchesInText() {
        CliRun r = CliRun.of("diagnose", "--explain", "535 5.7.8 Error: authentication failed");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Matches").contains("<- decided").contains("Login or password rejected");
        assertThat(CliRun.of("diagnose", "535 5.7.8 Error: authentication failed").out()).doesNotContain("<- decided");
    }

    @Test
    void lintAndVerifyFromAnotherFolderUseTheRulesAndSamplesOfTheLauncher() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Launch lint = Launch.run(elsewhere, "lint");
        assertThat(lint.err()).doesNotContain("no such directory").contains("lint: 0 errors")
                .doesNotContain("no samples folder");
        assertThat(lint.exit()).isZero();
        Launch verify = Launch.run(elsewhere, "verify");
        assertThat(verify.err()).doesNotContain("no such directory");
        assertThat(verify.out()).contains("verify: ").contains(" 0 failed");
        assertThat(verify.exit()).isZero();
    }

    private static Launch finish(ProcessBuilder builder) throws IOException {
        try {
            Process process = builder.start();
            assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
            File out = builder.redirectOutput().file();
            File err = builder.redirectError().file();
            return new Launch(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
