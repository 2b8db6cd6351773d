package org.smtpdoctor.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.YamlNode;

/**
 * Reads a deployment file ({@code deployment.yaml} of a rules directory, or one given for a run): the
 * application's name forms per catalog language and {@code resends}. Untrusted like every rule file: parsed by
 * {@link YamlNode} (bounded size and nesting, no aliases), every value a short one-line text, every problem
 * reported at its file, line and column.
 */
public final class DeploymentLoader {
    /** A name form is a few words; a longer one is a paragraph pasted into the wrong field. */
    static final int MAX_FORM_LENGTH = 200;

    private DeploymentLoader() {
    }

    /** Reads {@code file} for a catalog in {@code languages}; null (and reported) when it has an error. */
    public static Deployment load(SourceFile file, List<String> languages, Problems problems) {
        long errorsBefore = problems.errorCount();
        YamlNode root = YamlNode.parse(file, problems);
        if (root == null) {
            return null;
        }
        List<String> allowed = new ArrayList<>(languages);
        allowed.add("resends");
        Map<String, YamlNode> top = root.fields(problems, file.name(), allowed);
        boolean complete = true;
        AppResends resends = AppResends.UNKNOWN;
        YamlNode resendsNode = top.get("resends");
        if (resendsNode != null) {
            resends = resendsNode.isScalar() ? AppResends.byId(resendsNode.text()) : null;
            if (resends == null) {
                problems.add(resendsNode.error("resends '" + resendsNode.text() + "' is not one of yes, no, unknown"
                        + " (whether the application sends a message again by itself after a temporary failure)"));
                complete = false;
            }
        }
        List<String> formIds = new ArrayList<>();
        for (AppForm form : AppForm.values()) {
            formIds.add(form.id());
        }
        Map<String, Map<AppForm, String>> forms = new LinkedHashMap<>();
        for (String language : languages) {
            YamlNode node = top.get(language);
            if (node == null) {
                problems.add(root.error(file.name() + " does not name the application in '" + language + "': add "
                        + language + ": with " + String.join(", ", formIds)));
                complete = false;
                continue;
            }
            String what = "the '" + language + "' names";
            Map<String, YamlNode> f = node.fields(problems, what, formIds);
            Map<AppForm, String> byForm = new EnumMap<>(AppForm.class);
            for (AppForm form : AppForm.values()) {
                String text = node.requiredText(f, form.id(), problems, what);
                if (text != null && checked(f.get(form.id()), text, problems)) {
                    byForm.put(form, text.strip());
                }
            }
            complete &= byForm.size() == AppForm.values().length;
            forms.put(language, byForm);
        }
        return complete && problems.errorCount() == errorsBefore ? new Deployment(forms, resends) : null;
    }


    private static boolean checked(YamlNode node, String text, Problems problems) {
        if (text.length() > MAX_FORM_LENGTH) {
            problems.add(node.error("a name form has " + text.length() + " characters: keep it under "
                    + MAX_FORM_LENGTH + " (it is put into sentences of the advice)"));
            return false;
        }
        if (text.strip().contains("\n")) {
            problems.add(node.error("a name form must be one line: it is put into sentences of the advice"));
            return false;
        }
        return true;
    }
}
