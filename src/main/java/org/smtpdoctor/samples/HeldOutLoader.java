package org.smtpdoctor.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.source.YamlNode;

/**
 * Reads the held-out evaluation set: every {@code *.yaml} file of a folder holds, under {@code cases:}, cases
 * with {@code text}, {@code expect}, {@code kind}, {@code language} and {@code source}, all required, so that
 * every figure can be traced to a labelled text and its origin. Schema problems go to {@link Problems} with
 * file and line; a case with a problem is left out, never guessed.
 */
public final class HeldOutLoader {
    /** The kinds of source the figures are given for. */
    public static final Set<String> KINDS = Set.of("provider", "mta", "client-library");
    private static final List<String> FIELDS = List.of("text", "expect", "kind", "language", "source");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private HeldOutLoader() {
    }

    /** All cases of {@code tree}, in file and line order. */
    public static List<HeldOutCase> load(SourceTree tree, Problems problems) {
        List<HeldOutCase> cases = new ArrayList<>();
        for (SourceFile file : tree.files(".yaml")) {
            YamlNode root = YamlNode.parse(file, problems);
            if (root == null) {
                continue;
            }
            YamlNode list = root.fields(problems, file.name(), List.of("cases")).get("cases");
            if (list == null) {
                problems.add(root.error(file.name() + " lacks the list 'cases'"));
                continue;
            }
            for (YamlNode item : list.items(problems, "cases")) {
                HeldOutCase c = read(file.name(), item, problems);
                if (c != null) {
                    cases.add(c);
                }
            }
        }
        return cases;
    }

    private static HeldOutCase read(String file, YamlNode item, Problems problems) {
        int before = problems.all().size();
        Map<String, YamlNode> f = item.fields(problems, "an evaluation case", FIELDS);
        String text = item.requiredText(f, "text", problems, "an evaluation case");
        String expect = item.requiredText(f, "expect", problems, "an evaluation case");
        String kind = item.requiredText(f, "kind", problems, "an evaluation case");
        String language = item.requiredText(f, "language", problems, "an evaluation case");
        String source = item.requiredText(f, "source", problems, "an evaluation case");
        if (kind != null && !KINDS.contains(kind)) {
            problems.add(f.get("kind").error("kind '" + kind + "' is none of " + String.join(", ", KINDS.stream().sorted().toList())));
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            problems.add(f.get("language").error("language '" + language + "' is not a two- or three-letter code"));
        }
        if (problems.all().size() > before) {
            return null;
        }
        return new HeldOutCase(file, item.line(), text, expect, kind, language, source);
    }
}
