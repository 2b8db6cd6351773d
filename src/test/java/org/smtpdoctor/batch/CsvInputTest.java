package org.smtpdoctor.batch;

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
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.engine.Diagnoser;

/**
 * CSV is read as RFC 4180 records: a quoted field holding line breaks (an exported error message with its
 * stack trace) is one record with its whole text; a quote never closed costs one record, not the file.
 */
class CsvInputTest {
    private static final Diagnoser DIAGNOSER = TestRules.projectDiagnoser();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private List<JsonNode> records(String csv) throws IOException {
        Path file = Files.writeString(temp.resolve("export.csv"), csv, StandardCharsets.UTF_8);
        BatchRunner.Options options = new BatchRunner.Options(Locale.ENGLISH, InputFormat.CSV,
                new InputFormat.Fields(null, "error", List.of("id")), OutputFormat.JSONL, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new BatchRunner(DIAGNOSER, options).run(List.of(BatchInput.of(file.toString(), null)), out, n -> { });
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void aQuotedFieldWithAStackTraceIsOneRecordWithItsWholeText() throws IOException {
        String trace = "jakarta.mail.AuthenticationFailedException: 535 5.7.8 Error: authentication failed\r\n"
                + "\tat org.eclipse.angus.mail.smtp.SMTPTransport$Authenticator.authenticate(SMTPTransport.java:947)\r\n"
                + "\tat jakarta.mail.Service.connect(Service.java:345)";
        List<JsonNode> records = records("id,error\r\n"
                + "1,\"" + trace + "\"\r\n"
                + "2,\"said \"\"no\"\"\nover two lines\"\r\n"
                + "3,Connection refused\r\n");

        assertThat(records).hasSize(3);
        assertThat(records).extracting(r -> r.get("line").asInt()).containsExactly(2, 5, 7);
        assertThat(records).extracting(r -> r.get("id").asText()).containsExactly("1", "2", "3");
        assertThat(records.get(0).has("error")).isFalse();
        assertThat(records.get(0).get("input").asText()).isEqualTo(trace.replace("\r\n", "\n"));
        assertThat(records.get(0).get("category").asText()).isEqualTo("auth.invalid-credentials");
        assertThat(records.get(1).get("input").asText()).isEqualTo("said \"no\"\nover two lines");
        assertThat(records.get(2).get("category").asText()).isEqualTo("connection.refused");
    }

    @Test
    void aQuoteNeverClosedCostsOneRecordAndTheLinesAfterItAreRecords() throws IOException {
        StringBuilder csv = new StringBuilder("id,error\n1,\"535 never closed\n");
        int after = 3 * CsvSource.MAX_RECORD_LINES;
        for (int i = 0; i < after; i++) {
            csv.append(i + 2).append(",550 5.1.1 User unknown\n");
        }
        List<JsonNode> records = records(csv.toString());

        assertThat(records).hasSize(1 + after);
        assertThat(records.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(records.get(0).get("error").asText()).contains("not closed");
        assertThat(records.get(1).get("line").asInt()).isEqualTo(3);
        assertThat(records.subList(1, records.size())).allSatisfy(r ->
                assertThat(r.get("category").asText()).isEqualTo("recipient.unknown"));
        assertThat(records.get(records.size() - 1).get("line").asInt()).isEqualTo(2 + after);
    }

    @Test
    void aQuoteOpenAtTheEndOfTheInputCostsOnlyItsRecord() throws IOException {
        List<JsonNode> records = records("id,error\n1,ok 250\n2,\"unterminated\n3,Connection refused\n");
        assertThat(records).extracting(r -> r.get("line").asInt()).containsExactly(2, 3, 4);
        assertThat(records.get(1).get("error").asText()).contains("not closed before the end of the input");
        assertThat(records.get(2).get("category").asText()).isEqualTo("connection.refused");
    }

    @Test
    void quotesFollowRfc4180() {
        assertThat(CsvSource.quoteOpenAfter("a,\"b", false)).isTrue();
        assertThat(CsvSource.quoteOpenAfter("a,\"b\"\"c", false)).as("a doubled quote is a quote").isTrue();
        assertThat(CsvSource.quoteOpenAfter("a,\"b\"\"\"", false)).isFalse();
        assertThat(CsvSource.quoteOpenAfter("a,b\"c", false)).as("a quote inside a plain field is a character").isFalse();
        assertThat(CsvSource.quoteOpenAfter("still inside\",x", true)).isFalse();
        assertThat(CsvSource.quoteOpenAfter("still \"\" inside", true)).isTrue();
    }
}
