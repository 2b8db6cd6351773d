package org.smtpdoctor.batch;

import com.fasterxml.jackson.databind.JsonNode;

/** A dotted path into a JSON object ({@code error.message}), as {@code --field} and {@code --keep} name fields. */
final class FieldPath {
    private final String name;
    private final String[] steps;

    FieldPath(String name) {
        this.name = name;
        this.steps = name.split("\\.");
    }

    String name() {
        return name;
    }

    /** The value at this path as text (objects and arrays as JSON), or null when the path is absent or null. */
    String textIn(JsonNode root) {
        JsonNode node = root;
        for (String step : steps) {
            node = node == null ? null : node.get(step);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
