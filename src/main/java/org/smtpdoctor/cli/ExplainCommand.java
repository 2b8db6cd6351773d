package org.smtpdoctor.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Explanation;
import org.smtpdoctor.report.ExplanationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor explain}: how a text was diagnosed, for rule authors. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Shows how each TEXT is diagnosed, for rule authors.",
                "The parsed reply, every rule and code table entry that matched (file:line, extracted values),",
                "which one decided and why, and the advice; with --drl, the Drools rules the YAML rules became.",
                "Example: smtp-doctor explain --rules rules \"535 5.7.8 Error: authentication failed\""})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    private EngineOptions engine;

    @Option(names = "--drl", description = "Also print the Drools rule each matching YAML rule compiled to, with its wordings.")
    private boolean drl;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "Error texts, each one argument (quote them).")
    private List<String> texts = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Diagnoser diagnoser = engine.diagnoser();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < texts.size(); i++) {
            if (i > 0) {
                out.println();
            }
            Explanation explanation = diagnoser.explain(texts.get(i));
            out.println("> " + explanation.diagnosis().input()); // credentials masked
            out.print(ExplanationReport.render(explanation, engine.locale()));
            if (drl) {
                explanation.matches().stream().filter(m -> m.source() != null)
                        .map(m -> diagnoser.generatedDrl(m.source().name())).filter(java.util.Objects::nonNull)
                        .distinct().forEach(rule -> out.print("\n" + rule));
            }
        }
        out.flush();
        return 0;
    }
}
