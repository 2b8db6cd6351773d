package org.smtpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.testing.HostileTexts;

/**
 * Property tests of the batch readers (plain, JSON Lines, CSV) through the records {@code batch} writes: any
 * lines of hostile text, valid or malformed, give exactly one record per line (per row for CSV), numbered in
 * order, without an exception, and no record shows a planted credential. Fixed seed, bounded tries.
 */
class BatchReaderPropertyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HANG = Duration.ofSeconds(60);
    private static Diagnoser diagnoser;

    @BeforeContainer
    static void bundledRules() {
        diagnoser = Diagnoser.builder().build();
    }

    @AfterContainer
    static void close() {
        diagnoser.close();
    }

    /** One input line: a planted credential in hostile text, or random characters (no line break: it is one line). */
    record Line(String text, HostileTexts.Planted planted) {
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<Line> planted = Arbitraries.randomValue((Random random) -> {
            HostileTexts.Planted p = HostileTexts.next(random, true);
            return new Line(p.text(), p);
        });
        Arbitrary<Line> noise = Arbitraries.strings().all().ofMaxLength(200)
                .map(s -> new Line(s.replace('\n', ' ').replace('\r', ' '), null));
        return Arbitraries.oneOf(planted, noise).list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 25, seed = "15")
    void plainLines(@ForAll("lines") List<Line> lines) throws IOException {
        StringBuilder in = new StringBuilder();
        lines.forEach(line -> in.append(line.text()).append('\n'));
        checkRecords(InputFormat.PLAIN, in.toString(), lines);
    }

    @Property(tries = 25, seed = "15")
    void jsonLines(@ForAll("lines") List<Line> lines) throws IOException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            // Every third line is written raw: malformed JSON gets its error record, still one per line.
            String text = lines.get(i).text();
            in.append(i % 3 == 2 ? text : JSON.createObjectNode().put("msg", text).toString()).append('\n');
        }
        checkRecords(InputFormat.JSONL, in.toString(), lines);
    }

    @Property(tries = 25, seed = "15")
    void csvRows(@ForAll("lines") List<Line> lines) throws IOException {
        StringBuilder in = new StringBuilder("msg,n\n");
        for (int i = 0; i < lines.size(); i++) {
            in.append('"').append(lines.get(i).text().replace("\"", "\"\"")).append("\",").append(i).append('\n');
        }
        checkRecords(InputFormat.CSV, in.toString(), lines);
    }

    private static void checkRecords(InputFormat format, String input, List<Line> lines) throws IOException {
        BatchRunner.Options options = new BatchRunner.Options(Locale.ENGLISH, format, format.fields("msg", "msg", List.of()),
                OutputFormat.JSONL, 1);
        BatchRecords records = new BatchRecords(diagnoser, options);
        BatchSummary counts = new BatchSummary();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTimeoutPreemptively(HANG, () -> {
            try (BatchRecords.Chunks chunks = records.read("in", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), 0)) {
                for (byte[] chunk = chunks.next(counts); chunk != null; chunk = chunks.next(counts)) {
                    out.write(chunk);
                }
            }
        });
        List<String> written = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(written).hasSize(lines.size());
        assertThat(counts.records()).isEqualTo(lines.size());
        List<Long> numbers = new ArrayList<>();
        for (String record : written) {
            JsonNode node = JSON.readTree(record);
            numbers.add(node.get("line").asLong());
            assertThat(node.path("error").asText()).doesNotStartWith("diagnosis failed");
        }
        long first = format == InputFormat.CSV ? 2 : 1; // a CSV's first line is its header
        assertThat(numbers).containsExactlyElementsOf(
                java.util.stream.LongStream.range(first, first + lines.size()).boxed().toList());
        for (int i = 0; i < lines.size(); i++) {
            HostileTexts.Planted planted = lines.get(i).planted();
            if (planted != null) {
                assertThat(HostileTexts.leaks(written.get(i), planted)).as(planted.form()).isEmpty();
            }
        }
    }
}
