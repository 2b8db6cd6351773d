package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.authoring.RuleLinter;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.SourceTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor lint}: every problem of a rules folder and its sample cases, one per line. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Checks rules, catalogs and sample cases; prints each problem as",
                "path:line:col: error|warning: message.",
                "Exit 1 when there is an error (warnings alone exit 0)."})
final class LintCommand implements Callable<Integer> {
    @Mixin
    private RuleFolders folders;

    @Option(names = "--show-drl", arity = "0..1", paramLabel = "CATEGORY", fallbackValue = "",
            description = "First print the Drools rules the YAML rules become (all, or one category's).")
    private String showDrl;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path rules = folders.rules();
        Path samples = folders.samplesIfAny(); // without it, lint checks the rules alone
        PrintWriter out = spec.commandLine().getOut();
        if (showDrl != null) {
            out.print(RuleLinter.generatedDrl(SourceTree.of(rules), showDrl.isEmpty() ? null : showDrl));
        }
        List<Problem> problems = RuleLinter.lint(SourceTree.of(rules), samples == null ? null : SourceTree.of(samples));
        problems.forEach(out::println);
        out.flush();
        long errors = problems.stream().filter(Problem::isError).count();
        PrintWriter err = spec.commandLine().getErr();
        err.println("lint: " + errors + " errors, " + (problems.size() - errors) + " warnings"
                + (samples == null ? " (no samples folder: rules checked alone)" : ""));
        err.flush();
        return errors > 0 ? Main.EXIT_FAILURES : 0;
    }
}
