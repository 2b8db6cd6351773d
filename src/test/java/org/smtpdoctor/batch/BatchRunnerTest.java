package org.smtpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.report.DiagnosisJson;

/** Every input record gets exactly one output record, in order, whatever the format and whatever the line. */
class BatchRunnerTest {
    private static final Diagnoser DIAGNOSER = TestRules.projectDiagnoser();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void plainTextBadLinesIncluded() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String line : List.of("535 5.7.8 Error: authentication failed: Invalid user or password", "", "crlf 550 5.1.1 x\r",
                "nul\u0000byte", "x".repeat(LineReader.MAX_LINE_CHARS + 10), "Could not connect to SMTP host")) {
            bytes.write(line.getBytes(StandardCharsets.UTF_8));
            bytes.write('\n');
        }
        bytes.write(new byte[] {'5', '5', '0', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});
        bytes.write("no newline at the end".getBytes(StandardCharsets.UTF_8));
        Path log = write("bad.log", bytes.toByteArray());

        Run run = run(options(InputFormat.PLAIN, null, null, List.of()), log);

        assertThat(run.records).hasSize(8);
        assertThat(run.records).extracting(r -> r.get("line").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(run.records.get(0).get("category").asText()).isEqualTo("auth.invalid-credentials");
        assertThat(run.records.get(1).get("category").asText()).isEqualTo("unknown.unclassified");
        assertThat(run.records.get(2).get("input").asText()).isEqualTo("crlf 550 5.1.1 x");
        assertThat(run.records.get(4).get("overlong").asBoolean()).isTrue();
        assertThat(run.records.get(4).get("truncated").asBoolean()).isTrue();
        assertThat(run.records.get(6).get("input").asText()).contains("\uFFFD");
        assertThat(run.summary.records()).isEqualTo(8);
    }

    @Test
    void blankAndWhitespaceOnlyLinesHaveTheirRecordsButAreNoUnknownsInTheSummary() throws IOException {
        Path log = write("blank.log", String.join("\n", "535 5.7.8 Error: authentication failed", "", "   \t ",
                "x-unheard-of reply nobody wrote a rule for", "\u00a0\u2003", "\u200b x").getBytes(StandardCharsets.UTF_8));

        Run run = run(options(InputFormat.PLAIN, null, null, List.of()), log);

        assertThat(run.records).extracting(r -> r.get("line").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(run.summary.records()).isEqualTo(6);
        assertThat(run.summary.blank()).as("'', tab and spaces, no-break and em space").isEqualTo(3);
        assertThat(run.summary.categories()).containsOnlyKeys("auth.invalid-credentials", "unknown.unclassified")
                .containsEntry("unknown.unclassified", 2L) // the unheard-of reply, and a zero-width space before x
                .containsEntry("auth.invalid-credentials", 1L);
        assertThat(run.summary.unknowns().top(10)).extracting(UnknownTemplates.Group::example)
                .containsExactly("x-unheard-of reply nobody wrote a rule for", "\u200b x");
        assertThat(run.summary.table()).containsPattern("\nblank records \\(nothing to diagnose\\) +3\n");
        assertThat(run.summary.toJson(JSON).get("blank").asLong()).isEqualTo(3);

        BatchSummary added = new BatchSummary(); // how Spark adds up its tasks' summaries
        added.add(run.summary);
        added.add(run.summary);
        assertThat(added.blank()).isEqualTo(6);
        assertThat(added.unknowns().top(10)).extracting(UnknownTemplates.Group::count).containsExactly(2L, 2L);
    }

    @Test
    void jsonLinesWithDottedFieldKeptFieldsAndMalformedRecords() throws IOException {
        Path log = write("errors.jsonl", String.join("\n",
                "{\"ts\":\"t1\",\"error\":{\"message\":\"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown\"}}",
                "{not json",
                "{\"ts\":\"t3\"}",
                "[1,2]",
                "",
                "{\"ts\":\"t6\",\"error\":{\"message\":\"Connection refused\"},\"account\":7}").getBytes(StandardCharsets.UTF_8));

        Run run = run(options(InputFormat.JSONL, "error.message", null, List.of("ts", "account")), log);

        assertThat(run.records).hasSize(6);
        assertThat(run.records.get(0).get("ts").asText()).isEqualTo("t1");
        assertThat(run.records.get(0).get("params").get("address").asText()).isEqualTo("bob@example.org");
        assertThat(run.records.get(1).get("error").asText()).startsWith("malformed JSON");
        assertThat(run.records.get(2).get("error").asText()).isEqualTo("no field 'error.message'");
        assertThat(run.records.get(3).get("error").asText()).isEqualTo("not a JSON object");
        assertThat(run.records.get(4).get("line").asInt()).isEqualTo(5);
        assertThat(run.records.get(5).get("account").asText()).isEqualTo("7");
        assertThat(run.records.get(5).get("category").asText()).isEqualTo("connection.refused");
        assertThat(run.summary.unreadable()).isEqualTo(4);
    }

    @Test
    void csvWithHeaderKeptColumnAndMalformedRow() throws IOException {
        Path log = write("errors.csv", String.join("\n",
                "time,account,error",
                "t1,42,\"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown, sorry\"",
                "t2,43,\"unterminated",
                "t3",
                "t4,44,Connection refused").getBytes(StandardCharsets.UTF_8));

        Run run = run(options(InputFormat.CSV, null, "error", List.of("account")), log);

        assertThat(run.records).hasSize(4);
        assertThat(run.records).extracting(r -> r.get("line").asInt()).containsExactly(2, 3, 4, 5);
        assertThat(run.records.get(0).get("account").asText()).isEqualTo("42");
        assertThat(run.records.get(0).get("category").asText()).isEqualTo("recipient.unknown");
        assertThat(run.records.get(1).get("error").asText()).startsWith("malformed CSV");
        assertThat(run.records.get(2).get("error").asText()).startsWith("malformed CSV");
        assertThat(run.records.get(3).get("category").asText()).isEqualTo("connection.refused");
    }

    @Test
    void postfixLogErrorEntriesOnlyOtherLinesCounted() throws IOException {
        Path log = write("mail.log", String.join("\n",
                "Nov 28 12:00:01 mx postfix/smtpd[101]: connect from unknown[192.0.2.1]",
                "Nov 28 12:00:01 mx postfix/smtpd[101]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <x@example.net>:"
                        + " Relay access denied; from=<a@example.org> to=<x@example.net> proto=ESMTP helo=<client>",
                "Nov 28 12:00:02 mx postfix/smtp[102]: 4F2A31C0B2: to=<bob@example.com>, relay=mx.example.com[192.0.2.7]:25,"
                        + " delay=1, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.7] said: 550 5.1.1 <bob@example.com>:"
                        + " Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command))",
                "Nov 28 12:00:03 mx postfix/smtp[102]: 4F2A31C0B3: to=<eve@example.com>, relay=none, delay=30,"
                        + " dsn=4.4.1, status=deferred (connect to mx.example.com[192.0.2.7]:25: Connection refused)",
                "Nov 28 12:00:04 mx postfix/smtp[102]: 4F2A31C0B4: to=<ann@example.com>, status=sent (250 2.0.0 Ok)",
                "Nov 28 12:00:05 mx postfix/smtpd[101]: disconnect from unknown[192.0.2.1]").getBytes(StandardCharsets.UTF_8));

        Run run = run(options(InputFormat.POSTFIX, null, null, List.of("queueId", "status", "from", "to")), log);

        assertThat(run.records).hasSize(3);
        assertThat(run.records).extracting(r -> r.get("line").asInt()).containsExactly(2, 3, 4);
        assertThat(run.records).extracting(r -> r.get("status").asText()).containsExactly("reject", "bounced", "deferred");
        assertThat(run.records).extracting(r -> r.get("queueId").asText()).containsExactly("NOQUEUE", "4F2A31C0B2", "4F2A31C0B3");
        assertThat(run.records.get(0).get("from").asText()).isEqualTo("a@example.org");
        assertThat(run.records).extracting(r -> r.get("category").asText())
                .containsExactly("relay.denied", "recipient.unknown", "connection.refused");
        // The reject keeps "reject: RCPT from ...", the bounce "(in reply to RCPT TO command)": both tell the stage.
        assertThat(run.records).extracting(r -> r.get("stage").asText()).containsExactly("rcpt", "rcpt", "connect");
        assertThat(run.summary.otherLines()).isEqualTo(3);
    }

    @Test
    void eximLogErrorEntriesOnly() throws IOException {
        Path log = write("mainlog", String.join("\n",
                "2026-11-28 12:00:01 1rABCd-000123-AB <= sender@example.org H=app [192.0.2.5] P=esmtpa S=1234",
                "2026-11-28 12:00:02 1rABCd-000123-AB ** bob@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.7]:"
                        + " SMTP error from remote mail server after RCPT TO:<bob@example.com>: 550 5.1.1 User unknown",
                "2026-11-28 12:00:03 1rABCd-000124-AB == eve@example.com R=dnslookup T=remote_smtp defer (-44) H=mx.example.com"
                        + " [192.0.2.7]: SMTP error from remote mail server after RCPT TO:<eve@example.com>: 451 4.7.1 Greylisted, try later",
                "2026-11-28 12:00:04 H=(client) [192.0.2.9] F=<a@example.org> rejected RCPT <x@example.net>: relay not permitted",
                "2026-11-28 12:00:05 1rABCd-000123-AB Completed").getBytes(StandardCharsets.UTF_8));

        Run run = run(options(InputFormat.EXIM, null, null, List.of("queueId", "status", "to")), log);

        assertThat(run.records).hasSize(3);
        assertThat(run.records).extracting(r -> r.get("status").asText()).containsExactly("bounced", "deferred", "reject");
        assertThat(run.records).extracting(r -> r.get("to").asText())
                .containsExactly("bob@example.com", "eve@example.com", "x@example.net");
        assertThat(run.records).extracting(r -> r.get("category").asText())
                .containsExactly("recipient.unknown", "server.greylisted", "relay.denied");
        assertThat(run.summary.otherLines()).isEqualTo(2);
    }

    @Test
    void gzipAndStandardInputAndSeveralFilesInOneRunKeepOrder() throws IOException {
        Path gz = temp.resolve("a.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("Connection refused\n421 4.7.0 Try again later\n".getBytes(StandardCharsets.UTF_8));
        }
        Path plain = write("b.log", "552 5.3.4 Message size exceeds fixed limit\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayInputStream stdin = new ByteArrayInputStream("Relay access denied\n".getBytes(StandardCharsets.UTF_8));
        BatchRunner runner = new BatchRunner(DIAGNOSER, options(InputFormat.PLAIN, null, null, List.of()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        runner.run(List.of(BatchInput.of(gz.toString(), stdin), BatchInput.of("-", stdin), BatchInput.of(plain.toString(), stdin)),
                out, n -> { });

        List<JsonNode> records = parse(out);
        assertThat(records).extracting(r -> r.get("file").asText())
                .containsExactly(gz.toString(), gz.toString(), "-", plain.toString());
        assertThat(records).extracting(r -> r.get("category").asText())
                .containsExactly("connection.refused", "unknown.transient", "relay.denied", "content.too-large");
    }

    @Test
    void csvOutputHasAHeaderAndARowPerRecord() throws IOException {
        Path log = write("x.log", "Connection refused\n\"quoted\", with comma\n".getBytes(StandardCharsets.UTF_8));
        BatchRunner.Options csv = new BatchRunner.Options(Locale.ENGLISH, InputFormat.PLAIN,
                new InputFormat.Fields(null, null, List.of()), OutputFormat.CSV, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new BatchRunner(DIAGNOSER, csv).run(List.of(BatchInput.of(log.toString(), null)), out, n -> { });

        List<String[]> rows = new ArrayList<>();
        new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .<String[]>readValues(out.toByteArray()).forEachRemaining(rows::add);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("file", "line", "input", "category");
        assertThat(rows.get(1)[3]).isEqualTo("connection.refused");
        assertThat(rows.get(2)[2]).isEqualTo("\"quoted\", with comma");
    }

    @Test
    void csvOutputEndsWithStageExplanationAndRemedy() throws IOException {
        Path log = write("x.log", ("jakarta.mail.MessagingException: Could not connect to SMTP host: smtp.example.org, port: 587;\n"
                + "").getBytes(StandardCharsets.UTF_8));
        BatchRunner.Options csv = new BatchRunner.Options(Locale.ENGLISH, InputFormat.PLAIN,
                new InputFormat.Fields(null, null, List.of()), OutputFormat.CSV, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BatchRunner(DIAGNOSER, csv).run(List.of(BatchInput.of(log.toString(), null)), out, n -> { });

        List<String[]> rows = new ArrayList<>();
        new CsvMapper().readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .<String[]>readValues(out.toByteArray()).forEachRemaining(rows::add);
        assertThat(rows.get(0)).containsExactly("file", "line", "input", "category", "basis", "code", "enhancedCode",
                "rule", "retry", "actor", "title", "params", "secondary", "truncated", "overlong", "error",
                "stage", "explanation", "remedy");
        String[] row = rows.get(1);
        assertThat(row).hasSize(19);
        org.smtpdoctor.engine.Diagnosis d = DIAGNOSER.diagnose(row[2]);
        assertThat(row[16]).isEqualTo("connect").isEqualTo(d.stage().id());
        assertThat(row[17]).isNotBlank().isEqualTo(d.advice(Locale.ENGLISH).explanation());
        assertThat(JSON.readValue(row[18], List.class)).isNotEmpty().isEqualTo(d.advice(Locale.ENGLISH).remedy());
    }

    @Test
    void everyRecordSaysWhatTheRulesSayOfItsOwnLine() throws IOException {
        // Each text, another of the same shape (other digits, hosts, addresses), then the text again: lines alike
        // share their rendered advice and the rules' remembered verdicts, and each must still get its own record.
        List<String> lines = new ArrayList<>();
        for (String text : SampleTexts.all()) {
            lines.add(text.replace('\n', ' '));
            lines.add(Variants.of(text).replace('\n', ' '));
            lines.add(text.replace('\n', ' '));
        }
        Path log = write("samples.log", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BatchRunner(DIAGNOSER, options(InputFormat.PLAIN, null, null, List.of()))
                .run(List.of(BatchInput.of(log.toString(), null)), out, n -> { });

        List<JsonNode> records = parse(out);
        assertThat(records).hasSize(lines.size());
        DiagnosisJson json = new DiagnosisJson(JSON);
        for (int i = 0; i < lines.size(); i++) {
            // explain() runs the rules on the line itself; its diagnosis is rendered here on its own.
            ObjectNode expected = JSON.createObjectNode().put("file", log.toString()).put("line", i + 1);
            json.fill(expected, DIAGNOSER.explain(lines.get(i)).diagnosis(), Locale.ENGLISH);
            assertThat(records.get(i)).as(lines.get(i)).isEqualTo(expected);
        }
    }

    @Test
    void anOutputThatCannotBeWrittenIsReportedAsSuch() throws IOException {
        Path log = write("x.log", "Connection refused\n".repeat(5000).getBytes(StandardCharsets.UTF_8));
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        BatchRunner runner = new BatchRunner(DIAGNOSER, options(InputFormat.PLAIN, null, null, List.of()));

        assertThatThrownBy(() -> runner.run(List.of(BatchInput.of(log.toString(), null)), broken, n -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot write the output")
                .hasMessageContaining("No space left on device");
    }

    @Test
    void unknownRepliesAreGroupedByTemplateWithTheFirstExample() throws IOException {
        Path log = write("u.log", String.join("\n",
                "Frobnicator refused envelope 4F2A31C0B2 for tenant 17",
                "Connection refused",
                "Frobnicator refused envelope 9ABC0D1E2F for tenant 23",
                "599 mystery from mx1.example.org",
                "Frobnicator refused envelope 0000AAAA11 for tenant 99").getBytes(StandardCharsets.UTF_8));

        Run run = run(options(InputFormat.PLAIN, null, null, List.of()), log);

        List<UnknownTemplates.Group> top = run.summary.unknowns().top(10);
        assertThat(top).hasSize(2);
        assertThat(top.get(0).count()).isEqualTo(3);
        assertThat(top.get(0).example()).isEqualTo("Frobnicator refused envelope 4F2A31C0B2 for tenant 17");
        assertThat(top.get(0).template()).isEqualTo("Frobnicator refused envelope <id10H> for tenant ##");
        assertThat(top.get(1).template()).isEqualTo("599 mystery from <host>");
    }

    private BatchRunner.Options options(InputFormat format, String field, String column, List<String> keep) {
        return new BatchRunner.Options(Locale.ENGLISH, format, new InputFormat.Fields(field, column, keep),
                OutputFormat.JSONL, 2);
    }

    private Run run(BatchRunner.Options options, Path log) throws IOException {
        BatchRunner runner = new BatchRunner(DIAGNOSER, options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runner.run(List.of(BatchInput.of(log.toString(), null)), out, n -> { });
        return new Run(parse(out), runner.summary());
    }

    private static List<JsonNode> parse(ByteArrayOutputStream out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, content);
        return file;
    }

    private record Run(List<JsonNode> records, BatchSummary summary) {
    }
}
