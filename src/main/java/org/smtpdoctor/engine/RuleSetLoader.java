package org.smtpdoctor.engine;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.kie.internal.io.ResourceFactory;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.catalog.CatalogLoader;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.rules.Budget;
import org.smtpdoctor.rules.Reply;
import org.smtpdoctor.rules.TextPatterns;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.wording.DrlWriter;
import org.smtpdoctor.wording.RegexAdvice;
import org.smtpdoctor.wording.RuleFile;
import org.smtpdoctor.wording.RuleWording;
import org.smtpdoctor.wording.WordingRule;

/**
 * Loads a rules directory into a {@link RuleSet}: the catalog, the YAML rule files {@code <family>/<name>.yaml}
 * (each compiled to DRL by {@link DrlWriter}) and any hand-written {@code <family>/<name>.drl}.
 *
 * <p>Every DRL, generated or written, is parsed by Drools into package descriptors, checked by
 * {@link DrlGate}, and then those very descriptors are compiled (a {@code DESCR} resource), so what the gate
 * saw is what Drools runs. Before that the loader checks what Drools cannot: a file sits at its category's
 * path, concludes only that category, and its patterns compile. All problems of all files are reported together.
 */
final class RuleSetLoader {
    private static final Set<String> NOT_RULE_FOLDERS = Set.of("catalog", "codes");

    private RuleSetLoader() {
    }

    /**
     * Rule sets compiled in this JVM, by version: the same files are compiled once, however many Diagnosers
     * load them (tests, executors, a reload that changed nothing). A few versions at most are kept.
     */
    private static final Map<String, RuleSet> COMPILED = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
                    return size() > 4;
                }
            });

    /** Loads {@code tree}. @throws org.smtpdoctor.source.ProblemsException listing every error found */
    static RuleSet load(SourceTree tree) {
        List<SourceFile> yamlFiles = tree.files(".yaml");
        List<SourceFile> drlFiles = tree.files(".drl");
        String version = version(yamlFiles, drlFiles);
        RuleSet compiled = COMPILED.get(version);
        if (compiled != null) {
            return compiled;
        }
        Problems problems = new Problems();
        RuleSet rules = check(tree, yamlFiles, drlFiles, version, problems).ruleSet();
        problems.throwIfErrors();
        COMPILED.put(rules.version(), rules);
        return rules;
    }

    /**
     * One rule as loaded, for lint and coverage.
     *
     * @param ref      its name, file and line
     * @param column   the column where it is written
     * @param category the category it concludes (that of its file)
     * @param params   the parameters it can give the advice
     * @param yaml     the rule as read from its YAML file, or null for a hand-written DRL rule
     */
    record LoadedRule(RuleRef ref, int column, CategoryId category, Set<String> params, WordingRule yaml) {
    }

    /** What a load found: the rule set (null when any problem is an error), its rules, and the catalog. */
    record Outcome(RuleSet ruleSet, List<LoadedRule> rules, Catalog catalog) {
    }

    /** A DRL text to gate and compile, with the file errors are reported against. */
    private record Drl(String file, CategoryId category, String text, boolean generated) {
    }

    /** One YAML rule file as read and turned into DRL, with the problems found in it; {@code file} null when it has no category. */
    private record ReadRuleFile(RuleFile file, DrlWriter.Generated drl, Problems problems) {
        static ReadRuleFile of(SourceFile yaml, Taxonomy taxonomy) {
            Problems problems = new Problems();
            CategoryId category = categoryOf(yaml.name(), "yaml", taxonomy, problems);
            if (category == null) {
                return new ReadRuleFile(null, null, problems);
            }
            RuleFile file = RuleFile.read(category, yaml, problems);
            return new ReadRuleFile(file, DrlWriter.write(file), problems);
        }
    }

    /**
     * Loads {@code tree}, reporting every problem to {@code problems}: every file is read and checked even
     * when others failed, so that one run shows all problems; a file the gate refuses never reaches Drools.
     */
    static Outcome check(SourceTree tree, Problems problems) {
        List<SourceFile> yamlFiles = tree.files(".yaml");
        List<SourceFile> drlFiles = tree.files(".drl");
        return check(tree, yamlFiles, drlFiles, version(yamlFiles, drlFiles), problems);
    }

    private static Outcome check(SourceTree tree, List<SourceFile> yamlFiles, List<SourceFile> drlFiles,
                                 String version, Problems problems) {
        Catalog catalog = CatalogLoader.load(tree, problems);
        TextPatterns patterns = new TextPatterns();
        Map<RuleSet.Key, RuleRef> locations = new HashMap<>();
        Map<String, String> drlOfRule = new LinkedHashMap<>();
        List<LoadedRule> loaded = new ArrayList<>();
        List<Drl> drls = new ArrayList<>();
        List<RuleFile> ruleFiles = new ArrayList<>();

        // The files are read on every core, each into problems of its own that join the run's in file order (the same
        // report, in the same order, as one file after the other); what they define is then indexed in that order.
        Taxonomy taxonomy = catalog == null ? null : catalog.taxonomy();
        List<ReadRuleFile> read = yamlFiles.parallelStream().filter(yaml -> isRuleFile(yaml.name()))
                .map(yaml -> ReadRuleFile.of(yaml, taxonomy)).toList();
        for (ReadRuleFile r : read) {
            problems.addAll(r.problems().all());
            if (r.file() != null) {
                ruleFiles.add(r.file());
                indexYaml(r.file(), r.drl(), patterns, locations, drlOfRule, loaded);
                drls.add(new Drl(r.file().file(), r.file().category(), r.drl().text(), true));
            }
        }
        for (SourceFile drl : drlFiles) {
            CategoryId category = categoryOf(drl.name(), "drl", taxonomy, problems);
            if (category != null) {
                drls.add(new Drl(drl.name(), category, drl.content(), false));
            }
        }
        if (drls.isEmpty() && !problems.hasErrors()) {
            problems.error(".", 0, 0, "no rule files (<family>/<name>.yaml) in " + tree.description());
        }
        // Without hand-written DRL every rule is one the engine wrote: no rule reads a wording set the gate has yet to
        // register, so the scan of all wordings can be prepared at once; and no rule sees more of a reply than the facts
        // VerdictMemo keys on, so verdicts may be remembered. (A DRL file that names no category is an error.)
        boolean onlyGenerated = drlFiles.isEmpty();
        // Neither the near-wording index nor the scan of all wordings needs Drools: they are built on another core while
        // the rules are gated and compiled. The scan waits for its first text when a hand-written DRL rule may still
        // read a wording set directly (gate).
        CompletableFuture<NearWordings> near = problems.hasErrors() ? null : CompletableFuture.supplyAsync(() -> {
            if (onlyGenerated) {
                patterns.prepare();
            }
            return NearWordings.of(ruleFiles, taxonomy, patterns);
        });
        List<PackageDescr> gated = new ArrayList<>();
        for (Drl drl : drls) {
            PackageDescr pkg = gate(drl, patterns, locations, loaded, problems);
            if (pkg != null) {
                gated.add(pkg);
            }
        }
        KieBase kieBase = problems.hasErrors() ? null : compile(gated, patterns, problems);
        NearWordings nearWordings = near == null ? null : joined(near);
        RuleSet rules = problems.hasErrors() ? null : new RuleSet(kieBase,
                new ThreadSessions(kieBase), patterns, RuleSet.placed(locations, kieBase), catalog,
                version, Map.copyOf(drlOfRule),
                onlyGenerated ? new VerdictMemo() : null, nearWordings);
        return new Outcome(rules, List.copyOf(loaded), catalog);
    }

    /** The value of {@code task}, or what it threw, as if it had run on this thread. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static boolean isRuleFile(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? !name.equals(CatalogLoader.CATEGORIES_FILE) && !name.equals(CatalogLoader.DEPLOYMENT_FILE)
                : !NOT_RULE_FOLDERS.contains(name.substring(0, slash));
    }

    private static CategoryId categoryOf(String file, String extension, Taxonomy taxonomy, Problems problems) {
        CategoryId category = CategoryId.ofFile(file, extension).orElse(null);
        if (category == null) {
            problems.error(file, 1, 1, "a rule file belongs in its family's folder, named after its category: "
                    + "<family>/<name>." + extension + " for category <family>.<name> (" + CategoryId.FORM_DESCRIPTION + ")");
        } else if (taxonomy != null && !taxonomy.contains(category.toString())) {
            problems.error(file, 1, 1, "unknown category '" + category + "': add it to categories.yaml (in the place"
                    + " that gives it the right precedence) or rename the file after an existing category");
            return null;
        }
        return category;
    }

    private static void indexYaml(RuleFile file, DrlWriter.Generated drl, TextPatterns patterns,
                                  Map<RuleSet.Key, RuleRef> locations, Map<String, String> drlOfRule, List<LoadedRule> loaded) {
        String category = file.category().toString();
        for (int i = 0; i < file.rules().size(); i++) {
            WordingRule rule = file.rules().get(i);
            define(patterns, DrlWriter.saysId(category, i + 1), rule.says(), null);
            define(patterns, DrlWriter.unlessId(category, i + 1), rule.unless(),
                    rule.says().isEmpty() ? null : DrlWriter.saysId(category, i + 1));
            String name = DrlWriter.ruleName(category, rule);
            RuleRef ref = new RuleRef(name, file.file(), rule.line());
            locations.put(new RuleSet.Key(file.category().family(), name), ref);
            loaded.add(new LoadedRule(ref, rule.column(), file.category(), Set.copyOf(rule.params()), rule));
            drlOfRule.put(name, drl.rules().get(i) + legend(DrlWriter.saysId(category, i + 1), rule.says())
                    + legend(DrlWriter.unlessId(category, i + 1), rule.unless()));
        }
    }

    /** For readers of the generated DRL: which wordings an id stands for, and the RE2 pattern each became. */
    private static String legend(String id, List<RuleWording> wordings) {
        if (wordings.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("// Said( id == \"").append(id)
                .append("\" ): any of these occurs; the first to occur gives the parameters (RE2, case-insensitive)\n");
        for (RuleWording w : wordings) {
            b.append("//   ").append(w.wording().written()).append("  =>  ").append(w.wording().pattern()).append('\n');
        }
        return b.toString();
    }

    /** Defines a rule's wording set; {@code guarded}: the set whose rule these wordings guard ({@code unless}), or null. */
    private static void define(TextPatterns patterns, String id, List<RuleWording> wordings, String guarded) {
        if (!wordings.isEmpty()) {
            patterns.defineWordings(id, wordings.stream().map(w -> w.wording().pattern()).toList(), guarded);
        }
    }

    /** Parses and gates one DRL and runs the loader's own checks on what passed; null when anything failed. */
    private static PackageDescr gate(Drl drl, TextPatterns patterns, Map<RuleSet.Key, RuleRef> locations,
                                     List<LoadedRule> loaded, Problems problems) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        DrlGate.Findings findings;
        Problems gateProblems = drl.generated() ? new Problems() : problems;
        try {
            pkg = parser.parse(false, drl.text());
            findings = parser.hasErrors() || pkg == null ? null : DrlGate.check(pkg, drl.file(), drl.text(), gateProblems);
        } catch (DroolsParserException e) {
            problems.error(drl.file(), 0, 0, "the rule file does not parse: " + e.getMessage());
            return null;
        } catch (StackOverflowError e) {
            // Drools' parsers recurse once per nesting level: thousands of nested parentheses exhaust the stack.
            problems.error(drl.file(), 1, 1, "refused: the rule file nests too deeply to be read (parentheses within"
                    + " parentheses, thousands deep); rules test a reply with a few conditions");
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                reportParserError(drl, error, problems);
            }
            return null;
        }
        int before = problems.all().size();
        if (drl.generated() && findings == null) {
            // Only a slip of the generator can get here; the gate kept it from becoming code.
            gateProblems.all().forEach(p -> problems.error(drl.file(), 1, 1, "the DRL generated from this file was"
                    + " refused (a bug of smtp-doctor, please report it): " + p));
            return null;
        }
        if (findings == null) {
            return null;
        }
        if (!pkg.getName().equals(drl.category().family())) {
            problems.error(drl.file(), 1, 1, "the package must be the family folder: 'package "
                    + drl.category().family() + ";'" + (pkg.getName().isEmpty() ? "" : " (found '" + pkg.getName() + "')"));
        }
        checkTextTests(drl, findings, patterns, problems);
        checkConclusions(drl, findings, problems);
        if (!drl.generated()) {
            indexDrl(drl, pkg, findings, locations, loaded, problems);
        }
        return problems.all().size() == before ? pkg : null;
    }

    private static void reportParserError(Drl drl, DroolsError error, Problems problems) {
        String message = error.getMessage().strip().replaceAll("\\s+", " ");
        if (message.contains("Parser returned a null Package")) {
            return;
        }
        int line = error instanceof ParserError p ? p.getRow() : error.getLines().length > 0 ? error.getLines()[0] : 0;
        int column = error instanceof ParserError p ? p.getCol() + 1 : 0;
        problems.error(drl.file(), Math.max(line, 0), Math.max(column, 0), message);
    }

    private static void checkTextTests(Drl drl, DrlGate.Findings findings, TextPatterns patterns, Problems problems) {
        for (DrlGate.Use use : findings.textTests()) {
            if (use.function().equals(DrlGate.SAID)) {
                if (!patterns.hasWordings(use.value())) {
                    problems.error(drl.file(), use.line(), use.column(), "no rule file defines the wordings '"
                            + use.value() + "': Said( id == \"...\" ) names the wordings of a YAML rule");
                } else if (!drl.generated()) {
                    patterns.readDirectly(use.value()); // a guard read as a wording must be said wherever it occurs
                }
                continue;
            }
            try {
                patterns.compile(use.value());
            } catch (PatternSyntaxException e) {
                problems.error(drl.file(), use.line(), use.column(), RegexAdvice.message(use.value(), e));
            }
        }
    }

    private static void checkConclusions(Drl drl, DrlGate.Findings findings, Problems problems) {
        String expected = drl.category().toString();
        for (DrlGate.Use conclusion : findings.conclusions()) {
            if (!conclusion.value().equals(expected)) {
                problems.error(drl.file(), conclusion.line(), conclusion.column(), "this file may only conclude '"
                        + expected + "' (its name); put rules for '" + conclusion.value() + "' in the file of that category"
                        + CategoryId.parse(conclusion.value()).map(c -> " (" + c.ruleFile() + ")").orElse(""));
            }
        }
    }

    private static void indexDrl(Drl drl, PackageDescr pkg, DrlGate.Findings findings, Map<RuleSet.Key, RuleRef> locations,
                                 List<LoadedRule> loaded, Problems problems) {
        List<RuleDescr> rules = pkg.getRules();
        for (int i = 0; i < rules.size(); i++) {
            RuleDescr rule = rules.get(i);
            RuleRef ref = new RuleRef(rule.getName(), drl.file(), rule.getLine());
            RuleRef earlier = locations.putIfAbsent(new RuleSet.Key(pkg.getName(), rule.getName()), ref);
            if (earlier != null) {
                problems.error(ref.file(), ref.line(), rule.getColumn() + 1, "a rule named \"" + rule.getName()
                        + "\" already exists at " + earlier.file() + ":" + earlier.line());
            }
            int from = rule.getLine();
            int to = i + 1 < rules.size() ? rules.get(i + 1).getLine() : Integer.MAX_VALUE;
            Set<String> params = new TreeSet<>();
            findings.textTests().stream().filter(u -> u.function().equals("find") && u.line() >= from && u.line() < to)
                    .forEach(u -> params.addAll(namedGroups(u.value())));
            findings.conclusionParams().stream().filter(u -> u.line() >= from && u.line() < to)
                    .forEach(u -> params.add(u.value()));
            loaded.add(new LoadedRule(ref, rule.getColumn() + 1, drl.category(), Set.copyOf(params), null));
        }
    }

    private static Set<String> namedGroups(String pattern) {
        try {
            return Pattern.compile(pattern).namedGroups().keySet();
        } catch (PatternSyntaxException e) {
            return Set.of(); // reported by checkTextTests
        }
    }

    /** Compiles the gated descriptors themselves: Drools never parses the text again. */
    private static KieBase compile(List<PackageDescr> packages, TextPatterns patterns, Problems problems) {
        // The MVEL dialect: the one consequence the gate lets through, conclude(...), needs no Java compiler run
        // per rule, which is most of the time a Java-dialect build takes.
        KnowledgeBuilderConfiguration configuration = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
        configuration.setProperty("drools.dialect.default", "mvel");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(configuration);
        CompositeKnowledgeBuilder batch = builder.batch(); // one build of all files, not one per file
        for (PackageDescr pkg : packages) {
            batch.add(ResourceFactory.newDescrResource(pkg), ResourceType.DESCR);
        }
        batch.build();
        if (builder.hasErrors()) {
            for (KnowledgeBuilderResult error : builder.getErrors()) {
                String file = error.getResource() == null ? "?" : String.valueOf(error.getResource().getSourcePath());
                int[] lines = error.getLines();
                problems.error(file, lines.length > 0 ? Math.max(lines[0], 0) : 0, 0,
                        error.getMessage().strip().replaceAll("\\s+", " "));
            }
            return null;
        }
        KieBase kieBase = builder.newKieBase();
        warmUp(kieBase, patterns);
        return kieBase;
    }

    /**
     * Runs the rules once on a reply no rule matches, so that the class loading and constraint compilation
     * Drools does on first use happen here, not inside the first diagnosis' time budget.
     */
    private static void warmUp(KieBase kieBase, TextPatterns patterns) {
        Reply probe = new Reply(new ReplyParser().parse("421 4.3.0 smtp-doctor warm-up"), patterns,
                new Budget(Duration.ofMinutes(1).toNanos()));
        kieBase.newStatelessKieSession().execute(probe.facts());
    }

    /** A hash of every file's name and content: the same files give the same version. */
    private static String version(List<SourceFile> yamlFiles, List<SourceFile> drlFiles) {
        List<SourceFile> files = new ArrayList<>(yamlFiles);
        files.addAll(drlFiles);
        return SourceFile.digest(files).substring(0, 12);
    }
}
