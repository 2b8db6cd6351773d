package org.smtpdoctor.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.reply.ParsedReply;
import org.smtpdoctor.reply.ReplyParser;

/**
 * {@code smtp-doctor new-rule}: writes everything a new reply needs, ready to edit: the rule file with a
 * pattern taken from the example, the category in categories.yaml (when new), advice stubs in both
 * languages and the sample case. It never overwrites: an existing rule file is refused, an existing
 * category, catalog entry or sample file is kept (the case is added to the sample file).
 */
public final class RuleScaffold {
    private static final Pattern CATEGORY_ID = Pattern.compile("([a-z]+)\\.([a-z]+(?:-[a-z]+)*)");
    /** Where the variable part of a reply usually starts: ids in brackets, addresses, links. */
    private static final Pattern VARIABLE_PART = Pattern.compile("[\\[<({]|https?://|\\S+@\\S+");
    private static final String RE2_SPECIAL = "\\.+*?()|[]{}^$";

    private final Path rules;
    private final Path samples;

    /** A scaffold writing into the rules folder {@code rules} and the sample folder {@code samples}. */
    public RuleScaffold(Path rules, Path samples) {
        this.rules = rules;
        this.samples = samples;
    }

    /**
     * Writes the files for a rule concluding {@code category}, recognising replies like {@code example}.
     *
     * @return the files written or extended, in the order a person edits them
     * @throws IllegalArgumentException when the id is not family.name or the rule file exists
     */
    public List<Path> create(String category, String example) {
        Matcher id = CATEGORY_ID.matcher(category);
        if (!id.matches()) {
            throw new IllegalArgumentException("category '" + category + "' is not of the form family.name-in-kebab-case");
        }
        String family = id.group(1);
        String name = id.group(2);
        Path rule = rules.resolve(family).resolve(name + ".drl");
        if (Files.exists(rule)) {
            throw new IllegalArgumentException(rule + " exists: add the new rule to it by hand (see rules/README.md)");
        }
        ParsedReply reply = new ReplyParser().parse(example);
        List<Path> written = new ArrayList<>();
        write(rule, ruleText(family, category, reply));
        written.add(rule);
        if (addCategory(family, category)) {
            written.add(rules.resolve("categories.yaml"));
        }
        if (addCatalogStub(family, category, reply)) {
            written.add(rules.resolve("catalog").resolve(family + ".yaml"));
        }
        written.add(addSample(family, name, category, example));
        return written;
    }

    private static String ruleText(String family, String category, ParsedReply reply) {
        String stable = stablePart(reply.text());
        String condition = (reply.code() == 0 ? "" : "code == " + reply.code() + ", ")
                + "has(\"" + drlString(literalPattern(stable)) + "\")";
        return "package " + family + ";\n\n"
                + "import org.smtpdoctor.rules.*;\n"
                + "import function org.smtpdoctor.rules.Vocabulary.conclude;\n\n"
                + "// TODO: say where this wording comes from (provider documentation, RFC, MTA source, a real log).\n"
                + "// TODO: keep only the stable words of the reply in the pattern; drop ids, addresses and numbers.\n"
                + "rule \"" + category + ": " + ruleName(stable) + "\"\n"
                + "when\n"
                + "    Reply( " + condition + " )\n"
                + "then\n"
                + "    conclude(kcontext, \"" + category + "\");\n"
                + "end\n";
    }

    /** The reply's text up to its first variable part (the whole text when it starts with one). */
    private static String stablePart(String text) {
        Matcher variable = VARIABLE_PART.matcher(text);
        return (variable.find() && variable.start() > 0 ? text.substring(0, variable.start()) : text).strip();
    }

    /** An RE2 pattern matching {@code stable} literally. */
    private static String literalPattern(String stable) {
        StringBuilder pattern = new StringBuilder();
        for (char c : stable.toCharArray()) {
            if (RE2_SPECIAL.indexOf(c) >= 0) {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }

    private static String drlString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** A rule name from the reply's words: short, and without quotes or backslashes to escape. */
    private static String ruleName(String text) {
        String name = text.replace('"', '\'').replace('\\', '/');
        return name.length() <= 60 ? name : name.substring(0, 60).strip() + "...";
    }

    /**
     * Lists a new category just before the first one of its family (a new, specific reply should win over
     * the family's general ones), or before the fallbacks for a new family. False when it is listed already.
     */
    private boolean addCategory(String family, String category) {
        Path file = rules.resolve("categories.yaml");
        List<String> lines = new ArrayList<>(read(file).lines().toList());
        if (lines.stream().anyMatch(l -> l.strip().equals("- id: " + category))) {
            return false;
        }
        int at = firstLine(lines, "  - id: " + family + ".");
        if (at < 0) {
            at = firstLine(lines, "  - id: unknown.");
        }
        if (at < 0) {
            at = lines.size();
        }
        lines.addAll(at, List.of("  - id: " + category,
                "    en: \"TODO: one line in English saying what went wrong\"",
                "    ru: \"TODO: одна строка по-русски о том, что пошло не так\""));
        write(file, String.join("\n", lines) + "\n");
        return true;
    }

    private static int firstLine(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends advice stubs in both languages; false when the catalog already has an entry. */
    private boolean addCatalogStub(String family, String category, ParsedReply reply) {
        Path file = rules.resolve("catalog").resolve(family + ".yaml");
        String existing = Files.exists(file) ? read(file)
                : "# Advice for the " + family + " family. "
                        + "Placeholders: {name|text used when the rule gave no such parameter}.\n";
        if (existing.lines().anyMatch(l -> l.equals(category + ":"))) {
            return false;
        }
        boolean transientFailure = reply.failureClass() == 4;
        String stub = (existing.endsWith("\n") ? "" : "\n") + "\n" + category + ":\n"
                + "  actor: " + (transientFailure ? "none" : "sender-settings")
                + "    # TODO: sender-settings | mail-admin | mail-provider | recipient | none\n"
                + "  retry: " + (transientFailure ? "automatic" : "after-fix") + "    # TODO: automatic | after-fix | no\n"
                + "  en:\n"
                + "    title: \"TODO: what went wrong, in one line\"\n"
                + "    explanation: \"TODO: what the server means, for the person who sends the mail\"\n"
                + "    remedy:\n"
                + "      - \"TODO: the first thing to do\"\n"
                + "  ru:\n"
                + "    title: \"TODO: что пошло не так, одной строкой\"\n"
                + "    explanation: \"TODO: что имеет в виду сервер, для того, кто отправляет письмо\"\n"
                + "    remedy:\n"
                + "      - \"TODO: первое, что нужно сделать\"\n";
        write(file, existing + stub);
        return true;
    }

    /** Writes the sample file, or adds the case to an existing one. */
    private Path addSample(String family, String name, String category, String example) {
        Path file = samples.resolve(family).resolve(name + ".yaml");
        String existing = Files.exists(file) ? read(file)
                : "# Sample replies for " + category + ": real wordings with their sources.\ncases:\n";
        String sample = (existing.endsWith("\n") ? "" : "\n")
                + "  - text: \"" + yamlString(example) + "\"\n"
                + "    source: \"TODO: where this wording comes from "
                + "(provider documentation, RFC, MTA source, a real log)\"\n"
                + "    basis: pattern\n";
        write(file, existing + sample);
        return file;
    }

    private static String yamlString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
