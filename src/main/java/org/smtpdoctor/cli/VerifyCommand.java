package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.samples.SampleCase;
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

/** {@code smtp-doctor verify}: runs every sample case against the rules. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Runs every sample case; prints each failure as file:line: expected X, got Y (rule R).")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    private EngineOptions engine;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "samples",
            description = "The sample cases (default: ${DEFAULT-VALUE}).")
    private Path samples;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(samples)) {
            throw new IllegalArgumentException("--samples " + samples + ": no such directory");
        }
        SampleVerifier verifier = new SampleVerifier(engine.diagnoser());
        Problems problems = new Problems();
        List<SampleCase> cases = SampleLoader.load(SourceTree.of(samples), problems);
        problems.all().forEach(out::println);
        List<SampleResult> results = verifier.verifyAll(cases);
        results.stream().flatMap(r -> r.report().stream()).forEach(out::println);
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.println("verify: " + (results.size() - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed > 0 || problems.hasErrors() ? Main.EXIT_FAILURES : 0;
    }
}
