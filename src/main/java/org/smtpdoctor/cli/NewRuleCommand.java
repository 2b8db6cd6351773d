package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.smtpdoctor.authoring.RuleScaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor new-rule}: the files for a new reply, ready to edit. */
@Command(name = "new-rule", mixinStandardHelpOptions = true,
        description = {"Writes a new rule, its advice stubs (en, ru) and its sample case, ready to edit.",
                "Never overwrites. Then edit the TODOs and run lint and verify (see rules/README.md).",
                "Example: smtp-doctor new-rule --category auth.password-expired",
                "         --example \"535 5.7.8 Password expired\""})
final class NewRuleCommand implements Callable<Integer> {
    @Option(names = "--category", required = true, paramLabel = "ID", description = "The category id, family.name.")
    private String category;

    @Option(names = "--example", required = true, paramLabel = "TEXT",
            description = "The reply as it appears in the log.")
    private String example;

    @Mixin
    private RuleFolders folders;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path rules = folders.rules();
        Path samples = folders.samples();
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : new RuleScaffold(rules, samples).create(category, example)) {
            out.println("wrote " + file);
        }
        out.println("next: edit the TODOs, then run: smtp-doctor lint --rules " + rules + " --samples " + samples
                + " && smtp-doctor verify --rules " + rules + " --samples " + samples);
        out.flush();
        return 0;
    }
}
