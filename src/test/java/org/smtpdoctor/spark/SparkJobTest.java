package org.smtpdoctor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.batch.BatchSummary;
import org.smtpdoctor.batch.InputFormat;
import org.smtpdoctor.batch.LogGenerator;
import org.smtpdoctor.batch.SampleTexts;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.source.ProblemsException;
import org.smtpdoctor.testing.PlantedSecrets;

/**
 * The Spark job writes, line for line, the records {@code batch} writes for the same inputs in the same
 * test run (sorted by file and line): for the sample log, a generated bench log read in many pieces,
 * gzip, JSON Lines, CSV and mail logs, and lines that are blank, garbage, overlong or not UTF-8.
 */
class SparkJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Comparator<String> BY_FILE_AND_LINE = Comparator
            .comparing((String r) -> json(r).get("file").asText())
            .thenComparingLong(r -> json(r).get("line").asLong());

    @TempDir
    Path temp;

    private final SparkSession spark = SharedSpark.session();

    @Test
    void theSampleLogGivesBatchsRecordsLineForLine() throws IOException {
        Path log = Path.of("samples/logs/mail-errors.log");
        Path out = temp.resolve("out");

        BatchSummary summary = SparkJob.execute(spark, "--input", log.toString(), "--output", out.toString(), "--format", "jsonl");

        List<String> batch = BatchBaseline.records(log);
        assertThat(batch).hasSize(Files.readAllLines(log).size());
        assertThat(jsonl(out)).containsExactlyElementsOf(batch);
        assertThat(summary.records()).isEqualTo(batch.size());
        assertThat(summary.categories()).isEqualTo(batchSummary(batch));
        // The log's blank lines have their records, but Spark's summary (batch's, added up) counts them apart.
        long blank = batch.stream().filter(r -> json(r).path("input").asText().isBlank()).count();
        assertThat(blank).isEqualTo(2);
        assertThat(summary.blank()).isEqualTo(blank);
        assertThat(summary.unknowns().top(Integer.MAX_VALUE)).noneMatch(g -> g.example().isBlank());
    }

    @Test
    void aBenchLogReadInManyPiecesKeepsEveryLineAndItsNumber() throws IOException {
        Path log = temp.resolve("bench.log");
        new LogGenerator(SampleTexts.all(), 11).write(log, 6_000);
        Path out = temp.resolve("out");

        SparkJob.execute(spark, "--input", log.toString(), "--output", out.toString(), "--format", "jsonl",
                "--split-size", "40k");

        List<String> batch = BatchBaseline.records(log);
        List<String> records = jsonl(out);
        assertThat(partFiles(out)).as("pieces read by separate tasks").hasSizeGreaterThan(10);
        assertThat(records).hasSize(6_000);
        assertThat(records).containsExactlyElementsOf(batch);
    }

    @Test
    void garbageUndecodableOverlongAndBlankLinesEachKeepTheirRecord() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < 300; i++) {
            if (i == 150) {
                bytes.write(("x".repeat((1 << 20) + 500) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            bytes.write(("535 5.7.8 Error: authentication failed " + i + "\n").getBytes(StandardCharsets.UTF_8));
            switch (i % 6) {
                case 0 -> bytes.write("\n".getBytes(StandardCharsets.UTF_8));
                case 1 -> bytes.write(new byte[] {'5', '5', '0', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2, '\n'});
                case 2 -> bytes.write("crlf 550 5.1.1 x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                case 3 -> bytes.write(("\u0000\u0007}{ garbage \\ \" ~~~ " + "z".repeat(i * 37) + "\n").getBytes(StandardCharsets.UTF_8));
                case 4 -> bytes.write("Привет, 550 ящик не найден\n".getBytes(StandardCharsets.UTF_8));
                default -> { }
            }
        }
        bytes.write("550 no newline at the end".getBytes(StandardCharsets.UTF_8));
        Path log = Files.write(temp.resolve("bad.log"), bytes.toByteArray());
        Path out = temp.resolve("out");

        SparkJob.execute(spark, "--input", log.toString(), "--output", out.toString(), "--format", "jsonl",
                "--split-size", "32k");

        List<String> batch = BatchBaseline.records(log);
        long lines = new String(bytes.toByteArray(), StandardCharsets.UTF_8).split("\n", -1).length;
        assertThat(batch).hasSize((int) lines);
        List<String> records = jsonl(out);
        assertThat(records).containsExactlyElementsOf(batch);
        assertThat(records).anyMatch(r -> json(r).get("input").asText().contains("\uFFFD"));
        assertThat(records).anyMatch(r -> json(r).path("overlong").asBoolean());
        assertThat(records).anyMatch(r -> json(r).get("input").asText().isEmpty());
    }

    @Test
    void gzipJsonLinesCsvAndMailLogsAsBatchReadsThem() throws IOException {
        Path gz = temp.resolve("errors.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Path.of("samples/logs/mail-errors.log")));
        }
        Path jsonl = Files.writeString(temp.resolve("errors.jsonl"), """
                {"ts":"1","error":{"message":"535 5.7.8 Error: authentication failed"},"account":"a"}
                not json at all
                {"ts":"2","other":"no field"}
                {"ts":"3","error":{"message":"Could not connect to SMTP host: smtp.example.com, port: 465"},"account":"b"}
                """);
        Path csv = Files.writeString(temp.resolve("errors.csv"), """
                ts,error,account
                1,535 5.7.8 Error: authentication failed,a
                2,"unterminated
                3,"550 5.1.1 <bob@example.com>: Recipient address rejected",c
                """);
        Path postfix = Files.writeString(temp.resolve("mail.log"), """
                Dec  1 10:00:00 mx postfix/smtpd[1]: connect from unknown[192.0.2.1]
                Dec  1 10:00:01 mx postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <x@example.com>: Relay access denied; from=<a@example.org> to=<x@example.com> proto=ESMTP helo=<h>
                Dec  1 10:00:02 mx postfix/smtp[2]: 4F2A31C0B2: to=<b@example.net>, relay=mx.example.net[198.51.100.2]:25, delay=1, status=bounced (host mx.example.net[198.51.100.2] said: 550 5.1.1 <b@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command))
                """);
        Diagnoser rules = BatchBaseline.bundledRules();
        InputFormat.Fields none = new InputFormat.Fields(null, null, List.of());

        assertThat(run("--input", gz.toString())).containsExactlyElementsOf(
                BatchBaseline.records(rules, InputFormat.PLAIN, none, null, gz));
        assertThat(run("--input", jsonl.toString(), "--input-format", "jsonl", "--field", "error.message", "--keep", "ts,account"))
                .containsExactlyElementsOf(BatchBaseline.records(rules, InputFormat.JSONL,
                        new InputFormat.Fields("error.message", null, List.of("ts", "account")), null, jsonl));
        assertThat(run("--input", csv.toString(), "--input-format", "csv", "--column", "error", "--keep", "ts", "--lang", "ru"))
                .containsExactlyElementsOf(BatchBaseline.records(rules, InputFormat.CSV,
                        new InputFormat.Fields(null, "error", List.of("ts")), java.util.Locale.forLanguageTag("ru"), csv));
        List<String> mail = run("--input", postfix.toString(), "--input-format", "postfix");
        assertThat(mail).containsExactlyElementsOf(BatchBaseline.records(rules, InputFormat.POSTFIX,
                new InputFormat.Fields(null, null, List.of("queueId", "status", "from", "to")), null, postfix));
        assertThat(mail).hasSize(2);
    }

    @Test
    void parquetHasBatchsFieldsTypedAndPartitionsAsAsked() throws IOException {
        Path log = Path.of("samples/logs/mail-errors.log");
        Path out = temp.resolve("out");

        BatchSummary summary = SparkJob.execute(spark, "--input", log.toString(), "--output", out.toString(),
                "--partition-by", "basis");

        Dataset<Row> table = spark.read().parquet(out.toString());
        List<String> batch = BatchBaseline.records(log);
        Dataset<Row> expected = spark.read().schema(RecordSchema.of(List.of()))
                .json(spark.createDataset(batch, org.apache.spark.sql.Encoders.STRING()));
        String[] columns = expected.columns();
        assertThat(table.count()).isEqualTo(batch.size());
        assertThat(table.selectExpr(columns).orderBy("file", "line").collectAsList())
                .containsExactlyElementsOf(expected.orderBy("file", "line").collectAsList());
        assertThat(table.schema().apply("line").dataType().typeName()).isEqualTo("long");
        assertThat(table.schema().apply("code").dataType().typeName()).isEqualTo("integer");
        assertThat(Files.list(out).map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("basis="));

        Dataset<Row> counts = spark.read().parquet(out.resolve("_summary").toString());
        assertThat(counts.where("dimension = 'total' AND key = 'records'").first().getLong(2)).isEqualTo(batch.size());
        assertThat(counts.where("dimension = 'category'").collectAsList()).hasSize(summary.categories().size());
        assertThat(json(Files.readString(out.resolve("_summary.json"))).get("records").asLong()).isEqualTo(batch.size());
    }

    @Test
    void aRulesDirectoryThatDoesNotLoadFailsBeforeAnyTaskWithTheClisMessages() throws IOException {
        Path rules = TestRules.copyInto(temp).root();
        Files.writeString(rules.resolve("categories.yaml"), "\n- [ this is : not closed\n", java.nio.file.StandardOpenOption.APPEND);
        ProblemsException cli = catchProblems(() -> Diagnoser.builder().rulesDirectory(rules).build());
        Path out = temp.resolve("out");
        spark.sparkContext().setJobGroup("broken-rules", "a job that must not start", false);
        try {
            assertThatThrownBy(() -> SparkJob.execute(spark, "--input", "samples/logs/mail-errors.log",
                    "--output", out.toString(), "--rules", rules.toString()))
                    .isInstanceOf(ProblemsException.class)
                    .satisfies(e -> assertThat(((ProblemsException) e).problems().toString())
                            .isEqualTo(cli.problems().toString()));
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        assertThat(spark.sparkContext().statusTracker().getJobIdsForGroup("broken-rules")).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void anotherRulesDirectoryIsShippedAndEveryRecordNamesItsVersion() throws IOException {
        Path rules = TestRules.copyInto(temp).root();
        Diagnoser expected = Diagnoser.builder().rulesDirectory(rules).build();
        Path log = Path.of("samples/logs/mail-errors.log");

        List<String> records = run("--input", log.toString(), "--rules", rules.toString());

        assertThat(records).containsExactlyElementsOf(BatchBaseline.records(expected, InputFormat.PLAIN,
                new InputFormat.Fields(null, null, List.of()), null, log));
        assertThat(records).allMatch(r -> json(r).get("ruleSetVersion").asText().equals(expected.ruleSetVersion()));
    }

    @Test
    void plantedCredentialsAreMaskedInTheRecords() throws IOException {
        List<PlantedSecrets.Row> rows = PlantedSecrets.ROWS.stream().filter(PlantedSecrets.Row::oneLine).toList();
        Path log = Files.writeString(temp.resolve("planted.log"),
                String.join("\n", rows.stream().map(PlantedSecrets.Row::text).toList()) + "\n");

        List<String> records = run("--input", log.toString());

        assertThat(records).hasSize(rows.size());
        String all = String.join("\n", records);
        assertThat(all).contains("***");
        rows.forEach(row -> row.secrets().forEach(secret -> assertThat(all).as(row.form()).doesNotContain(secret)));
    }

    private List<String> run(String... args) throws IOException {
        Path out = Files.createTempDirectory(temp, "run").resolve("out");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", out.toString(), "--format", "jsonl"));
        SparkJob.execute(spark, all.toArray(String[]::new));
        return jsonl(out);
    }

    /** The records of a JSON Lines output (every part file, partitions included), sorted by file and line. */
    static List<String> jsonl(Path out) {
        List<String> records = new ArrayList<>();
        for (Path part : partFiles(out)) {
            try {
                records.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        records.sort(BY_FILE_AND_LINE);
        return records;
    }

    private static List<Path> partFiles(Path out) {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .filter(p -> !out.relativize(p).toString().startsWith("_")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Map<String, Long> batchSummary(List<String> records) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        records.stream().filter(r -> !json(r).path("input").asText().isBlank()) // blank: a record, no diagnosis
                .forEach(r -> counts.merge(json(r).path("category").asText(), 1L, Long::sum));
        return counts;
    }

    private static ProblemsException catchProblems(Runnable build) {
        try {
            build.run();
        } catch (ProblemsException e) {
            return e;
        }
        throw new AssertionError("the broken rules loaded");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
