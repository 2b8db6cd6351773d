package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.samples.KnownUnhandled;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.samples.SampleCoverage;
import org.smtpdoctor.samples.SampleLoader;
import org.smtpdoctor.samples.SampleResult;
import org.smtpdoctor.samples.SampleVerifier;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smtp-doctor verify}: runs every sample case against the rules, reports the known-unhandled cases
 * (which never fail it) and, with {@code --coverage}, the coverage per category and family.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Runs every sample case; prints each failure as file:line: expected X, got Y (rule R).",
                "Cases below unhandled/ are known not to be handled yet: counted, never failing."})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    private EngineOptions engine;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "The sample cases (default: the samples folder beside the rules in use).")
    private Path samples;

    @Option(names = "--coverage",
            description = "Also print rules and samples per category, and per family the deciding layers.")
    private boolean coverage;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path samples = RuleFolders.samplesFor(engine.rulesDirectory(), this.samples);
        if (!Files.isDirectory(samples)) {
            throw new IllegalArgumentException(this.samples != null ? "--samples " + samples + ": no such directory"
                    : "no sample cases at " + samples.toAbsolutePath() + " (the samples folder beside the rules in use):"
                    + " give --samples DIR");
        }
        Diagnoser diagnoser = engine.checkingDiagnoser();
        SampleVerifier verifier = new SampleVerifier(diagnoser);
        Problems problems = new Problems();
        SourceTree tree = SourceTree.of(samples);
        List<SampleCase> cases = SampleLoader.load(tree, problems);
        List<SampleCase> unhandled = SampleLoader.loadUnhandled(tree, problems);
        problems.all().forEach(out::println);
        List<SampleResult> results = verifier.verifyAll(cases);
        results.stream().flatMap(r -> r.report().stream()).forEach(out::println);
        KnownUnhandled.report(verifier.verifyAll(unhandled)).forEach(out::println);
        if (coverage) {
            SampleCoverage.of(diagnoser.taxonomy(), diagnoser.ruleCounts(), results).lines().forEach(out::println);
        }
        Path rules = engine.rulesDirectory();
        List<String> stubs = verifier.unfinishedAdvice().stream()
                .map(line -> rules == null ? line : rules.resolve(line.substring(0, line.indexOf(':'))).normalize()
                        + line.substring(line.indexOf(':'))).toList();
        stubs.forEach(out::println);
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.println("verify: " + (results.size() - failed) + " passed, " + failed + " failed"
                + (stubs.isEmpty() ? "" : "; " + stubs.size() + " advice texts still TODO stubs"));
        out.flush();
        return failed > 0 || !stubs.isEmpty() || problems.hasErrors() ? Main.EXIT_FAILURES : 0;
    }
}
