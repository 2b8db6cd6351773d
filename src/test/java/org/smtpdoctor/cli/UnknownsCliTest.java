package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smtpdoctor.cli.CliTest.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code unknowns} and {@code batch --unknowns}: unrecognised replies become sample cases staff fill in. */
class UnknownsCliTest {
    @TempDir
    Path temp;

    private Path log() throws IOException {
        return Files.writeString(temp.resolve("app.log"), String.join("\n",
                "2026-11-28 12:00:01,118 ERROR [mail-1] o.e.Mailer - Frobnicator refused envelope 4F2A31C0B2 for tenant 17",
                "2026-11-28 12:00:02,456 ERROR [mail-2] o.e.Mailer - 535 5.7.8 Error: authentication failed: Invalid user or password",
                "2026-11-28 12:00:03,007 ERROR [mail-3] o.e.Mailer - Frobnicator refused envelope 9ABC0D1E2F for tenant 23",
                "2026-11-28 12:00:04,999 ERROR [mail-1] o.e.Mailer - 599 \"odd\" reply from mx1.example.org",
                "2026-11-28 12:00:05,010 ERROR [mail-2] o.e.Mailer - Frobnicator refused envelope 0000AAAA11 for tenant 99") + "\n");
    }

    @Test
    void unknownsListsTemplatesWithCountsAsSampleYamlThatVerifyAcceptsOnceFilledIn() throws IOException {
        CliRun r = run("unknowns", "--rules", "rules", log().toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("4 of 5 records in 2 templates");
        String yaml = r.out();
        assertThat(yaml.indexOf("# 3 input(s) of template")).isLessThan(yaml.indexOf("# 1 input(s) of template"));
        assertThat(yaml).contains("Frobnicator refused envelope <id10H> for tenant ##")
                .contains("- text: \"2026-11-28 12:00:01,118 ERROR [mail-1] o.e.Mailer - Frobnicator refused envelope 4F2A31C0B2");

        Path samples = Files.createDirectories(temp.resolve("samples"));
        Files.writeString(samples.resolve("unknown-replies.yaml"), yaml);
        CliRun unfilled = run("verify", "--rules", "rules", "--samples", samples.toString());
        assertThat(unfilled.exit()).isEqualTo(1);

        // Staff fill in each case with the category it should get; here: the one the fallback gives today.
        String filled = yaml.replaceAll("expect: \"\"   # now (\\S+)", "expect: \"$1\"");
        Files.writeString(samples.resolve("unknown-replies.yaml"), filled);
        CliRun verified = run("verify", "--rules", "rules", "--samples", samples.toString());
        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("verify: 2 passed, 0 failed");
    }

    @Test
    void blankAndWhitespaceOnlyLinesAreNeverProposed() throws IOException {
        Path log = Files.writeString(temp.resolve("blank.log"), "\n   \n\t\n535 5.7.8 Error: authentication failed\n \u00a0 \n");

        CliRun r = run("unknowns", "--rules", "rules", log.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("0 of 5 records in 0 templates");
        assertThat(r.out()).doesNotContain("- text:");
    }

    @Test
    void batchWritesUnknownsSummaryAndRecordsInOneRun() throws IOException {
        Path out = temp.resolve("out.jsonl");
        Path summary = temp.resolve("summary.json");
        Path unknowns = temp.resolve("unknowns.yaml");

        CliRun r = run("batch", "--rules", "rules", "--output", out.toString(), "--summary", summary.toString(),
                "--unknowns", unknowns.toString(), log().toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(5);
        var json = new ObjectMapper().readTree(summary.toFile());
        assertThat(json.get("records").asInt()).isEqualTo(5);
        assertThat(json.get("families").get("auth").asInt()).isEqualTo(1);
        assertThat(json.get("topUnknownTemplates").get(0).get("count").asInt()).isEqualTo(3);
        assertThat(Files.readString(unknowns)).contains("# 3 input(s) of template");
    }

    @Test
    void jsonLinesInputThroughTheCommandLine() throws IOException {
        Path input = Files.writeString(temp.resolve("e.jsonl"),
                "{\"at\":\"t1\",\"err\":{\"text\":\"Connection refused\"}}\n{broken\n");

        Path out = temp.resolve("out.jsonl");
        CliRun r = run("batch", "--rules", "rules", "--input-format", "jsonl", "--field", "err.text", "--keep", "at",
                "--output", out.toString(), input.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> records = Files.readAllLines(out);
        assertThat(records).hasSize(2);
        assertThat(records.get(0)).contains("\"at\":\"t1\"").contains("connection.refused");
        assertThat(records.get(1)).contains("\"line\":2").contains("malformed JSON");
    }
}
