package org.smtpdoctor.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Lines: every line a record; a line that is not a JSON object, or lacks the field, is a problem record. */
final class JsonLinesSource implements EntrySource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String file;
    private final LineReader lines;
    private final FieldPath field;
    private final List<FieldPath> keep;
    private long number;

    JsonLinesSource(String file, LineReader lines, InputFormat.Fields fields) {
        if (fields.field() == null) {
            throw new IllegalArgumentException("JSON Lines input needs --field NAME (the field holding the error text)");
        }
        this.file = file;
        this.lines = lines;
        this.field = new FieldPath(fields.field());
        this.keep = fields.keep().stream().map(FieldPath::new).toList();
    }

    @Override
    public LogEntry next() throws IOException {
        String line = lines.next();
        if (line == null) {
            return null;
        }
        number++;
        if (lines.overlong()) {
            return LogEntry.unreadable(file, number, "line longer than " + LineReader.MAX_LINE_CHARS
                    + " characters: the JSON record cannot be read whole");
        }
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return LogEntry.unreadable(file, number, "malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return LogEntry.unreadable(file, number, "not a JSON object");
        }
        String text = field.textIn(root);
        if (text == null) {
            return LogEntry.unreadable(file, number, "no field '" + field.name() + "'");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        keep.forEach(k -> kept.put(k.name(), k.textIn(root)));
        return new LogEntry(file, number, text, kept, null, false);
    }
}
