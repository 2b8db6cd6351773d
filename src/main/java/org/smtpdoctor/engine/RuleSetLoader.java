package org.smtpdoctor.engine;

import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.catalog.CatalogLoader;
import org.smtpdoctor.rules.TextPatterns;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

/**
 * Loads a rules directory into a {@link RuleSet}: the catalog (YAML) and every {@code <family>/<name>.drl},
 * compiled by Drools at run time through KieServices, KieFileSystem and KieBuilder.
 *
 * <p>Before Drools sees a file, the loader checks what Drools cannot: the file sits in its family's folder
 * and is named after the category it concludes (one id everywhere), its package is the family, every
 * pattern compiles, every concluded category exists, and the code stays within the rule vocabulary
 * ({@link RuleCodePolicy}: a file that does not is never compiled). All problems of all files are reported together.
 */
final class RuleSetLoader {
    private static final String KIE_SOURCE_ROOT = "src/main/resources/";

    private RuleSetLoader() {
    }

    /** Loads {@code tree}. @throws org.smtpdoctor.source.ProblemsException listing every error found */
    static RuleSet load(SourceTree tree) {
        Problems problems = new Problems();
        RuleSet rules = check(tree, problems).ruleSet();
        problems.throwIfErrors();
        return rules;
    }

    /** What a load found: the rule set (null when any problem is an error), and the files it read. */
    record Outcome(RuleSet ruleSet, List<DrlFile> drls, Catalog catalog) {
    }

    /**
     * Loads {@code tree}, reporting every problem to {@code problems}: Drools compiles the rules even when
     * other checks failed, so that one run shows all problems; only code outside the rule vocabulary never
     * reaches the compiler.
     */
    static Outcome check(SourceTree tree, Problems problems) {
        Catalog catalog = CatalogLoader.load(tree, problems);
        List<DrlFile> drls = tree.files(".drl").stream().map(DrlFile::new).toList();
        TextPatterns patterns = new TextPatterns();
        Map<String, RuleRef> locations = new HashMap<>();
        boolean allowed = true;
        for (DrlFile drl : drls) {
            allowed &= RuleCodePolicy.check(drl, problems);
            checkLayout(drl, problems);
            compilePatterns(drl, patterns, problems);
            if (catalog != null) {
                checkConclusions(drl, catalog, problems);
            }
            indexRules(drl, locations, problems);
        }
        if (drls.isEmpty()) {
            problems.error(".", 0, 0, "no .drl rule files in " + tree.description());
        }
        KieBase kieBase = allowed && !drls.isEmpty() ? compile(drls, problems) : null;
        RuleSet rules = problems.hasErrors() ? null
                : new RuleSet(kieBase, patterns, Map.copyOf(locations), catalog, version(tree, drls));
        return new Outcome(rules, drls, catalog);
    }

    private static void checkLayout(DrlFile drl, Problems problems) {
        String name = drl.source().name();
        String[] parts = name.split("/");
        if (parts.length != 2) {
            problems.error(name, 1, 1, "a rule file belongs in its family's folder, named after its category: "
                    + "<family>/<name>.drl for category <family>.<name>");
            return;
        }
        if (!drl.packageName().equals(parts[0])) {
            problems.error(name, 1, 1, "the package must be the family folder: 'package " + parts[0] + ";'"
                    + (drl.packageName().isEmpty() ? "" : " (found '" + drl.packageName() + "')"));
        }
    }

    private static void compilePatterns(DrlFile drl, TextPatterns patterns, Problems problems) {
        for (DrlFile.Literal literal : drl.patterns()) {
            try {
                patterns.compile(literal.value());
            } catch (PatternSyntaxException e) {
                problems.error(drl.source().name(), literal.line(), literal.column(),
                        PatternAdvice.message(literal.value(), e));
            }
        }
    }

    private static void checkConclusions(DrlFile drl, Catalog catalog, Problems problems) {
        String name = drl.source().name();
        String expected = name.replace('/', '.').replaceFirst("\\.drl$", "");
        for (DrlFile.Literal conclusion : drl.conclusions()) {
            if (conclusion.value() == null) {
                problems.error(name, conclusion.line(), conclusion.column(),
                        "conclude takes the category as a quoted id: conclude(kcontext, \"family.name\")");
            } else if (!catalog.taxonomy().contains(conclusion.value())) {
                problems.error(name, conclusion.line(), conclusion.column(),
                        "unknown category '" + conclusion.value() + "' (not in categories.yaml)");
            } else if (!conclusion.value().equals(expected)) {
                problems.error(name, conclusion.line(), conclusion.column(), "this file may only conclude '"
                        + expected + "' (its name); put rules for '" + conclusion.value() + "' in "
                        + conclusion.value().replace('.', '/') + ".drl");
            }
        }
    }

    private static void indexRules(DrlFile drl, Map<String, RuleRef> locations, Problems problems) {
        for (DrlFile.Literal rule : drl.rules()) {
            RuleRef ref = new RuleRef(rule.value(), drl.source().name(), rule.line());
            RuleRef earlier = locations.putIfAbsent(RuleSet.key(drl.packageName(), rule.value()), ref);
            if (earlier != null) {
                problems.error(ref.file(), ref.line(), rule.column(), "a rule named \"" + rule.value()
                        + "\" already exists at " + earlier.file() + ":" + earlier.line());
            }
        }
    }

    private static KieBase compile(List<DrlFile> drls, Problems problems) {
        KieServices kieServices = KieServices.Factory.get();
        KieFileSystem kfs = kieServices.newKieFileSystem();
        ReleaseId releaseId = kieServices.newReleaseId("org.smtpdoctor.rules", "ruleset",
                "1.0.0-" + System.nanoTime());
        kfs.generateAndWritePomXML(releaseId);
        for (DrlFile drl : drls) {
            kfs.write(KIE_SOURCE_ROOT + drl.source().name(), drl.source().content());
        }
        KieBuilder builder = kieServices.newKieBuilder(kfs).buildAll();
        Map<String, String> sources = new HashMap<>();
        drls.forEach(drl -> sources.put(drl.source().name(), drl.source().content()));
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (isFollowUp(message.getText())) {
                continue;
            }
            problems.add(DroolsMessages.toProblem(message, sources, KIE_SOURCE_ROOT));
        }
        if (problems.hasErrors()) {
            kieServices.getRepository().removeKieModule(releaseId);
            return null;
        }
        KieContainer container = kieServices.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        // The repository would otherwise keep every rule set ever loaded in this JVM.
        kieServices.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    /**
     * Drools' messages that only repeat a problem already reported: a null package after every syntax error;
     * a duplicate rule name (reported by {@link #indexRules} with the first rule's place) and the Java class
     * clash it causes.
     */
    private static boolean isFollowUp(String text) {
        return text.contains("Parser returned a null Package") || text.startsWith("Duplicate rule name")
                || text.contains("Rule Compilation error The type Rule_") && text.contains("is already defined");
    }

    private static String version(SourceTree tree, List<DrlFile> drls) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Stream.concat(tree.files(".yaml").stream(), drls.stream().map(DrlFile::source))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .forEach(f -> {
                        sha.update(f.name().getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                        sha.update(f.content().getBytes(StandardCharsets.UTF_8));
                        sha.update((byte) 0);
                    });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
