package org.smtpdoctor.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.smtpdoctor.reply.SecretRedactor;

/**
 * One input record of a batch run: the error text to diagnose, or why the record could not be read.
 *
 * @param file     the input's name as given ("-" for standard input)
 * @param line     1-based line number in that input
 * @param text     the error text; null when {@code problem} says the record is unreadable
 * @param kept     input fields carried into the output record ({@code --keep}, mail log fields), with their
 *                 credentials masked ({@link SecretRedactor#redactField}): records echo them as they are
 * @param problem  why the record could not be read (malformed JSON or CSV), or null
 * @param overlong true when the line was longer than the reader keeps and only its start is diagnosed
 */
record LogEntry(String file, long line, String text, Map<String, String> kept, String problem, boolean overlong) {

    LogEntry {
        if (!kept.isEmpty()) {
            Map<String, String> masked = new LinkedHashMap<>();
            kept.forEach((name, value) -> masked.put(name, SecretRedactor.redactField(name, value)));
            kept = masked;
        }
    }

    static LogEntry unreadable(String file, long line, String problem) {
        return new LogEntry(file, line, null, Map.of(), problem, false);
    }
}
