package org.smtpdoctor.batch;

import java.util.Map;

/** One error text per line, every line a record. */
final class PlainSource extends LineSource {

    PlainSource(String file, LineReader lines) {
        super(file, lines);
    }

    @Override
    LogEntry entry(String line, long number) {
        return new LogEntry(file, number, line, Map.of(), null, lines.overlong());
    }
}
