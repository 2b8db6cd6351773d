package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.testing.PlantedSecrets;

/**
 * Every planted form of {@link PlantedSecrets} through {@code batch} as a user runs it, in plain, JSON Lines and
 * CSV input, with every output it writes: the records (JSON Lines and CSV), {@code --unknowns}, {@code --summary},
 * and the {@code unknowns} command. No output holds a secret, and every input line gets its one record.
 */
class SecretsThroughBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An unquoted value makes the JSON line malformed; Jackson's message would quote it. */
    private static final String MALFORMED_JSON_SECRET = "Mj8Unq5Lw";

    @TempDir
    Path dir;

    private static List<PlantedSecrets.Row> oneLineRows() {
        return PlantedSecrets.ROWS.stream().filter(PlantedSecrets.Row::oneLine).toList();
    }

    @Test
    void plainInputInEveryOutput() throws IOException {
        List<PlantedSecrets.Row> rows = oneLineRows();
        Path log = write("planted.log", String.join("\n", rows.stream().map(PlantedSecrets.Row::text).toList()) + "\n");

        CliRun jsonl = run("batch", "--no-progress", "--threads", "2", "-o", dir.resolve("out.jsonl").toString(),
                "--unknowns", dir.resolve("unknowns.yaml").toString(), "--summary", dir.resolve("summary.json").toString(),
                log.toString());
        CliRun csv = run("batch", "--no-progress", "--format", "csv", "-o", dir.resolve("out.csv").toString(),
                log.toString());
        CliRun unknowns = run("unknowns", log.toString());

        assertThat(read("out.jsonl").lines()).hasSize(rows.size());
        assertThat(read("out.csv").lines()).hasSize(rows.size() + 1);
        String everything = String.join("\n", read("out.jsonl"), read("unknowns.yaml"), read("summary.json"),
                jsonl.err(), read("out.csv"), csv.err(), unknowns.out(), unknowns.err());
        assertNoSecret(everything, PlantedSecrets.ROWS);
        // The secrets did reach every output, masked: the test would see them if masking failed.
        assertThat(read("unknowns.yaml")).contains("***");
        assertThat(read("summary.json")).contains("***");
        assertThat(unknowns.out()).contains("***");
    }

    @Test
    void jsonLinesWithMultiLineTextsAndKeptFields() throws IOException {
        StringBuilder in = new StringBuilder();
        for (PlantedSecrets.Row row : PlantedSecrets.ROWS) {
            ObjectNode line = JSON.createObjectNode();
            line.put("msg", row.text());
            line.put("user", "ann");
            line.put("smtp_password", row.secrets().get(0));
            line.put("note", row.text());
            in.append(JSON.writeValueAsString(line)).append('\n');
        }
        in.append("{\"msg\": \"535 5.7.8 Error: authentication failed\", \"password\": ").append(MALFORMED_JSON_SECRET)
                .append("}\n");
        Path log = write("planted.jsonl", in.toString());

        CliRun jsonl = run("batch", "--no-progress", "--input-format", "jsonl", "--field", "msg",
                "--keep", "user,smtp_password,note", "-o", dir.resolve("out.jsonl").toString(),
                "--unknowns", dir.resolve("unknowns.yaml").toString(), "--summary", dir.resolve("summary.json").toString(),
                log.toString());
        CliRun csv = run("batch", "--no-progress", "--input-format", "jsonl", "--field", "msg",
                "--keep", "user,smtp_password,note", "--format", "csv", "-o", dir.resolve("out.csv").toString(),
                log.toString());

        List<String> records = read("out.jsonl").lines().toList();
        assertThat(records).hasSize(PlantedSecrets.ROWS.size() + 1);
        assertThat(records.get(records.size() - 1)).contains("\"error\":\"malformed JSON");
        assertThat(records.get(0)).contains("\"user\":\"ann\"").contains("\"smtp_password\":\"***\"");
        List<String> extra = new ArrayList<>(List.of(MALFORMED_JSON_SECRET));
        assertNoSecret(String.join("\n", read("out.jsonl"), read("unknowns.yaml"), read("summary.json"), jsonl.err(),
                read("out.csv"), csv.err()), PlantedSecrets.ROWS, extra);
    }

    @Test
    void csvInput() throws IOException {
        List<PlantedSecrets.Row> rows = oneLineRows();
        StringBuilder in = new StringBuilder("id,message,smtp_password\n");
        for (int i = 0; i < rows.size(); i++) {
            in.append(i).append(',').append(csvCell(rows.get(i).text())).append(',')
                    .append(csvCell(rows.get(i).secrets().get(0))).append('\n');
        }
        Path log = write("planted.csv", in.toString());

        CliRun jsonl = run("batch", "--no-progress", "--input-format", "csv", "--column", "message",
                "--keep", "id,smtp_password", "-o", dir.resolve("out.jsonl").toString(), "--unknowns", dir.resolve("unknowns.yaml").toString(),
                "--summary", dir.resolve("summary.json").toString(), log.toString());
        CliRun csv = run("batch", "--no-progress", "--input-format", "csv", "--column", "message",
                "--keep", "id,smtp_password", "--format", "csv", "-o", dir.resolve("out.csv").toString(), log.toString());

        assertThat(read("out.jsonl").lines()).hasSize(rows.size());
        assertThat(read("out.jsonl").lines()).noneMatch(line -> line.contains("\"error\""));
        assertNoSecret(String.join("\n", read("out.jsonl"), jsonl.err(), read("out.csv"), csv.err(), read("unknowns.yaml"),
                read("summary.json")), PlantedSecrets.ROWS);
    }

    private static void assertNoSecret(String output, List<PlantedSecrets.Row> rows, List<String> extra) {
        assertNoSecret(output, rows);
        extra.forEach(secret -> assertThat(output).doesNotContain(secret));
    }

    private static void assertNoSecret(String output, List<PlantedSecrets.Row> rows) {
        for (PlantedSecrets.Row row : rows) {
            for (String secret : row.secrets()) {
                assertThat(output).as("%s: %s", row.form(), secret).doesNotContain(secret);
                // JSON and YAML escape quotes and slashes; the secret must not be there escaped either.
                String escaped = JSON.valueToTree(secret).toString();
                assertThat(output).as("%s: %s", row.form(), escaped).doesNotContain(escaped.substring(1, escaped.length() - 1));
            }
        }
    }

    private static String csvCell(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
