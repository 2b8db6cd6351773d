package org.smtpdoctor.batch;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV with a header line naming the columns: every later line a record (quoted line breaks are not
 * supported: a record is a line, so a broken quote costs one record, not the rest of the file). A line
 * that does not parse or lacks the column is a problem record; the header gets no record.
 */
final class CsvSource extends LineSource {
    /** Without a schema, Jackson CSV reads a record as an array of its cells. */
    private static final ObjectReader ROW = new CsvMapper().readerFor(String[].class);
    private final InputFormat.Fields fields;
    private List<String> header;
    private int column;

    CsvSource(String file, LineReader lines, InputFormat.Fields fields) {
        super(file, lines);
        if (fields.column() == null) {
            throw new IllegalArgumentException("CSV input needs --column NAME (the column holding the error text)");
        }
        this.fields = fields;
    }

    @Override
    LogEntry entry(String line, long number) throws IOException {
        if (header == null) {
            header = Arrays.asList(row(line));
            column = header.indexOf(fields.column());
            if (column < 0) {
                throw new IOException(file + ": the CSV header has no column '" + fields.column() + "': " + header);
            }
            return null;
        }
        String[] cells;
        try {
            cells = row(line);
        } catch (IOException e) {
            return LogEntry.unreadable(file, number, "malformed CSV: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (cells.length <= column) {
            return LogEntry.unreadable(file, number, "malformed CSV: " + cells.length + " columns, '"
                    + fields.column() + "' is column " + (column + 1));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : fields.keep()) {
            int index = header.indexOf(name);
            kept.put(name, index >= 0 && index < cells.length ? cells[index] : null);
        }
        return new LogEntry(file, number, cells[column], kept, null, lines.overlong());
    }

    private static String[] row(String line) throws IOException {
        String[] cells = ROW.readValue(line);
        return cells == null ? new String[0] : cells;
    }
}
