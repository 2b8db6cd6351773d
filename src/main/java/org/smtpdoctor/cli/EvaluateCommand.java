package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.samples.HeldOutCase;
import org.smtpdoctor.samples.HeldOutEvaluation;
import org.smtpdoctor.samples.HeldOutLoader;
import org.smtpdoctor.samples.LabelAgreement;
import org.smtpdoctor.samples.SecondLabelling;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code smtp-doctor evaluate}: the rules measured on the held-out set (real texts labelled by hand, never used
 * to write a rule), overall, per kind of source, per language, per family and per file.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measures the rules on the held-out evaluation set: exact category, right family and fallback"
                + " to unknown.*, per kind of source (provider, mta, client-library), per language, family and file.",
                "Exits 1 when a case file is malformed or a label names no category."})
final class EvaluateCommand implements Callable<Integer> {
    /** Where the set lives in a checkout, relative to the folder that holds rules/. */
    static final Path SET_IN_CHECKOUT = Path.of("src", "test", "resources", "evaluation");

    @Mixin
    private EngineOptions engine;

    @Option(names = "--set", paramLabel = "DIR",
            description = "The evaluation cases (default: src/test/resources/evaluation of the checkout whose rules are in use).")
    private Path set;

    @Option(names = "--misses", description = "Also print every case not exactly right, with what the rules said.")
    private boolean misses;

    @Option(names = "--confusion", description = "Also print how many misses each pair of expected and given"
            + " category has (English and other languages apart), without the texts.")
    private boolean confusion;

    @Option(names = "--second-labels", paramLabel = "FILE",
            description = "Also compare a second, blind labelling of some of the set's cases (YAML: labels: case,"
                    + " expect) with the set's own labels and with the rules: how far two readers agree, and the"
                    + " rules' figures where they do.")
    private Path secondLabels;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = set != null ? set : defaultSet();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(set != null ? "--set " + set + ": no such directory"
                    : "no evaluation set at " + folder.toAbsolutePath() + ": give --set DIR");
        }
        Problems problems = new Problems();
        List<HeldOutCase> cases = HeldOutLoader.load(SourceTree.of(folder), problems);
        Diagnoser diagnoser = engine.checkingDiagnoser();
        HeldOutEvaluation evaluation = HeldOutEvaluation.run(diagnoser, cases);
        problems.addAll(evaluation.problems());
        LabelAgreement agreement = secondLabels == null ? null : LabelAgreement.of(evaluation.outcomes(),
                SecondLabelling.load(secondLabelsFile(), problems), diagnoser.taxonomy()::contains);
        if (agreement != null) {
            problems.addAll(agreement.problems());
        }
        problems.all().forEach(out::println);
        evaluation.lines().forEach(out::println);
        if (agreement != null) {
            agreement.lines().forEach(out::println);
        }
        if (confusion) {
            evaluation.confusionLines().forEach(out::println);
        }
        if (misses) {
            evaluation.missLines().forEach(out::println);
        }
        out.flush();
        return problems.hasErrors() ? Main.EXIT_FAILURES : 0;
    }

    /** The --second-labels file, read with the same bound as every rules or samples file. */
    private SourceFile secondLabelsFile() {
        SourceFile read = SourceTree.fileAt(secondLabels);
        if (read == null) {
            throw new IllegalArgumentException("--second-labels " + secondLabels + ": no such file");
        }
        return read;
    }

    /** The set beside the rules in use: the checkout's when run by ./smtp-doctor, else below the working folder. */
    private Path defaultSet() {
        Path rules = engine.rulesDirectory() != null ? engine.rulesDirectory()
                : Path.of(System.getProperty(RuleFolders.RULES_PROPERTY, "rules"));
        Path checkout = rules.toAbsolutePath().normalize().getParent();
        return checkout == null ? SET_IN_CHECKOUT : checkout.resolve(SET_IN_CHECKOUT);
    }
}
