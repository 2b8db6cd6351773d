package org.smtpdoctor.wording;

import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.smtpdoctor.reply.SmtpStage;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.YamlNode;

/**
 * A YAML rule file, {@code <family>/<name>.yaml}: the rules of one category, in the order that decides
 * between them. Reading it reports every mistake of the file at its line and column, in words an author
 * who is not a programmer can act on, and keeps reading so that one run shows them all.
 *
 * @param category the category the file's rules conclude (its path)
 * @param file     the file's path in the rules folder
 * @param rules    the rules that read without error, in file order
 */
public record RuleFile(CategoryId category, String file, List<WordingRule> rules) {
    private static final List<String> FIELD_ORDER = List.of("name", "provider", "layer", "source", "code", "not-code",
            "enhanced", "stage", "exception", "says", "unless");
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern EXCEPTION = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    private static final int MAX_NAME = 150;
    private static final String STAGES = String.join(", ",
            java.util.Arrays.stream(SmtpStage.values()).map(SmtpStage::id).toList());

    /** Reads {@code source}, reporting every problem to {@code problems}; rules with errors are left out. */
    public static RuleFile read(CategoryId category, SourceFile source, Problems problems) {
        List<WordingRule> rules = new ArrayList<>();
        YamlNode root = YamlNode.parse(source, problems);
        if (root == null) {
            return new RuleFile(category, source.name(), List.of());
        }
        if (root.isScalar()) {
            problems.add(root.error("a rule file is a list of rules, each starting with '- name: ...'"));
            return new RuleFile(category, source.name(), List.of());
        }
        Map<String, YamlNode> names = new HashMap<>();
        for (YamlNode item : root.items(problems, "a rule file")) {
            int before = problems.all().size();
            Map<String, YamlNode> fields = item.fields(problems, "a rule", FIELD_ORDER);
            YamlNode nameNode = fields.get("name");
            String name = nameNode != null && nameNode.isScalar() ? nameNode.text().strip() : null;
            YamlNode earlier = name == null ? null : names.putIfAbsent(name, item);
            if (earlier != null) {
                problems.add(item.error("a rule named '" + name + "' already stands at line " + earlier.line()
                        + ": give each rule of the file its own name"));
            }
            WordingRule rule = readRule(item, fields, before, problems);
            if (rule != null && earlier == null) {
                rules.add(rule);
            }
        }
        if (rules.isEmpty() && !problems.hasErrors()) {
            problems.add(root.error("the file has no rules: write at least one '- name: ...' with its 'says:'"));
        }
        return new RuleFile(category, source.name(), List.copyOf(rules));
    }

    /** The rule of {@code item} (its fields read already), or null when it has an error since {@code before}. */
    private static WordingRule readRule(YamlNode item, Map<String, YamlNode> f, int before, Problems problems) {
        String name = item.requiredText(f, "name", problems, "a rule");
        if (name != null) {
            name = name.strip();
            checkLabel(f.get("name"), name, "name", problems);
        }
        String provider = optionalText(f.get("provider"), "provider", problems);
        RuleLayer layer = layer(f.get("layer"), problems);
        if (layer != null && layer != RuleLayer.PROVIDER && f.containsKey("provider")) {
            problems.add(f.get("provider").error("a " + layer.id() + " rule says a cause the way any server or library"
                    + " says it, so it names no provider: leave out 'provider', or 'layer: " + layer.id()
                    + "' for a provider's wording"));
        }
        String ruleSource = optionalText(f.get("source"), "source", problems);
        CodeSet codes = codes(f.get("code"), "code", problems);
        CodeSet notCodes = codes(f.get("not-code"), "not-code", problems);
        List<String> enhanced = listOf(f.get("enhanced"), "enhanced", problems, ENHANCED,
                "an enhanced status code such as 5.7.8");
        List<String> stages = listOf(f.get("stage"), "stage", problems, null, null);
        for (int i = 0; i < stages.size(); i++) {
            if (SmtpStage.fromId(stages.get(i)).isEmpty()) {
                problems.add(f.get("stage").itemsOrScalar(new Problems(), "stage").get(i).error("unknown stage '"
                        + stages.get(i) + "': write one of " + STAGES));
            }
        }
        List<String> exceptions = listOf(f.get("exception"), "exception", problems, EXCEPTION,
                "the simple name of an exception class such as UnknownHostException");
        List<RuleWording> says = wordings(f.get("says"), "says", ruleSource, problems);
        List<RuleWording> unless = wordings(f.get("unless"), "unless", ruleSource, problems);
        if (says.isEmpty() && codes == null && enhanced.isEmpty() && exceptions.isEmpty() && stages.isEmpty()
                && !f.containsKey("says") && problems.all().size() == before) {
            problems.add(item.error("the rule says nothing to match: add 'says:' with the words of the reply"
                    + " (or a condition: code, enhanced, stage, exception)"));
        }
        if (problems.all().size() > before) {
            return null;
        }
        return new WordingRule(name, provider, layer, codes, notCodes, enhanced, stages, exceptions, says, unless,
                item.line(), item.column());
    }

    private static RuleLayer layer(YamlNode node, Problems problems) {
        if (node == null) {
            return RuleLayer.PROVIDER;
        }
        RuleLayer layer = node.isScalar() ? RuleLayer.fromId(node.text().strip()).orElse(null) : null;
        if (layer == null) {
            problems.add(node.error("'layer' is 'provider' (the default: one server's or library's own wording) or"
                    + " 'concept' (the generic way any sender says the cause; it answers only when no provider"
                    + " wording does) or 'stage' (the SMTP command a text names as failed, such as RCPT TO; it answers"
                    + " only when no provider or concept wording does)"));
        }
        return layer;
    }

    private static void checkLabel(YamlNode node, String value, String field, Problems problems) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                problems.add(node.errorAt(i, "the " + field + " must be one line of text, without control characters"));
                return;
            }
        }
        if (value.length() > MAX_NAME) {
            problems.add(node.error("the " + field + " is at most " + MAX_NAME + " characters: say in a few words"
                    + " what the rule recognises"));
        }
    }

    private static String optionalText(YamlNode node, String field, Problems problems) {
        if (node == null) {
            return null;
        }
        if (!node.isScalar() || node.text().isBlank()) {
            problems.add(node.error("'" + field + "' must be a text, such as " + field + ": Gmail"));
            return null;
        }
        if (!field.equals("source")) {
            checkLabel(node, node.text().strip(), field, problems);
        }
        return node.text().strip();
    }

    private static CodeSet codes(YamlNode node, String field, Problems problems) {
        if (node == null) {
            return null;
        }
        List<YamlNode> items = node.itemsOrScalar(problems, "'" + field + "'");
        List<Integer> bad = new ArrayList<>();
        CodeSet set = CodeSet.parse(items.stream().map(YamlNode::text).toList(), bad);
        for (int i : bad) {
            problems.add(items.get(i).error("'" + items.get(i).text() + "' is not a reply code: write "
                    + CodeSet.FORMS + " (" + field + ": [535, none])"));
        }
        if (items.isEmpty()) {
            problems.add(node.error("'" + field + "' lists no code: write " + CodeSet.FORMS + ", or leave it out"));
            return null;
        }
        return set;
    }

    private static List<String> listOf(YamlNode node, String field, Problems problems, Pattern form, String what) {
        if (node == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (YamlNode item : node.itemsOrScalar(problems, "'" + field + "'")) {
            String value = item.text().strip();
            if (!item.isScalar() || form != null && !form.matcher(value).matches()) {
                problems.add(item.error("'" + item.text() + "' in '" + field + "': write " + what));
            } else {
                values.add(value);
            }
        }
        return List.copyOf(values);
    }

    private static List<RuleWording> wordings(YamlNode node, String field, String ruleSource, Problems problems) {
        if (node == null) {
            return List.of();
        }
        List<RuleWording> wordings = new ArrayList<>();
        List<YamlNode> items = node.itemsOrScalar(problems, "'" + field + "'");
        if (items.isEmpty()) {
            problems.add(node.error("'" + field + "' lists no wording: write one wording per line, as '- the words of the reply'"));
        }
        for (YamlNode item : items) {
            RuleWording wording = wording(item, field, ruleSource, problems);
            if (wording != null) {
                wordings.add(wording);
            }
        }
        return List.copyOf(wordings);
    }

    private static RuleWording wording(YamlNode item, String field, String ruleSource, Problems problems) {
        YamlNode text = item;
        boolean regex = false;
        String source = ruleSource;
        if (!item.isScalar()) {
            Map<String, YamlNode> f = item.fields(problems, "a wording of '" + field + "'",
                    List.of("text", "regex", "source"));
            if (f.containsKey("text") == f.containsKey("regex")) {
                problems.add(item.error("a wording has either 'text:' (the words of the reply) or 'regex:', one of them"));
                return null;
            }
            regex = f.containsKey("regex");
            text = f.get(regex ? "regex" : "text");
            if (!text.isScalar()) {
                problems.add(text.error("a wording is one line of text"));
                return null;
            }
            YamlNode own = f.get("source");
            if (own != null) {
                if (!own.isScalar() || own.text().isBlank()) {
                    problems.add(own.error("'source' must say where the wording was seen: a provider's page, a program's source, a log"));
                    return null;
                }
                source = own.text().strip();
            }
        }
        if (source == null) {
            problems.add(text.error("this wording has no source: say where it was seen, with 'source:' beside it"
                    + " (- text: ... / source: ...) or once for the rule"));
        }
        try {
            Wording compiled = regex ? Wording.ofRegex(text.text()) : Wording.of(text.text());
            return source == null ? null : new RuleWording(compiled, source, text.line(), text.column());
        } catch (WordingSyntaxException e) {
            problems.add(text.errorAt(e.offset(), e.getMessage()));
        } catch (PatternSyntaxException e) {
            problems.add(text.error(RegexAdvice.message(text.text(), e)));
        }
        return null;
    }
}
