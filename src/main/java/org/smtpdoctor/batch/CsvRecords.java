package org.smtpdoctor.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smtpdoctor.catalog.Advice;
import org.smtpdoctor.engine.Diagnosis;

/**
 * CSV records, one row per record: file, line, the kept columns, then input, category, basis, code,
 * enhancedCode, rule (file:line name), retry, actor, title, params (a JSON object), secondary
 * (space-separated), truncated, overlong, error (for a record that could not be read), then stage,
 * explanation and remedy (a JSON array of the steps). Columns are only ever added at the end, so that
 * readers of the older columns keep working.
 */
final class CsvRecords implements OutputFormat.Writer {
    private static final List<String> COLUMNS = List.of("input", "category", "basis", "code", "enhancedCode", "rule",
            "retry", "actor", "title", "params", "secondary", "truncated", "overlong", "error", "stage", "explanation",
            "remedy");
    /** The columns from {@code error} on: an unreadable record has only {@code error}. */
    private static final int ERROR = COLUMNS.indexOf("error");
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectWriter rows = new CsvMapper().writerFor(String[].class)
            .with(CsvSchema.emptySchema().withLineSeparator("\n"));
    private final Locale locale;
    private final List<String> keep;

    CsvRecords(Locale locale, List<String> keep) {
        this.locale = locale;
        this.keep = keep;
    }

    @Override
    public byte[] header() {
        List<String> header = new ArrayList<>(List.of("file", "line"));
        header.addAll(keep);
        header.addAll(COLUMNS);
        try {
            return rows.writeValueAsString(header.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("a CSV header of plain names always serialises", e);
        }
    }

    @Override
    public OutputFormat.Sink open(OutputStream out) {
        return new OutputFormat.Sink() {
            @Override
            public void unreadable(LogEntry entry) throws IOException {
                List<String> row = start(entry);
                for (int i = 0; i < COLUMNS.size(); i++) {
                    row.add(i == ERROR ? entry.problem() : null);
                }
                out.write(bytes(row));
            }

            @Override
            public void record(LogEntry entry, Diagnosis d, Diagnosis shared) throws IOException {
                List<String> row = start(entry);
                row.add(d.input());
                row.add(d.category());
                row.add(d.basis().id());
                row.add(d.code() == 0 ? null : String.valueOf(d.code()));
                row.add(d.enhancedCode() == null ? null : d.enhancedCode().toString());
                row.add(d.rule() == null ? null : d.rule().toString());
                row.add(d.retry().id());
                row.add(d.actor().id());
                Advice advice = d.advice(locale);
                row.add(advice.title());
                row.add(json.writeValueAsString(d.params()));
                row.add(String.join(" ", d.secondary()));
                row.add(String.valueOf(d.truncated()));
                row.add(String.valueOf(entry.overlong()));
                row.add(null);
                row.add(d.stage() == null ? null : d.stage().id());
                row.add(advice.explanation());
                row.add(json.writeValueAsString(advice.remedy()));
                out.write(bytes(row));
            }

            @Override
            public void close() {
            }
        };
    }

    /** One row; an absent value is an empty cell (Jackson would leave it out, shifting the columns after it). */
    private byte[] bytes(List<String> row) throws IOException {
        return rows.writeValueAsBytes(row.stream().map(cell -> cell == null ? "" : cell).toArray(String[]::new));
    }

    private List<String> start(LogEntry entry) {
        List<String> row = new ArrayList<>();
        row.add(entry.file());
        row.add(String.valueOf(entry.line()));
        keep.forEach(name -> row.add(entry.kept().get(name)));
        return row;
    }
}
