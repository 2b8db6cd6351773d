package org.smtpdoctor.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.catalog.CatalogLoader;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.reply.ParsedReply;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.reply.SecretRedactor;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.ProblemsException;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.source.YamlNode;
import org.smtpdoctor.wording.ExampleWording;
import org.smtpdoctor.wording.RuleFile;
import org.smtpdoctor.wording.RuleWording;
import org.smtpdoctor.wording.WordingRule;

/**
 * {@code smtp-doctor new-rule}: turns a reply the tool does not know into a YAML rule of a category, with the
 * example's variable parts already placeholders ({@link ExampleWording}), and the example as a sample case.
 *
 * <ul>
 *   <li>The rule goes to {@code <rules>/<family>/<name>.yaml}: appended as text at the end of an existing file
 *       (the author's comments and layout untouched), or a new file.</li>
 *   <li>The sample case goes to {@code <samples>/<family>/<name>.yaml} of the samples folder given (appended,
 *       or a new file), never anywhere else.</li>
 *   <li>Only for a category not in {@code categories.yaml}: its id is listed just before the first category
 *       of its family (a reply specific enough to need a new category should win over the family's general
 *       ones; lint reports any sample case it then takes from them), or before the {@code unknown.*} fallbacks
 *       for a new family; and the catalog gets advice stubs in every language. Both are written as
 *       {@code TODO} texts, which lint reports as errors, verify fails on, and diagnoses never show; unless the
 *       advice is given ({@link Edits}, the desk page), which is then written instead, checked as lint checks it.</li>
 * </ul>
 * The wording is the proposal ({@link ExampleWording#of}), or one staff edited ({@link Edits}), which must match
 * the example.
 * The rule's and the case's {@code source} says what is true: the reply was given to new-rule on that day,
 * unless the author names the source. Everything is checked before any file is written: a category id of
 * the wrong form, an example without words, or a rule file whose rule already recognises the example is
 * refused and nothing changes.
 */
public final class RuleScaffold {
    private static final String CATEGORIES = CatalogLoader.CATEGORIES_FILE;

    private final Path rules;
    private final Path samples;

    /**
     * A scaffold writing into the rules folder {@code rules} and the samples folder {@code samples} (both
     * must exist: the sample case is written next to the rules it goes with, never elsewhere).
     */
    public RuleScaffold(Path rules, Path samples) {
        this.rules = rules;
        this.samples = samples;
    }

    /**
     * One file written or extended.
     *
     * @param file    the file
     * @param created true when new-rule created it
     * @param what    what was written, in words
     */
    public record Change(Path file, boolean created, String what) {
    }

    /**
     * What new-rule did.
     *
     * @param category    the category
     * @param wording     the proposed wording and the placeholders it holds
     * @param newCategory true when the category was added to categories.yaml (its advice is then to write)
     * @param changes     the files written, in the order a person looks at them
     * @param diagnosedAs what the rules now conclude for the example (null when they do not load)
     */
    public record Result(CategoryId category, ExampleWording wording, boolean newCategory, List<Change> changes,
                         String diagnosedAs) {
    }

    /**
     * What staff decided beyond the example, on the desk page.
     *
     * @param wording      the wording as edited (the rule file's syntax), or null for the proposal; it must match
     *                     the example
     * @param advice       the advice of a category not yet in categories.yaml, or null
     * @param stubsAllowed whether a new category without advice gets TODO stubs (new-rule: the author writes them
     *                     next, and lint fails until then); when false, it is refused instead
     */
    public record Edits(String wording, NewCategoryAdvice advice, boolean stubsAllowed) {
        /** new-rule's way: the proposed wording, stubs for a new category. */
        public static final Edits NONE = new Edits(null, null, true);
    }

    /** {@link #create(String, String, String)} with the default source. */
    public Result create(String category, String example) {
        return create(category, example, null);
    }

    /**
     * Writes the rule for {@code category} recognising replies like {@code example}.
     *
     * @param source where the reply comes from, or null for "reply given to new-rule on &lt;today&gt;"
     * @throws IllegalArgumentException when the id, the example or the source cannot be used, or the
     *                                  category's file already recognises the example; nothing is written then
     */
    public Result create(String category, String example, String source) {
        return create(category, example, source, Edits.NONE);
    }

    /**
     * {@link #create(String, String, String)} with staff's edits: their wording instead of the proposal, and the
     * advice of a new category written with it (categories.yaml and the catalog, in the same all-or-nothing write).
     *
     * @throws IllegalArgumentException also when the wording does not match the example, when a new category's
     *                                  advice is incomplete (every problem, in words), when advice is given for a
     *                                  category that exists, or when stubs are not allowed and no advice is given
     */
    public Result create(String category, String example, String source, Edits edits) {
        CategoryId id = CategoryId.parse(category).orElseThrow(() -> new IllegalArgumentException("category '"
                + category + "' is not an id: write " + CategoryId.FORM_DESCRIPTION));
        if (Taxonomy.isFallback(id.family())) {
            throw new IllegalArgumentException("unknown.* are the fallbacks for replies no rule knows: choose the"
                    + " category that says what went wrong");
        }
        for (Path folder : List.of(rules, samples)) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException(folder + ": no such directory");
            }
        }
        String origin = source == null ? "reply given to new-rule on " + LocalDate.now(ZoneOffset.UTC) : source.strip();
        if (origin.isEmpty() || origin.contains("TODO") || origin.lines().count() > 1) {
            throw new IllegalArgumentException("--source must say, in one line, where the reply was seen (a log, a"
                    + " provider's page)");
        }
        // A password or token pasted with the reply is masked as the parser masks it, in the sample case too.
        String redacted = SecretRedactor.redact(example);
        ParsedReply reply = new ReplyParser().parse(redacted);
        ExampleWording wording = edits.wording() == null ? ExampleWording.of(reply.text())
                : ExampleWording.edited(edits.wording(), reply.text());

        Catalog catalog = CatalogLoader.load(SourceTree.of(rules), new Problems());
        List<String> languages = catalog == null ? List.of("en", "ru") : catalog.taxonomy().languages();
        boolean listed = catalog != null ? catalog.taxonomy().contains(id.toString())
                : read(rules.resolve(CATEGORIES)).lines().anyMatch(l -> l.strip().equals("- id: " + id));
        NewCategoryAdvice advice = edits.advice();
        checkAdvice(id, listed, advice, edits.stubsAllowed(), languages);

        Map<Path, String> writes = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        Path ruleFile = rules.resolve(id.ruleFile());
        writes.put(ruleFile, ruleFileText(id, ruleFile, reply, wording, origin));
        changes.add(new Change(ruleFile, !Files.exists(ruleFile), "a rule with the wording \"" + wording.wording() + "\""));
        if (!listed) {
            Path file = rules.resolve(CATEGORIES);
            writes.put(file, withCategory(read(file), id, languages, advice));
            changes.add(new Change(file, false, "the new category " + id + ", before the other " + id.family()
                    + " categories; " + (advice == null ? "its description to write (TODO)" : "its title as written")));
        }
        Path catalogFile = rules.resolve(id.catalogFile());
        String catalogText = Files.exists(catalogFile) ? read(catalogFile) : null;
        if (catalogText == null || catalogText.lines().noneMatch(l -> l.equals(id + ":"))) {
            int failureClass = catalog != null ? catalog.statusCodes().failureClass(reply) : reply.failureClass();
            writes.put(catalogFile, advice == null ? withAdviceStub(catalogText, id, failureClass == 4, languages)
                    : withAdvice(catalogText, id, advice, languages));
            changes.add(new Change(catalogFile, catalogText == null, advice == null ? "advice stubs for " + id
                    + " in " + String.join(" and ", languages) + " to write (TODO)" : "the advice of " + id + " in "
                    + String.join(" and ", languages) + ", as written"));
        } else if (advice != null) {
            throw new IllegalArgumentException(id.catalogFile() + " has advice for " + id + " already, though "
                    + CATEGORIES + " does not list it: list it there by hand, or choose another id");
        }
        Path sampleFile = samples.resolve(id.sampleFile());
        writes.put(sampleFile, sampleFileText(id, sampleFile, redacted, origin));
        changes.add(new Change(sampleFile, !Files.exists(sampleFile), "the example as a sample case"));

        writeAll(writes);
        return new Result(id, wording, !listed, List.copyOf(changes), diagnosedAs(redacted));
    }

    /**
     * What the rules as written now conclude for the example, or null when they do not load (lint says why).
     * The time budget is generous: this one diagnosis runs on a cold engine, and a budget cut would skip rules.
     */
    private String diagnosedAs(String example) {
        try (Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules).evaluationBudget(Duration.ofSeconds(30))
                .build()) {
            return diagnoser.diagnose(example).category();
        } catch (ProblemsException e) {
            return null;
        }
    }

    /** The rule file with the new rule appended (or a new file), checked to read without a problem of the new rule. */
    private static String ruleFileText(CategoryId id, Path file, ParsedReply reply, ExampleWording wording,
                                       String origin) {
        boolean exists = Files.exists(file);
        String existing = exists ? read(file) : "# Rules of " + id + ", in precedence order: when several match a"
                + " reply, the one written first wins.\n# The format: rules/README.md.\n";
        RuleFile before = RuleFile.read(id, new SourceFile(id.ruleFile(), existing), new Problems());
        for (WordingRule rule : before.rules()) {
            for (RuleWording w : rule.says()) {
                if (w.wording().match(reply.text()) != null) {
                    throw new IllegalArgumentException(id.ruleFile() + ":" + w.line() + ": the rule \"" + rule.name()
                            + "\" already recognises this reply (wording \"" + w.wording().written() + "\"); if the"
                            + " diagnosis is not " + id + ", run explain to see which rule wins, and why");
                }
            }
        }
        String name = uniqueName(before, "says " + abbreviate(wording.wording()));
        String rule = (existing.isEmpty() || existing.endsWith("\n") ? "" : "\n") + (exists ? "\n" : "")
                + "- name: " + quoted(name) + "\n"
                + "  source: " + quoted(origin) + "\n"
                + "  says:\n"
                + "    - " + quoted(wording.wording()) + "\n";
        String text = existing + rule;
        Problems problems = new Problems();
        RuleFile after = RuleFile.read(id, new SourceFile(id.ruleFile(), text), problems);
        if (after.rules().size() != before.rules().size() + 1) {
            throw new IllegalStateException("the rule new-rule wrote does not read back (a bug of smtp-doctor): "
                    + problems.all());
        }
        return text;
    }

    private static String uniqueName(RuleFile file, String name) {
        String candidate = name;
        for (int n = 2; taken(file, candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    private static boolean taken(RuleFile file, String name) {
        return file.rules().stream().anyMatch(r -> r.name().equals(name));
    }

    private static String abbreviate(String text) {
        if (text.length() <= 80) {
            return text;
        }
        int space = text.lastIndexOf(' ', 80);
        return text.substring(0, space > 20 ? space : 80) + " ...";
    }

    /** Refuses advice that cannot go with this category, before anything is written; all its problems at once. */
    private static void checkAdvice(CategoryId id, boolean listed, NewCategoryAdvice advice, boolean stubsAllowed,
                                    List<String> languages) {
        if (listed && advice != null) {
            throw new IllegalArgumentException(id + " exists already and keeps its advice: choose it without writing"
                    + " new advice, or give the new category another id");
        }
        if (!listed && advice == null && !stubsAllowed) {
            throw new IllegalArgumentException(id + " is a new category: write its advice (title, what happened, the"
                    + " steps, who acts, whether a retry helps) in " + String.join(" and ", languages));
        }
        if (!listed && advice != null) {
            List<String> problems = advice.problems(id, languages);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("the advice of the new category " + id + " cannot be saved yet: "
                        + String.join("; ", problems));
            }
        }
    }

    /**
     * categories.yaml with the new id before the first category of its family, or before the fallbacks for a
     * new family; the description lines are the advice's titles, or stubs without advice.
     */
    private static String withCategory(String text, CategoryId id, List<String> languages, NewCategoryAdvice advice) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        int at = firstLine(lines, "- id: " + id.family() + ".");
        if (at < 0) {
            at = firstLine(lines, "- id: unknown.");
        }
        if (at < 0) {
            at = lines.size();
        }
        String indent = at < lines.size() ? lines.get(at).substring(0, lines.get(at).indexOf('-')) : "  ";
        List<String> entry = new ArrayList<>(List.of(indent + "- id: " + id));
        for (String language : languages) {
            entry.add(indent + "  " + language + ": " + quoted(advice != null ? advice.in(language).title()
                    : stub(language, "one line saying what went wrong", "одна строка о том, что пошло не так")));
        }
        lines.addAll(at, entry);
        return String.join("\n", lines) + "\n";
    }

    private static int firstLine(List<String> lines, String stripped) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(stripped)) {
                return i;
            }
        }
        return -1;
    }

    /** The catalog file with advice stubs for the category appended (or a new file). */
    private static String withAdviceStub(String existing, CategoryId id, boolean transientReply, List<String> languages) {
        StringBuilder stub = new StringBuilder();
        if (existing == null) {
            stub.append("# Advice for the ").append(id.family())
                    .append(" family. Placeholders: {name|text used when the rule gave no such parameter}.\n");
        } else {
            stub.append(existing).append(existing.endsWith("\n") ? "" : "\n");
        }
        stub.append('\n').append(id).append(":\n")
                .append("  actor: ").append(transientReply ? "none" : "sender-settings")
                .append("    # who acts: sender-settings | sender | mail-admin | mail-provider | recipient | none\n")
                .append("  retry: ").append(transientReply ? "automatic" : "after-fix")
                .append("    # does sending again help: automatic | after-fix | no\n");
        for (String language : languages) {
            stub.append("  ").append(language).append(":\n")
                    .append("    title: ").append(quoted(stub(language, "what went wrong, in one line",
                            "что пошло не так, одной строкой"))).append('\n')
                    .append("    explanation: ").append(quoted(stub(language,
                            "what the server means, for the person who sends the mail",
                            "что имеет в виду сервер, для того, кто отправляет письмо"))).append('\n')
                    .append("    remedy:\n")
                    .append("      - ").append(quoted(stub(language, "the first thing to do",
                            "первое, что нужно сделать"))).append('\n');
        }
        return stub.toString();
    }

    /** The catalog file with the category's advice, as staff wrote it, appended (or a new file). */
    private static String withAdvice(String existing, CategoryId id, NewCategoryAdvice advice, List<String> languages) {
        StringBuilder entry = new StringBuilder();
        if (existing == null) {
            entry.append("# Advice for the ").append(id.family())
                    .append(" family. Placeholders: {name|text used when the rule gave no such parameter}.\n");
        } else {
            entry.append(existing).append(existing.endsWith("\n") ? "" : "\n");
        }
        entry.append('\n').append(id).append(":\n")
                .append("  actor: ").append(advice.actor()).append('\n')
                .append("  retry: ").append(advice.retry()).append('\n');
        for (String language : languages) {
            NewCategoryAdvice.Text text = advice.in(language);
            entry.append("  ").append(language).append(":\n")
                    .append("    title: ").append(quoted(text.title())).append('\n')
                    .append("    explanation: ").append(quoted(text.explanation())).append('\n')
                    .append("    remedy:\n");
            text.remedy().forEach(step -> entry.append("      - ").append(quoted(step)).append('\n'));
        }
        return entry.toString();
    }

    /** A stub text: marked TODO, saying what to write, in the language when we know it. */
    private static String stub(String language, String english, String russian) {
        return "TODO (" + language + "): " + (language.equals("ru") ? russian : english);
    }

    /** The sample file with the example appended as a case (or a new file), unless the file has it already. */
    private static String sampleFileText(CategoryId id, Path file, String example, String origin) {
        String existing = Files.exists(file) ? read(file)
                : "# Sample replies for " + id + ": real wordings with their sources.\ncases:\n";
        String indent = existing.lines().filter(l -> l.strip().startsWith("- text:")).findFirst()
                .map(l -> l.substring(0, l.indexOf('-'))).orElse("  ");
        String text = (existing.endsWith("\n") ? existing : existing + "\n")
                + indent + "- text: " + quoted(example) + "\n"
                + indent + "  source: " + quoted(origin) + "\n";
        int before = caseCount(existing);
        if (before >= 0 && caseCount(text) != before + 1) {
            throw new IllegalArgumentException(file + ": the case cannot be added at the end of this file (its last"
                    + " list is not 'cases:'); add it by hand: - text: " + quoted(example));
        }
        return text;
    }

    /** The number of cases of a sample file's text, or -1 when it does not read. */
    private static int caseCount(String text) {
        YamlNode root = YamlNode.parse(new SourceFile("sample", text), new Problems());
        if (root == null) {
            return -1;
        }
        YamlNode cases = root.fields(new Problems(), "", List.of("cases")).get("cases");
        return cases == null ? 0 : cases.items(new Problems(), "").size();
    }

    /** A YAML double-quoted scalar holding {@code text} exactly. */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The wording {@link #create} would write for {@code example}, without writing anything: credentials masked,
     * the reply text taken as the parser reads it, its variable parts placeholders. For a page that shows the
     * proposal before saving (serve's Teach form), so that what is shown is what is written.
     */
    public static ExampleWording propose(String example) {
        return ExampleWording.of(new ReplyParser().parse(SecretRedactor.redact(example)).text());
    }

    /**
     * The wording staff edited for {@code example}, checked as {@link #create(String, String, String, Edits)}
     * checks it, without writing anything: for the page, which says at once what to write instead.
     *
     * @throws IllegalArgumentException when it does not compile or does not match the example, in plain words
     */
    public static ExampleWording checkWording(String example, String wording) {
        return ExampleWording.edited(wording, new ReplyParser().parse(SecretRedactor.redact(example)).text());
    }

    /**
     * Writes every file or none: each is written to a temporary file beside it and moved into place atomically
     * (a reader, such as a watching Diagnoser, never sees half a file); when one fails, the files already moved
     * get their former content back (or are deleted when they were new).
     */
    private static void writeAll(Map<Path, String> writes) {
        Map<Path, String> before = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, String> w : writes.entrySet()) {
                Path file = w.getKey();
                before.put(file, Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null);
                write(file, w.getValue());
            }
        } catch (IOException | UncheckedIOException e) {
            before.forEach((file, content) -> {
                try {
                    if (content == null) {
                        Files.deleteIfExists(file);
                    } else {
                        write(file, content);
                    }
                } catch (IOException | UncheckedIOException ignored) {
                    // best effort: the first failure is the one reported
                }
            });
            throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
