package org.smtpdoctor.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Unknown replies as sample-case YAML ({@code cases:} with text, expect, source), most frequent template
 * first: staff fill in {@code expect} with the category each case should get, add or adjust a rule, and
 * move the cases into {@code samples/<family>/<name>.yaml}; {@code verify} then proves the new rules.
 */
public final class UnknownsYaml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnknownsYaml() {
    }

    /**
     * The YAML text for {@code groups}.
     *
     * @param from what the inputs were (file names), for each case's {@code source}
     */
    public static String of(List<UnknownTemplates.Group> groups, String from) {
        StringBuilder out = new StringBuilder();
        out.append("# Replies no rule recognised, from a batch run over ").append(from).append(",\n")
                .append("# grouped by template (addresses, hosts, ids and numbers masked), most frequent first.\n")
                .append("# Fill in 'expect' with the category each one should get (rules/categories.yaml), add a rule\n")
                .append("# for it, move the case into samples/<family>/<name>.yaml and run ./smtp-doctor verify.\n")
                .append("cases:\n");
        for (UnknownTemplates.Group group : groups) {
            out.append("  # ").append(group.count()).append(" input(s) of template: ")
                    .append(quoted(group.template())).append('\n')
                    .append("  - text: ").append(quoted(group.example())).append('\n')
                    .append("    expect: \"\"   # now ").append(group.category()).append('\n')
                    .append("    source: ").append(quoted("batch log " + from + ", " + group.count() + " input(s)"))
                    .append('\n');
        }
        return out.toString();
    }

    /** A JSON string is a valid YAML double-quoted scalar: every character escaped as YAML reads it back. */
    private static String quoted(String text) {
        String json;
        try {
            json = JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serialises", e);
        }
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            // YAML does not allow C1 controls, DEL, non-characters or lone surrogates raw: escape them.
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (pairedSurrogate) {
                out.append(c).append(json.charAt(++i));
            } else if ((c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
