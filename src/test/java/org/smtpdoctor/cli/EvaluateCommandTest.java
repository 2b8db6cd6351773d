package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} on a small held-out folder: the figures per kind and language, and a malformed set refused. */
class EvaluateCommandTest {
    @TempDir
    Path set;

    @Test
    void printsTheFiguresPerKindAndLanguageAndTheMisses() throws IOException {
        Files.writeString(set.resolve("cases.yaml"), """
                cases:
                  - text: "535 5.7.8 Error: authentication failed: authentication failure"
                    expect: auth.invalid-credentials
                    kind: mta
                    language: en
                    source: "made up for the test"
                  - text: "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown in local recipient table"
                    expect: recipient.unknown
                    kind: provider
                    language: en
                    source: "made up for the test"
                  - text: "599 something nobody has seen"
                    expect: recipient.unknown
                    kind: client-library
                    language: de
                    source: "made up for the test"
                  - text: "597 nor that"
                    expect: unknown.permanent
                    kind: mta
                    language: en
                    source: "made up for the test"
                """);

        CliRun run = CliRun.of("evaluate", "--rules=rules", "--set", set.toString(), "--misses");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        // unknown: 2 of 4 answered unknown.*; fallback: 1 of the 3 texts that name a cause (the one labelled
        // unknown.permanent is answered right, not fallen back)
        assertThat(run.out()).containsPattern("(?m)^held-out set +cases +exact +family +unknown +fallback$")
                .containsPattern("(?m)^all +4 +75\\.0% +75\\.0% +50\\.0% +33\\.3%$")
                .containsPattern("(?m)^kind client-library +1 +0\\.0% +0\\.0% +100\\.0% +100\\.0%$")
                .containsPattern("(?m)^kind mta +2 +100\\.0% +100\\.0% +50\\.0% +0\\.0%$")
                .containsPattern("(?m)^family unknown +1 +100\\.0% +100\\.0% +100\\.0% +0\\.0%$")
                .containsPattern("(?m)^non-English +1 +0\\.0%")
                .containsPattern("(?m)^language de +1 ")
                .containsPattern("(?m)^family recipient +2 +50\\.0% +50\\.0% +50\\.0% +50\\.0%$")
                .containsPattern("(?m)^family recipient, English +1 +100\\.0% +100\\.0% +0\\.0% +0\\.0%$")
                .contains("cases.yaml:12: [client-library, de] expected recipient.unknown, got unknown.permanent (none): 599 something nobody has seen");
    }

    @Test
    void confusionCountsEachPairOfExpectedAndGivenCategoryWithoutTheTexts() throws IOException {
        Files.writeString(set.resolve("cases.yaml"), """
                cases:
                  - text: "599 something nobody has seen"
                    expect: recipient.unknown
                    kind: mta
                    language: de
                    source: "made up for the test"
                  - text: "598 nor this"
                    expect: recipient.unknown
                    kind: mta
                    language: fr
                    source: "made up for the test"
                  - text: "597 nor that"
                    expect: recipient.unknown
                    kind: mta
                    language: en
                    source: "made up for the test"
                """);

        CliRun run = CliRun.of("evaluate", "--rules=rules", "--set", set.toString(), "--confusion");

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^ +2  other +recipient\\.unknown +-> unknown\\.permanent +\\(none\\)$")
                .containsPattern("(?m)^ +1  English +recipient\\.unknown +-> unknown\\.permanent +\\(none\\)$")
                .containsPattern("(?m)^decided by none +3 +0\\.0% +0\\.0% +100\\.0% +100\\.0%$")
                .doesNotContain("nobody has seen");
    }

    @Test
    void aMalformedCaseOrALabelThatIsNoCategoryFailsWithFileAndLine() throws IOException {
        Files.writeString(set.resolve("bad.yaml"), """
                cases:
                  - text: "550 5.1.1 User unknown"
                    expect: recipient.unknown
                    kind: webmail
                    language: en
                    source: "made up for the test"
                  - text: "550 5.1.1 User unknown"
                    expect: recipient.no-such-category
                    kind: mta
                    language: en
                    source: "made up for the test"
                  - text: "550 5.1.1 User unknown"
                    expect: recipient.unknown
                    kind: mta
                    language: en
                """);

        CliRun run = CliRun.of("evaluate", "--rules=rules", "--set", set.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(Main.EXIT_FAILURES);
        assertThat(run.out()).contains("bad.yaml:4:").contains("kind 'webmail' is none of client-library, mta, provider")
                .contains("bad.yaml:7:0: error: expect: 'recipient.no-such-category' is no category of the rules in use")
                .contains("bad.yaml:12:").contains("lacks the field 'source'")
                .containsPattern("(?m)^all +0 ");
    }

    @Test
    void aMissingSetIsAUsageError() {
        CliRun run = CliRun.of("evaluate", "--rules=rules", "--set", set.resolve("absent").toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_UNUSABLE);
        assertThat(run.err()).contains("--set").contains("no such directory");
    }
}
