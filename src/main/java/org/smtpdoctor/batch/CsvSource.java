package org.smtpdoctor.batch;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV (RFC 4180) with a header record naming the columns: every later CSV record is one output record,
 * numbered by the line it starts on. A quoted field may hold line breaks (an exported error message with
 * its stack trace), so a record may span lines. A record that does not parse or lacks the column is a
 * problem record; the header gets no record.
 *
 * <p>Bounded: a quoted field left open (a missing closing quote) would otherwise take the rest of the file
 * into one record. A record may span at most {@link #MAX_RECORD_LINES} lines and {@link #MAX_RECORD_CHARS}
 * characters; one whose quote is still open at that bound or at the end of the input becomes a problem record
 * for its first line, and the lines after it are read again, each as a record of its own line (so a broken
 * quote costs one record, and every line is read at most twice).
 */
final class CsvSource implements EntrySource {
    static final int MAX_RECORD_LINES = 10_000;
    static final int MAX_RECORD_CHARS = LineReader.MAX_LINE_CHARS;
    /** Without a schema, Jackson CSV reads a record as an array of its cells. */
    private static final ObjectReader ROW = new CsvMapper().readerFor(String[].class);

    private final String file;
    private final LineReader lines;
    private final InputFormat.Fields fields;
    /** Lines read ahead for a record whose quote never closed, to be read again one by one. */
    private final Deque<Line> again = new ArrayDeque<>();
    private long number;
    private List<String> header;
    private int column;

    private record Line(String text, long number, boolean overlong) {
    }

    CsvSource(String file, LineReader lines, InputFormat.Fields fields) {
        if (fields.column() == null) {
            throw new IllegalArgumentException("CSV input needs --column NAME (the column holding the error text)");
        }
        this.file = file;
        this.lines = lines;
        this.fields = fields;
    }

    @Override
    public LogEntry next() throws IOException {
        while (true) {
            boolean single = !again.isEmpty();
            Line first = line();
            if (first == null) {
                return null;
            }
            StringBuilder record = new StringBuilder(first.text());
            boolean overlong = first.overlong();
            String unclosed = null;
            if (!single && quoteOpenAfter(first.text(), false)) {
                List<Line> more = new ArrayList<>();
                boolean open = true;
                while (open) {
                    if (more.size() + 1 >= MAX_RECORD_LINES || record.length() >= MAX_RECORD_CHARS) {
                        unclosed = "within " + MAX_RECORD_LINES + " lines or " + MAX_RECORD_CHARS + " characters";
                        break;
                    }
                    Line next = line();
                    if (next == null) {
                        unclosed = "before the end of the input";
                        break;
                    }
                    more.add(next);
                    record.append('\n').append(next.text());
                    overlong |= next.overlong();
                    open = quoteOpenAfter(next.text(), true);
                }
                if (unclosed != null) {
                    for (int i = more.size() - 1; i >= 0; i--) {
                        again.addFirst(more.get(i));
                    }
                }
            }
            LogEntry entry = unclosed != null
                    ? LogEntry.unreadable(file, first.number(), "malformed CSV: the quoted field opened on this line"
                            + " is not closed " + unclosed + "; the lines after it are read as records of their own")
                    : entry(record.toString(), first.number(), overlong);
            if (entry != null) {
                return entry;
            }
        }
    }

    private Line line() throws IOException {
        if (!again.isEmpty()) {
            return again.removeFirst();
        }
        String text = lines.next();
        return text == null ? null : new Line(text, ++number, lines.overlong());
    }

    /**
     * Whether a quoted field is still open at the end of {@code line}: RFC 4180's quotes, where a field that
     * starts with '"' runs to the next '"' not doubled, and a '"' elsewhere is a plain character.
     *
     * @param inQuotes whether the line starts inside a quoted field (a continuation line)
     */
    static boolean quoteOpenAfter(String line, boolean inQuotes) {
        boolean fieldStart = !inQuotes;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
            } else {
                fieldStart = c == ',';
            }
        }
        return inQuotes;
    }

    /** The entry of one whole CSV record, or null for the header. */
    private LogEntry entry(String record, long line, boolean overlong) throws IOException {
        if (header == null) {
            header = Arrays.asList(row(record));
            column = header.indexOf(fields.column());
            if (column < 0) {
                throw new IOException(file + ": the CSV header has no column '" + fields.column() + "': " + header);
            }
            return null;
        }
        String[] cells;
        try {
            cells = row(record);
        } catch (IOException e) {
            return LogEntry.unreadable(file, line, "malformed CSV: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (cells.length <= column) {
            return LogEntry.unreadable(file, line, "malformed CSV: " + cells.length + " columns, '"
                    + fields.column() + "' is column " + (column + 1));
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : fields.keep()) {
            int index = header.indexOf(name);
            kept.put(name, index >= 0 && index < cells.length ? cells[index] : null);
        }
        return new LogEntry(file, line, cells[column], kept, null, overlong);
    }

    private static String[] row(String record) throws IOException {
        String[] cells = ROW.readValue(record);
        return cells == null ? new String[0] : cells;
    }
}
