package org.smtpdoctor.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Lines: every line a record; a line that is not a JSON object, or lacks the field, is a problem record. */
final class JsonLinesSource extends LineSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FieldPath field;
    private final List<FieldPath> keep;

    JsonLinesSource(String file, LineReader lines, InputFormat.Fields fields) {
        super(file, lines);
        if (fields.field() == null) {
            throw new IllegalArgumentException("JSON Lines input needs --field NAME (the field holding the error text)");
        }
        this.field = new FieldPath(fields.field());
        this.keep = fields.keep().stream().map(FieldPath::new).toList();
    }

    @Override
    LogEntry entry(String line, long number) {
        if (lines.overlong()) {
            return LogEntry.unreadable(file, number, "line longer than " + LineReader.MAX_LINE_CHARS
                    + " characters: the JSON record cannot be read whole");
        }
        JsonNode root;
        try {
            root = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return LogEntry.unreadable(file, number, "malformed JSON: " + withoutToken(e.getOriginalMessage()));
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

    /**
     * Jackson's message without the token it quotes ("Unrecognized token 'hunter2': was expecting ..."): the
     * token is the line's own text, often the unquoted value of a {@code "password":}, and records are output.
     */
    static String withoutToken(String message) {
        int open = message.indexOf("token '");
        int close = message.lastIndexOf("': was expecting");
        return open >= 0 && close > open ? message.substring(0, open + 5) + message.substring(close + 1) : message;
    }
}
