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

/** {@code smtp-doctor new-rule}: a YAML rule (and its sample case) from a reply the tool does not know. */
@Command(name = "new-rule", mixinStandardHelpOptions = true,
        description = {"Adds a rule to the category's YAML file, its wording being the example with addresses, IPs,",
                "hosts, links, numbers and ids as placeholders, and the example as a sample case (in the samples",
                "folder given, or the one beside --rules). For a new category also lists it in categories.yaml and",
                "writes advice stubs marked TODO, which lint reports until they are written. See rules/README.md.",
                "Example: smtp-doctor new-rule --category auth.password-expired \\",
                "           --example \"535 5.7.8 Password expired, change it at https://id.example.net/pw\""})
final class NewRuleCommand implements Callable<Integer> {
    @Option(names = "--category", required = true, paramLabel = "ID",
            description = "The category id, family.name (an existing one, or a new one).")
    private String category;

    @Option(names = "--example", required = true, paramLabel = "TEXT",
            description = "The reply as it appears in the log.")
    private String example;

    @Option(names = "--source", paramLabel = "TEXT",
            description = "Where the reply was seen (default: \"reply given to new-rule on <today>\").")
    private String source;

    @Mixin
    private RuleFolders folders;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path rules = folders.rules();
        Path samples = folders.samples();
        RuleScaffold.Result result = new RuleScaffold(rules, samples).create(category, example, source);
        PrintWriter out = spec.commandLine().getOut();
        for (RuleScaffold.Change change : result.changes()) {
            out.println((change.created() ? "created " : "added to ") + change.file() + ": " + change.what());
        }
        if (result.diagnosedAs() != null) {
            out.println("the example is now diagnosed as " + result.diagnosedAs()
                    + (result.diagnosedAs().equals(result.category().toString()) ? ""
                    : " (not " + result.category() + ": run explain to see which rule wins, and why)"));
        }
        String check = " --rules " + rules + " --samples " + samples;
        out.println(result.newCategory()
                ? "next: write the advice where lint shows TODO (in every language), then: smtp-doctor lint" + check
                        + " && smtp-doctor verify" + check
                : "next: smtp-doctor lint" + check + " && smtp-doctor verify" + check);
        out.flush();
        return 0;
    }
}
