package org.smtpdoctor.wording;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the Drools rules a YAML rule file stands for. Nothing an author writes becomes code: wordings stay in
 * the engine's wording sets and the DRL names them by id ({@code auth.invalid-credentials/2}); codes, stages
 * and exception names are checked forms; the rule name and provider are DRL string literals, escaped here and
 * checked again by the loader's gate on Drools' parse tree.
 */
public final class DrlWriter {
    /** The rule annotation of a concept or stage rule ({@code @layer("concept")}); the engine reads it back from the compiled rule's metadata. */
    public static String layerAnnotation(RuleLayer layer) {
        return "@layer(\"" + layer.id() + "\")";
    }

    private DrlWriter() {
    }

    /** The id of the {@code says} wordings of the rule at {@code index} (1-based) of the category's file. */
    public static String saysId(String category, int index) {
        return category + "/" + index;
    }

    /** The id of the {@code unless} wordings of the rule at {@code index} (1-based). */
    public static String unlessId(String category, int index) {
        return category + "/" + index + "/unless";
    }

    /** The Drools rule name of a YAML rule: {@code <category>: <name>}. */
    public static String ruleName(String category, WordingRule rule) {
        return category + ": " + rule.name();
    }

    /**
     * The DRL a rule file compiles to.
     *
     * @param text  the whole file: package, imports and every rule, in file order
     * @param rules each rule's own DRL, in file order
     */
    public record Generated(String text, List<String> rules) {
    }

    /** The DRL of every rule of {@code file}, in file order. */
    public static Generated write(RuleFile file) {
        StringBuilder drl = new StringBuilder();
        drl.append("// Generated from ").append(file.category().ruleFile()).append(" by smtp-doctor: edit the YAML, not this.\n")
                .append("package ").append(file.category().family()).append(";\n\n")
                .append("import org.smtpdoctor.rules.Reply;\n")
                .append("import org.smtpdoctor.rules.Said;\n")
                .append("import function org.smtpdoctor.rules.Vocabulary.conclude;\n");
        List<String> blocks = new ArrayList<>();
        List<WordingRule> rules = file.rules();
        for (int i = 0; i < rules.size(); i++) {
            String block = rule(file, rules.get(i), i + 1);
            blocks.add(block);
            drl.append('\n').append(block);
        }
        return new Generated(drl.toString(), List.copyOf(blocks));
    }

    private static String rule(RuleFile file, WordingRule rule, int index) {
        String category = file.category().toString();
        StringBuilder drl = new StringBuilder();
        drl.append("// ").append(file.category().ruleFile()).append(':').append(rule.line()).append('\n')
                .append("rule ").append(literal(ruleName(category, rule)));
        if (rule.layer() != RuleLayer.PROVIDER) {
            drl.append(' ').append(layerAnnotation(rule.layer()));
        }
        drl.append("\nwhen\n");
        // The wording first: Drools hashes Said( id == "..." ) across all rules, so only the rules whose
        // wordings occur in the text are looked at further.
        if (!rule.says().isEmpty()) {
            drl.append("    Said( id == ").append(literal(saysId(category, index))).append(" )\n");
        }
        List<String> constraints = constraints(rule);
        if (rule.says().isEmpty() || !constraints.isEmpty()) {
            drl.append("    Reply( ").append(String.join(", ", constraints)).append(" )\n");
        }
        if (!rule.unless().isEmpty()) {
            drl.append("    not Said( id == ").append(literal(unlessId(category, index))).append(" )\n");
        }
        drl.append("then\n    conclude(kcontext, ").append(literal(category));
        if (rule.provider() != null) {
            drl.append(", \"provider\", ").append(literal(rule.provider()));
        }
        drl.append(");\nend\n");
        return drl.toString();
    }

    private static List<String> constraints(WordingRule rule) {
        List<String> constraints = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        if (rule.codes() != null) {
            codes.add(rule.codes().constraint());
        }
        rule.enhanced().forEach(e -> codes.add("enhanced == " + literal(e)));
        if (!codes.isEmpty()) {
            constraints.add(String.join(" || ", codes));
        }
        if (rule.notCodes() != null) {
            constraints.add(rule.notCodes().exclusion());
        }
        if (!rule.stages().isEmpty()) {
            constraints.add(String.join(" || ", rule.stages().stream().map(s -> "stage == " + literal(s)).toList()));
        }
        if (!rule.exceptions().isEmpty()) {
            constraints.add(String.join(" || ",
                    rule.exceptions().stream().map(e -> "exceptions contains " + literal(e)).toList()));
        }
        return constraints;
    }

    /** A DRL (and Java) string literal holding {@code text} exactly: backslashes and quotes escaped. */
    static String literal(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('"').toString();
    }
}
