package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;

class CliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** Runs the command line in-process; shared by the CLI tests of this package. */
    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void diagnoseJsonHasTheFixedFields() throws IOException {
        CliRun r = run("diagnose", "--json", "--lang", "ru", "--rules", "rules",
                "553 5.7.1 Sender address rejected: not owned by auth user", "Could not connect to SMTP host");
        assertThat(r.exit()).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).hasSize(2);
        JsonNode first = records.get(0);
        assertThat(first.fieldNames()).toIterable().contains("input", "category", "basis", "code", "enhancedCode",
                "rule", "retry", "actor", "title", "explanation", "remedy", "params", "secondary");
        assertThat(first.get("category").asText()).isEqualTo("sender.not-owned");
        assertThat(first.get("code").asInt()).isEqualTo(553);
        assertThat(first.get("enhancedCode").asText()).isEqualTo("5.7.1");
        assertThat(first.get("rule").get("file").asText()).isEqualTo("sender/not-owned.yaml");
        assertThat(first.get("remedy").isArray()).isTrue();
        assertThat(first.get("language").asText()).isEqualTo("ru");
        assertThat(records.get(1).get("code").isNull()).isTrue();
        assertThat(records.get(1).get("category").asText()).isEqualTo("connection.failed");
    }

    @Test
    void diagnoseTextNamesTheRuleAndTheSteps() {
        CliRun r = run("diagnose", "--lang", "en", "Timed out while sending end of data - message may be sent more than once");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("timeout.end-of-data").contains("timeout/end-of-data.yaml").contains("1. ");
    }

    @Test
    void batchWritesOneRecordPerInputLineInOrderWhateverTheLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> lines = List.of(
                "535 5.7.8 Error: authentication failed: Invalid user or password",
                "",
                "   ",
                "%%%% garbage $$$$",
                "550 spam message rejected\r",
                "nul\u0000byte 550 5.1.1",
                "x".repeat(200_000),
                "Could not connect to SMTP host");
        for (String line : lines) {
            bytes.write(line.getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        bytes.write(new byte[] {'5', '5', '0', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'}); // invalid UTF-8
        bytes.write("last line without newline".getBytes(StandardCharsets.UTF_8));
        Path input = temp.resolve("errors.log");
        Files.write(input, bytes.toByteArray());
        Path output = temp.resolve("out.jsonl");
        Path summary = temp.resolve("summary.json");

        CliRun r = run("batch", "--output", output.toString(), "--summary", summary.toString(), input.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> records = Files.readAllLines(output);
        assertThat(records).hasSize(lines.size() + 2);
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = JSON.readTree(records.get(i));
            assertThat(record.get("line").asInt()).isEqualTo(i + 1);
            assertThat(record.get("category").asText()).isNotBlank();
        }
        assertThat(JSON.readTree(records.get(0)).get("category").asText()).isEqualTo("auth.invalid-credentials");
        assertThat(JSON.readTree(records.get(1)).get("category").asText()).isEqualTo("unknown.unclassified");
        assertThat(JSON.readTree(records.get(4)).get("input").asText()).isEqualTo("550 spam message rejected");
        assertThat(JSON.readTree(records.get(8)).get("input").asText()).contains("\uFFFD");
        assertThat(JSON.readTree(records.get(9)).get("input").asText()).isEqualTo("last line without newline");
        assertThat(JSON.readTree(summary.toFile()).get("records").asInt()).isEqualTo(lines.size() + 2);
        try (var leftovers = Files.list(temp)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void batchRefusesAnUnknownFieldNamingTheFieldsAndWritesNothing() {
        CliRun r = run("batch", "--fields", "category,advice", "samples/logs/mail-errors.log");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown field 'advice'").contains("category,basis,code,enhancedCode");
        assertThat(r.out()).isEmpty();
        assertThat(run("batch", "--compact", "--fields", "category", "samples/logs/mail-errors.log").exit()).isEqualTo(2);
        assertThat(run("batch", "--dictionary", temp.resolve("d.json").toString(), "samples/logs/mail-errors.log").exit())
                .isEqualTo(2);
    }

    @Test
    void batchCompactWritesTheDictionaryOfEveryCategoryWhoseAdviceItLeftOut() throws IOException {
        Path records = temp.resolve("records.jsonl");
        Path dictionary = temp.resolve("advice.json");

        CliRun r = run("batch", "--compact", "--dictionary", dictionary.toString(), "--output", records.toString(),
                "samples/logs/mail-errors.log");

        assertThat(r.exit()).isZero();
        JsonNode advice = JSON.readTree(dictionary.toFile());
        List<String> lines = Files.readAllLines(records);
        assertThat(lines).hasSameSizeAs(Files.readAllLines(Path.of("samples/logs/mail-errors.log")));
        for (String line : lines) {
            JsonNode record = JSON.readTree(line);
            if (!record.has("title")) {
                assertThat(advice.get(record.get("category").asText()).get("title").asText()).isNotBlank();
            }
        }
    }

    @Test
    void batchSaysWhichInputCannotBeOpened() {
        CliRun r = run("batch", temp.resolve("missing.log").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot open input").contains("missing.log");
    }

    @Test
    void verifyReportsFailuresAsFileLineExpectedGot() throws IOException {
        Path samples = temp.resolve("samples");
        Files.createDirectories(samples.resolve("auth"));
        Files.writeString(samples.resolve("auth/invalid-credentials.yaml"), """
                cases:
                  - text: "535 5.7.8 Error: authentication failed: Invalid user or password"
                    source: "Postfix"
                  - text: "550 spam message rejected"
                    source: "a planted failure"
                """);
        CliRun r = run("verify", "--samples", samples.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("auth/invalid-credentials.yaml:4: expected auth.invalid-credentials, got content.spam (rule content/spam.yaml:")
                .contains("verify: 1 passed, 1 failed");
    }

    @Test
    void brokenRulesAreReportedWithFileAndLine() {
        TestRules rules = TestRules.copyInto(temp).replace("catalog/auth.yaml", "auth.required:", "auth.required: [");
        CliRun r = run("diagnose", "--rules", rules.root().toString(), "535 x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the rules cannot be loaded").containsPattern("catalog/auth\\.yaml:\\d+:\\d+: error: YAML syntax");
    }

    @Test
    void unknownLanguageIsRefused() {
        CliRun r = run("diagnose", "--lang", "de", "535 x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--lang de");
    }

    @Test
    void checkRefusesAPasswordInTheArgumentsWithoutRepeatingIt() {
        CliRun r = run("check", "--host", "127.0.0.1", "--user", "alice", "--password", "Hunter2-secret");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--password is not accepted", "--password-env").doesNotContain("Hunter2-secret");
        assertThat(r.out()).doesNotContain("Hunter2-secret");
    }

    @Test
    void checkNamesAMissingPasswordVariable() {
        CliRun r = run("check", "--host", "127.0.0.1", "--user", "alice", "--password-env", "SMTP_DOCTOR_NO_SUCH_VARIABLE");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("SMTP_DOCTOR_NO_SUCH_VARIABLE", "not set");
    }
}
