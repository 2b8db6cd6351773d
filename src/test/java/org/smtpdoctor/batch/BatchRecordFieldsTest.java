package org.smtpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;

/**
 * Records of chosen fields, and compact records whose advice a dictionary holds: the fields asked for and no
 * others, in a stable order, one record per input line; a compact record joined with the dictionary is the
 * full record, on the project's sample log.
 */
class BatchRecordFieldsTest {
    private static final Diagnoser DIAGNOSER = TestRules.projectDiagnoser();
    private static final Path SAMPLE_LOG = Path.of("samples/logs/mail-errors.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void chosenFieldsAppearAndNoOthersInTheRecordOrderWhateverTheOrderAsked() throws IOException {
        RecordFields fields = RecordFields.of(List.of("stage", "params", "category", "enhancedCode", "code"), OutputFormat.JSONL);

        Run run = run(options(InputFormat.PLAIN, OutputFormat.JSONL, fields), SAMPLE_LOG);

        long lines = Files.readAllLines(SAMPLE_LOG, StandardCharsets.UTF_8).size();
        List<JsonNode> records = jsonLines(run.bytes);
        assertThat(records).hasSize((int) lines);
        assertThat(records).extracting(r -> r.get("line").asInt()).isSorted().doesNotHaveDuplicates();
        for (JsonNode record : records) {
            assertThat(names(record)).containsExactly("file", "line", "category", "code", "enhancedCode", "params", "stage");
        }
        assertThat(records).anyMatch(r -> r.get("code").asInt() == 535 && r.get("enhancedCode").asText().equals("5.7.8"));
    }

    @Test
    void aRecordThatCannotBeReadStillHasItsErrorAndKeptFields() throws IOException {
        Path log = write("errors.jsonl", "{\"ts\":\"t1\",\"msg\":\"550 5.1.1 <bob@example.org>: User unknown\"}\n{not json\n");
        RecordFields fields = RecordFields.of(List.of("category"), OutputFormat.JSONL);
        BatchRunner.Options options = new BatchRunner.Options(Locale.ENGLISH, InputFormat.JSONL,
                InputFormat.JSONL.fields("msg", null, List.of("ts")), OutputFormat.JSONL, 2, fields);

        List<JsonNode> records = jsonLines(run(options, log).bytes);

        assertThat(records).hasSize(2);
        assertThat(names(records.get(0))).containsExactly("file", "line", "ts", "category");
        assertThat(names(records.get(1))).containsExactly("file", "line", "ts", "error");
    }

    @Test
    void csvColumnsAreTheChosenOnesAndErrorInTheCsvOrder() throws IOException {
        RecordFields fields = RecordFields.of(List.of("stage", "title", "category"), OutputFormat.CSV);

        List<List<String>> rows = csvRows(run(options(InputFormat.PLAIN, OutputFormat.CSV, fields), SAMPLE_LOG).bytes);

        assertThat(rows.get(0)).containsExactly("file", "line", "category", "title", "error", "stage");
        assertThat(rows).hasSize(Files.readAllLines(SAMPLE_LOG, StandardCharsets.UTF_8).size() + 1);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(6));
        assertThat(rows.get(1).get(3)).isNotBlank();
    }

    @Test
    void anUnknownFieldIsRefusedNamingTheAllowedOnes() {
        assertThatThrownBy(() -> RecordFields.of(List.of("category", "advice"), OutputFormat.JSONL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'advice'").hasMessageContaining("category,basis,code");
        // codeMeaning is a JSON field, not a CSV column: CSV refuses it rather than writing a column of nothing.
        assertThatThrownBy(() -> RecordFields.of(List.of("codeMeaning"), OutputFormat.CSV))
                .hasMessageContaining("'codeMeaning'");
    }

    @Test
    void compactRecordsJoinedWithTheDictionaryAreTheFullRecords() throws IOException {
        Run full = run(options(InputFormat.PLAIN, OutputFormat.JSONL, RecordFields.every()), SAMPLE_LOG);
        Run compact = run(options(InputFormat.PLAIN, OutputFormat.JSONL, RecordFields.compactRecords()), SAMPLE_LOG);
        JsonNode dictionary = compact.runner.dictionary().toJson(JSON);

        List<JsonNode> fullRecords = jsonLines(full.bytes);
        List<JsonNode> compactRecords = jsonLines(compact.bytes);
        assertThat(compactRecords).hasSameSizeAs(fullRecords);
        for (int i = 0; i < fullRecords.size(); i++) {
            ObjectNode joined = compactRecords.get(i).deepCopy();
            for (String field : RecordFields.ADVICE) {
                if (!joined.has(field)) {
                    joined.set(field, dictionary.get(joined.get("category").asText()).get(field));
                }
            }
            assertThat(joined).as("record %d joined with the dictionary", i + 1).isEqualTo(fullRecords.get(i));
        }
        long withoutAdvice = compactRecords.stream().filter(r -> !r.has("title")).count();
        assertThat(withoutAdvice).as("records whose advice the dictionary holds").isGreaterThan(fullRecords.size() / 2);
        assertThat(compact.bytes.length).isLessThan(full.bytes.length * 2 / 3);
        assertThat(dictionary.size()).isPositive().isLessThanOrEqualTo(fullRecords.size());
    }

    @Test
    void compactCsvJoinedWithTheDictionaryIsTheFullCsv() throws IOException {
        List<List<String>> full = csvRows(run(options(InputFormat.PLAIN, OutputFormat.CSV, RecordFields.every()), SAMPLE_LOG).bytes);
        Run compact = run(options(InputFormat.PLAIN, OutputFormat.CSV, RecordFields.compactRecords()), SAMPLE_LOG);
        JsonNode dictionary = compact.runner.dictionary().toJson(JSON);
        List<List<String>> rows = csvRows(compact.bytes);

        List<String> header = rows.get(0);
        assertThat(header).isEqualTo(full.get(0));
        int category = header.indexOf("category");
        int left = 0;
        for (int i = 1; i < rows.size(); i++) {
            List<String> joined = new ArrayList<>(rows.get(i));
            JsonNode advice = dictionary.get(joined.get(category));
            if (joined.get(header.indexOf("title")).isEmpty()) {
                left++;
                joined.set(header.indexOf("title"), advice.get("title").asText());
                joined.set(header.indexOf("explanation"), advice.get("explanation").asText());
                joined.set(header.indexOf("remedy"), JSON.writeValueAsString(advice.get("remedy")));
            }
            assertThat(joined).as("row %d joined with the dictionary", i).isEqualTo(full.get(i));
        }
        assertThat(left).isGreaterThan(rows.size() / 2);
    }

    private BatchRunner.Options options(InputFormat input, OutputFormat output, RecordFields fields) {
        return new BatchRunner.Options(Locale.ENGLISH, input, new InputFormat.Fields(null, null, List.of()), output, 2, fields);
    }

    private record Run(BatchRunner runner, byte[] bytes) {
    }

    private static Run run(BatchRunner.Options options, Path log) throws IOException {
        BatchRunner runner = new BatchRunner(DIAGNOSER, options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runner.run(List.of(BatchInput.of(log.toString(), null)), out, done -> { });
        return new Run(runner, out.toByteArray());
    }

    private Path write(String name, String content) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<JsonNode> jsonLines(byte[] bytes) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private static List<String> names(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<List<String>> csvRows(byte[] bytes) throws IOException {
        CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (var it = csv.readerFor(String[].class).<String[]>readValues(bytes)) {
            while (it.hasNext()) {
                rows.add(List.of(it.next()));
            }
        }
        return rows;
    }
}
