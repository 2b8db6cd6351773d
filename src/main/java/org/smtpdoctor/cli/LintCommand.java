package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.authoring.RuleLinter;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.SourceTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor lint}: every problem of a rules folder and its sample cases, one per line. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Checks rules, catalogs and sample cases; prints each problem as path:line:col: error|warning: message.",
                "Exit 1 when there is an error (warnings alone exit 0)."})
final class LintCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "The rules folder (default: ${DEFAULT-VALUE}).")
    private Path rules;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "samples",
            description = "The sample cases (default: ${DEFAULT-VALUE}); skipped when the folder does not exist.")
    private Path samples;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(rules)) {
            throw new IllegalArgumentException("--rules " + rules + ": no such directory");
        }
        SourceTree sampleTree = Files.isDirectory(samples) ? SourceTree.of(samples) : null;
        List<Problem> problems = RuleLinter.lint(SourceTree.of(rules), sampleTree);
        PrintWriter out = spec.commandLine().getOut();
        problems.forEach(out::println);
        out.flush();
        long errors = problems.stream().filter(Problem::isError).count();
        PrintWriter err = spec.commandLine().getErr();
        err.println("lint: " + errors + " errors, " + (problems.size() - errors) + " warnings"
                + (sampleTree == null ? " (no samples folder " + samples + ")" : ""));
        err.flush();
        return errors > 0 ? Main.EXIT_FAILURES : 0;
    }
}
