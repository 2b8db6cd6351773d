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
 * readers of the older columns keep working. With {@link RecordFields} chosen, only those columns (and error);
 * compact records leave title, explanation and remedy empty where the {@link AdviceDictionary} holds them.
 */
final class CsvRecords implements OutputFormat.Writer {
    private static final String ERROR = "error";
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectWriter rows = new CsvMapper().writerFor(String[].class)
            .with(CsvSchema.emptySchema().withLineSeparator("\n"));
    private final Locale locale;
    private final List<String> keep;
    /** The columns after the kept ones: the chosen ones, and {@code error} always (a record may need it). */
    private final List<String> columns;
    private final boolean compact;
    private final AdviceDictionary dictionary;

    CsvRecords(Locale locale, List<String> keep, RecordFields fields, AdviceDictionary dictionary) {
        this.locale = locale;
        this.keep = keep;
        this.columns = RecordFields.CSV.stream().filter(c -> fields.has(c) || c.equals(ERROR)).toList();
        this.compact = fields.compact();
        this.dictionary = dictionary;
    }

    @Override
    public byte[] header() {
        List<String> header = new ArrayList<>(List.of("file", "line"));
        header.addAll(keep);
        header.addAll(columns);
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
                columns.forEach(column -> row.add(column.equals(ERROR) ? entry.problem() : null));
                out.write(bytes(row));
            }

            @Override
            public void record(LogEntry entry, Diagnosis d) throws IOException {
                List<String> row = start(entry);
                Advice advice = compact && dictionary.holds(d) ? null : d.advice(locale);
                for (String column : columns) {
                    row.add(cell(column, entry, d, advice));
                }
                out.write(bytes(row));
            }

            @Override
            public void close() {
            }
        };
    }

    /** The cell of {@code column}; the advice ones are empty when {@code advice} is null (left to the dictionary). */
    private String cell(String column, LogEntry entry, Diagnosis d, Advice advice) throws IOException {
        return switch (column) {
            case "input" -> d.input();
            case "category" -> d.category();
            case "basis" -> d.basis().id();
            case "code" -> d.code() == 0 ? null : String.valueOf(d.code());
            case "enhancedCode" -> d.enhancedCode() == null ? null : d.enhancedCode().toString();
            case "rule" -> d.rule() == null ? null : d.rule().toString();
            case "retry" -> d.retry().id();
            case "actor" -> d.actor().id();
            case "title" -> advice == null ? null : advice.title();
            case "params" -> json.writeValueAsString(d.params());
            case "secondary" -> String.join(" ", d.secondary());
            case "truncated" -> String.valueOf(d.truncated());
            case "overlong" -> String.valueOf(entry.overlong());
            case "stage" -> d.stage() == null ? null : d.stage().id();
            case "explanation" -> advice == null ? null : advice.explanation();
            case "remedy" -> advice == null ? null : json.writeValueAsString(advice.remedy());
            default -> null; // error: only an unreadable record has one
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
