package org.smtpdoctor.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.smtpdoctor.engine.Diagnosis;

/** How batch records are written. */
public enum OutputFormat {
    /** JSON Lines: one object per record, the fields of {@code diagnose --json} after file, line and kept fields. */
    JSONL,
    /** CSV with a header line: the main fields, params as a JSON object, secondary categories space-separated. */
    CSV;

    /** Writes records into one buffer; a worker makes one per chunk of input. */
    interface Sink extends AutoCloseable {
        /** The record of a line that could not be read. */
        void unreadable(LogEntry entry) throws IOException;

        /** The record of a diagnosed line. */
        void record(LogEntry entry, Diagnosis d) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** Makes sinks of one format for one run (and caches what records of one template share). */
    interface Writer {
        /** What the output starts with: the CSV header, or nothing. */
        byte[] header();

        Sink open(OutputStream out) throws IOException;
    }

    /** A writer of records with {@code fields}; a compact one leaves advice that {@code dictionary} holds out. */
    Writer writer(Locale locale, List<String> keep, RecordFields fields, AdviceDictionary dictionary) {
        return this == JSONL ? new JsonRecords(locale, keep, fields, dictionary) : new CsvRecords(locale, keep, fields, dictionary);
    }
}
