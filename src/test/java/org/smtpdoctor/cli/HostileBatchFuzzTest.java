package org.smtpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.testing.HostileTexts;

/**
 * The done-when run of issue 15: hostile texts with planted credentials ({@link HostileTexts}, every form of
 * the issue) through {@code batch} as a user runs it, in JSON Lines (texts of several lines included) and plain
 * input, with records, {@code --unknowns} and {@code --summary}. It shows zero unmasked planted secrets, zero
 * crashes (exit 0, no record of a failed diagnosis) and one record per input, in order.
 *
 * <p>The normal test run puts 200 texts through each; the full run is
 * {@code mvn -B test -Dtest=HostileBatchFuzzTest -Dfuzz.texts=20000 -Dfuzz.seed=15} (docs/security.md), which
 * prints its figures and writes them to {@code target/fuzz-report.txt}.
 */
class HostileBatchFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ALNUM_RUN = Pattern.compile("[A-Za-z0-9]{5,}");
    private static final int TEXTS = Integer.getInteger("fuzz.texts", 200);
    private static final long SEED = Long.getLong("fuzz.seed", 15);

    @TempDir
    Path dir;

    @Test
    void hostileTextsThroughBatch() throws IOException {
        StringBuilder report = new StringBuilder("fuzz run: seed " + SEED + ", " + TEXTS
                + " hostile texts per input format, " + HostileTexts.forms() + " planted forms\n");
        try {
            run("jsonl", false, SEED, report);
            run("plain", true, SEED + 1, report);
        } finally {
            System.out.print(report);
            Files.writeString(Path.of("target", "fuzz-report.txt"), report, StandardCharsets.UTF_8);
        }
    }

    /** One batch run over TEXTS texts: adds its figures to {@code report} as one line, then asserts. */
    private void run(String format, boolean oneLine, long seed, StringBuilder report) throws IOException {
        Random random = new Random(seed);
        List<HostileTexts.Planted> planted = new ArrayList<>(TEXTS);
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < TEXTS; i++) {
            HostileTexts.Planted p = HostileTexts.next(random, oneLine);
            planted.add(p);
            in.append(oneLine ? p.text() : JSON.createObjectNode().put("msg", p.text()).toString()).append('\n');
        }
        // getBytes writes a lone surrogate as '?', as any UTF-8 log would hold it.
        Path input = Files.write(dir.resolve("hostile." + format), in.toString().getBytes(StandardCharsets.UTF_8));
        Path records = dir.resolve(format + ".out.jsonl");
        Path unknowns = dir.resolve(format + ".unknowns.yaml");
        Path summary = dir.resolve(format + ".summary.json");
        List<String> args = new ArrayList<>(List.of("batch", "--no-progress", "-o", records.toString(),
                "--unknowns", unknowns.toString(), "--summary", summary.toString()));
        if (!oneLine) {
            args.addAll(List.of("--input-format", "jsonl", "--field", "msg"));
        }
        args.add(input.toString());
        long started = System.nanoTime();
        CliRun batch = CliRun.of(args.toArray(String[]::new));
        long millis = (System.nanoTime() - started) / 1_000_000;

        List<String> written = Files.readAllLines(records, StandardCharsets.UTF_8);
        int crashes = batch.exit() == 0 ? 0 : 1;
        int errorRecords = 0;
        int unmasked = 0;
        TreeMap<String, Integer> leakedForms = new TreeMap<>();
        for (int i = 0; i < Math.min(written.size(), planted.size()); i++) {
            JsonNode record = JSON.readTree(written.get(i));
            assertThat(record.get("line").asLong()).isEqualTo(i + 1);
            errorRecords += record.has("error") ? 1 : 0;
            crashes += record.path("error").asText().startsWith("diagnosis failed") ? 1 : 0;
            List<String> leaks = HostileTexts.leaks(written.get(i), planted.get(i));
            if (!leaks.isEmpty()) {
                unmasked++;
                leakedForms.merge(planted.get(i).form(), 1, Integer::sum);
            }
        }
        // The unknowns and the summary are made from the records' masked inputs; a secret there would be a
        // whole run of letters and digits of one (the pieces are cut at the secrets' own non-alphanumerics).
        Set<String> shown = alnumRuns(Files.readString(unknowns, StandardCharsets.UTF_8)
                + Files.readString(summary, StandardCharsets.UTF_8) + batch.err());
        int unmaskedInReports = 0;
        for (HostileTexts.Planted p : planted) {
            for (String secret : p.secrets()) {
                for (String piece : secret.split("[^A-Za-z0-9]+")) {
                    unmaskedInReports += piece.length() >= 5 && shown.contains(piece) ? 1 : 0;
                }
            }
        }
        JsonNode counts = JSON.readTree(summary.toFile());
        String figures = String.format("  %-5s: %,d texts -> %,d records (%,d error records) in %,d ms; exit %d; "
                        + "crashes %d; unmasked planted secrets %d in records%s, %d in --unknowns/--summary; "
                        + "summary counts %,d records, %,d unknown templates%n", format, TEXTS, written.size(),
                errorRecords, millis, batch.exit(), crashes, unmasked, leakedForms.isEmpty() ? "" : " " + leakedForms,
                unmaskedInReports, counts.path("records").asLong(), counts.path("unknownTemplates").asLong());
        report.append(figures);

        assertThat(batch.exit()).as(batch.err()).isZero();
        assertThat(written).as(figures).hasSize(TEXTS);
        assertThat(counts.path("records").asLong()).isEqualTo(TEXTS);
        assertThat(crashes).as(figures).isZero();
        assertThat(errorRecords).as("every input is valid in its format: " + figures).isZero();
        assertThat(unmasked).as(figures).isZero();
        assertThat(unmaskedInReports).as(figures).isZero();
    }

    private static Set<String> alnumRuns(String text) {
        Set<String> runs = new HashSet<>();
        Matcher m = ALNUM_RUN.matcher(text);
        while (m.find()) {
            runs.add(m.group());
        }
        return runs;
    }
}
