package org.smtpdoctor.batch;

import java.io.Reader;
import java.io.Serializable;
import java.util.List;

/** How a batch input holds its errors. */
public enum InputFormat {
    /** One error text per line. */
    PLAIN,
    /** JSON Lines: one object per line, the error text in a field ({@code --field}, dotted paths allowed). */
    JSONL,
    /** CSV (RFC 4180) with a header: the error text in a column ({@code --column}); one record per CSV record. */
    CSV,
    /** A Postfix mail log: reject, deferred and bounced entries; other lines are counted only. */
    POSTFIX,
    /** An Exim main log: rejected, deferred (==) and failed (**) entries; other lines are counted only. */
    EXIM;

    /**
     * Where the error text is and which fields go along into each record.
     *
     * @param field  the JSON field holding the error text (JSONL)
     * @param column the CSV column holding the error text (CSV)
     * @param keep   fields (JSONL) or columns (CSV) carried into each output record
     */
    public record Fields(String field, String column, List<String> keep) implements Serializable {
    }

    /** The mail log fields every record of a mail log carries when no {@code --keep} names others. */
    private static final List<String> MAIL_LOG_FIELDS = List.of("queueId", "status", "from", "to");

    /** The fields of a run in this format: {@code keep} as given, or for mail logs by default their entry fields. */
    public Fields fields(String field, String column, List<String> keep) {
        List<String> kept = keep.isEmpty() && (this == POSTFIX || this == EXIM) ? MAIL_LOG_FIELDS : List.copyOf(keep);
        return new Fields(field, column, kept);
    }

    EntrySource open(String file, Reader reader, Fields fields) {
        return open(file, reader, fields, 0);
    }

    /** A source whose first line is line {@code linesBefore + 1}: for a piece of an input that starts at a line boundary. */
    EntrySource open(String file, Reader reader, Fields fields, long linesBefore) {
        if (linesBefore > 0 && this == CSV) {
            throw new IllegalArgumentException("a CSV input is read whole: its header is its first line");
        }
        LineReader lines = new LineReader(reader);
        if (this == CSV) {
            return new CsvSource(file, lines, fields);
        }
        LineSource source = switch (this) {
            case PLAIN -> new PlainSource(file, lines);
            case JSONL -> new JsonLinesSource(file, lines, fields);
            case CSV -> throw new IllegalStateException("read above: its records may span lines");
            case POSTFIX -> new MailLogSource(file, lines, MailLogSource.POSTFIX);
            case EXIM -> new MailLogSource(file, lines, MailLogSource.EXIM);
        };
        source.numberFrom(linesBefore);
        return source;
    }
}
