package org.smtpdoctor.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.source.YamlNode;

/**
 * Reads sample case files: {@code <family>/<name>.yaml} holds the cases of category {@code <family>.<name>}
 * under {@code cases:}. Files below {@code logs/} are batch inputs, not cases. Files below
 * {@code unhandled/} hold real replies known not to be diagnosed right yet: each case names the category
 * it should get ({@code expect}) and a {@code note}; they are loaded only by {@link #loadUnhandled}.
 */
public final class SampleLoader {
    private static final List<String> CASE_FIELDS = List.of("text", "expect", "source", "basis", "params", "advice", "note");
    private static final String LOGS = "logs/";
    private static final String UNHANDLED = "unhandled/";

    private SampleLoader() {
    }

    /** All cases of {@code tree}, in file and line order; schema problems go to {@code problems}. */
    public static List<SampleCase> load(SourceTree tree, Problems problems) {
        List<SampleCase> cases = new ArrayList<>();
        for (SourceFile file : tree.files(".yaml")) {
            if (!file.name().startsWith(LOGS) && !file.name().startsWith(UNHANDLED)) {
                cases.addAll(loadFile(file, problems));
            }
        }
        return cases;
    }

    /** The known-unhandled cases of {@code tree} (files below {@code unhandled/}), in file and line order. */
    public static List<SampleCase> loadUnhandled(SourceTree tree, Problems problems) {
        List<SampleCase> cases = new ArrayList<>();
        for (SourceFile file : tree.files(".yaml")) {
            if (file.name().startsWith(UNHANDLED)) {
                cases.addAll(loadFile(file, problems));
            }
        }
        return cases;
    }

    /** The category a sample file stands for, from its path, or null when the path is not family/name.yaml. */
    static String categoryOf(String fileName) {
        return CategoryId.ofFile(fileName, "yaml").map(CategoryId::toString).orElse(null);
    }

    private static List<SampleCase> loadFile(SourceFile file, Problems problems) {
        List<SampleCase> cases = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, problems);
        if (root == null) {
            return cases;
        }
        boolean unhandled = file.name().startsWith(UNHANDLED);
        String fileCategory = unhandled ? null : categoryOf(file.name());
        YamlNode list = root.fields(problems, file.name(), List.of("cases")).get("cases");
        if (list == null) {
            problems.add(root.error(file.name() + " lacks the list 'cases'"));
            return cases;
        }
        for (YamlNode item : list.items(problems, "cases")) {
            Map<String, YamlNode> f = item.fields(problems, "a sample case", CASE_FIELDS);
            String text = f.containsKey("text") ? f.get("text").text() : null;
            if (text == null) {
                problems.add(item.error("a sample case lacks 'text'"));
                continue;
            }
            String source = item.requiredText(f, "source", problems, "a sample case");
            String expect = f.containsKey("expect") ? f.get("expect").text() : fileCategory;
            if (expect == null) {
                problems.add(item.error("'expect' is required in " + file.name()
                        + " (only <family>/<name>.yaml files imply their category)"));
                continue;
            }
            if (unhandled) {
                // The note says why the case is not handled yet: what a rule would have to tell apart.
                item.requiredText(f, "note", problems, "a known-unhandled case");
            }
            String basis = f.containsKey("basis") ? f.get("basis").text() : null;
            cases.add(new SampleCase(file.name(), item.line(), text, expect, source, basis,
                    textMap(f.get("params"), problems), textMap(f.get("advice"), problems)));
        }
        return cases;
    }

    private static Map<String, String> textMap(YamlNode node, Problems problems) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null) {
            node.entries(problems, "a map").forEach((k, v) -> map.put(k.text(), v.text()));
        }
        return map;
    }
}
