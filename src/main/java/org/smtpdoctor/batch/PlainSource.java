package org.smtpdoctor.batch;

import java.io.IOException;
import java.util.Map;

/** One error text per line, every line a record. */
final class PlainSource implements EntrySource {
    private final String file;
    private final LineReader lines;
    private long number;

    PlainSource(String file, LineReader lines) {
        this.file = file;
        this.lines = lines;
    }

    @Override
    public LogEntry next() throws IOException {
        String line = lines.next();
        if (line == null) {
            return null;
        }
        number++;
        return new LogEntry(file, number, line, Map.of(), null, lines.overlong());
    }
}
