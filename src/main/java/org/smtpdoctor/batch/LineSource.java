package org.smtpdoctor.batch;

import java.io.IOException;

/**
 * The line-based input formats: each line of the input gives at most one record, numbered by its line.
 * A format says only what one line means ({@link #entry}); reading and counting lines is done here.
 */
abstract class LineSource implements EntrySource {
    final String file;
    final LineReader lines;
    private long number;

    LineSource(String file, LineReader lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Numbers the next line read {@code linesBefore + 1} (a piece of an input that starts after its first line). */
    final void numberFrom(long linesBefore) {
        number = linesBefore;
    }

    @Override
    public final LogEntry next() throws IOException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            number++;
            LogEntry entry = entry(line, number);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /** The record of line {@code number}, or null when that line is no record (a CSV header, a log line that is no error). */
    abstract LogEntry entry(String line, long number) throws IOException;
}
