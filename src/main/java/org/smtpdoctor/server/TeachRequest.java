package org.smtpdoctor.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smtpdoctor.authoring.NewCategoryAdvice;
import org.smtpdoctor.authoring.RuleScaffold;

/**
 * What a preview or a save of Teach asks for, read from its JSON body: the reply, the category, and what staff
 * decided beyond them: the wording as edited ({@code wording}, optional: the proposal otherwise) and, for a
 * category that does not exist yet, its advice ({@code newCategory}). A new category without advice is refused:
 * the desk never writes advice stubs (those are new-rule's, for an author who edits the files next).
 *
 * @param text     the reply as pasted
 * @param category the category id
 * @param edits    the edits, for {@link RuleScaffold}
 */
record TeachRequest(String text, String category, RuleScaffold.Edits edits) {
    private static final int MAX_STEPS = 50;

    /** Reads a request; a field of the wrong shape is a 400 problem naming it. */
    static TeachRequest of(JsonNode body) {
        String wording = optionalText(body, "wording");
        JsonNode advice = body.get("newCategory");
        return new TeachRequest(DeskServer.requiredText(body, "text"), DeskServer.requiredText(body, "category"),
                new RuleScaffold.Edits(wording == null || wording.isBlank() ? null : wording,
                        advice == null || advice.isNull() ? null : advice(advice), false));
    }

    private static NewCategoryAdvice advice(JsonNode node) {
        if (!node.isObject()) {
            throw ApiProblem.badRequest("\"newCategory\" must be an object: {\"actor\", \"retry\", and per language"
                    + " {\"title\", \"explanation\", \"remedy\": [steps]}}");
        }
        Map<String, NewCategoryAdvice.Text> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            if (key.equals("actor") || key.equals("retry")) {
                continue;
            }
            JsonNode text = field.getValue();
            if (!text.isObject()) {
                throw ApiProblem.badRequest("\"newCategory\"." + key + " must be an object with title, explanation"
                        + " and remedy");
            }
            texts.put(key, new NewCategoryAdvice.Text(optionalText(text, "title"), optionalText(text, "explanation"),
                    steps(text.get("remedy"), key)));
        }
        return new NewCategoryAdvice(optionalText(node, "actor"), optionalText(node, "retry"), texts);
    }

    private static List<String> steps(JsonNode remedy, String language) {
        List<String> steps = new ArrayList<>();
        if (remedy == null || remedy.isNull()) {
            return steps;
        }
        if (!remedy.isArray() || remedy.size() > MAX_STEPS) {
            throw ApiProblem.badRequest("\"newCategory\"." + language + ".remedy must be an array of steps (texts)");
        }
        for (JsonNode step : remedy) {
            if (!step.isTextual()) {
                throw ApiProblem.badRequest("every step of \"newCategory\"." + language + ".remedy must be a text");
            }
            steps.add(step.asText());
        }
        return steps;
    }

    private static String optionalText(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiProblem.badRequest("\"" + name + "\" must be a string");
        }
        return value.asText();
    }
}
