package org.smtpdoctor.samples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.YamlNode;

/**
 * A second, blind labelling of some cases of a held-out set: another person's category for each, given without
 * the first label or the engine's answer. It tells how far two careful readers agree, the ceiling any figure on
 * the set can be read against. Read from YAML: {@code labels:}, each with {@code case} (the case file and the line
 * its entry starts on, {@code "en-clients.yaml:12"}) and {@code expect}.
 */
public final class SecondLabelling {
    private static final Pattern CASE = Pattern.compile("(.+\\.yaml):([1-9][0-9]*)");
    private static final List<String> FIELDS = List.of("case", "expect");

    /** One label: the case it is for, the category, and where it is written. */
    public record Label(String file, int line, String expect, int writtenAt) {
    }

    private final String name;
    private final Map<String, Label> byCase;

    private SecondLabelling(String name, Map<String, Label> byCase) {
        this.name = name;
        this.byCase = byCase;
    }

    /** Reads {@code source}; malformed entries go to {@code problems} with their line and are left out. */
    public static SecondLabelling load(SourceFile source, Problems problems) {
        Map<String, Label> byCase = new LinkedHashMap<>();
        YamlNode root = YamlNode.parse(source, problems);
        YamlNode list = root == null ? null : root.fields(problems, source.name(), List.of("labels")).get("labels");
        if (root != null && list == null) {
            problems.add(root.error(source.name() + " lacks the list 'labels'"));
        }
        for (YamlNode item : list == null ? List.<YamlNode>of() : list.items(problems, "labels")) {
            Map<String, YamlNode> f = item.fields(problems, "a second label", FIELDS);
            String at = item.requiredText(f, "case", problems, "a second label");
            String expect = item.requiredText(f, "expect", problems, "a second label");
            if (at == null || expect == null) {
                continue;
            }
            Matcher m = CASE.matcher(at);
            if (!m.matches()) {
                problems.add(f.get("case").error("case '" + at + "' is not <file>.yaml:<line>"));
            } else if (byCase.putIfAbsent(at, new Label(m.group(1), Integer.parseInt(m.group(2)), expect, item.line())) != null) {
                problems.add(f.get("case").error("case '" + at + "' is labelled twice"));
            }
        }
        return new SecondLabelling(source.name(), byCase);
    }

    /** The file the labels were read from, for problems. */
    public String name() {
        return name;
    }

    /** The labels, in the order they are written. */
    public List<Label> labels() {
        return List.copyOf(byCase.values());
    }

    /** How a case is named here, and how a label's case and a held-out case are matched: its file and line. */
    static String keyOf(String file, int line) {
        return file + ":" + line;
    }
}
