package org.smtpdoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.engine.Explanation;
import org.smtpdoctor.report.DiagnosisJson;
import org.smtpdoctor.report.ExplanationJson;
import org.smtpdoctor.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor diagnose}: advice for error texts given as arguments or on standard input. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnoses each TEXT; without TEXT, each line of standard input (or all of it with --one).",
                "Example: smtp-doctor diagnose --lang ru \"535 5.7.8 Error: authentication failed\""})
final class DiagnoseCommand implements Callable<Integer> {
    /** How much of a long input (a stack trace) the readable output repeats above its diagnosis. */
    private static final int ECHO_LIMIT = 300;

    @Mixin
    private EngineOptions engine;

    @Option(names = "--json", description = "One JSON object per input, one per line.")
    private boolean json;

    @Option(names = "--explain", description = "With --json: add a 'trace' field (every match and why one decided).")
    private boolean explain;

    @Option(names = "--one", description = "Read all of standard input as one text (a pasted stack trace or multi-line reply).")
    private boolean one;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Error texts, each one argument (quote them).")
    private List<String> texts = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Diagnoser diagnoser = engine.diagnoser();
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        DiagnosisJson jsonForm = new DiagnosisJson(mapper);
        ExplanationJson traceForm = new ExplanationJson(mapper);
        boolean first = true;
        for (String text : inputs()) {
            Explanation explanation = explain && json ? diagnoser.explain(text) : null;
            Diagnosis d = explanation != null ? explanation.diagnosis() : diagnoser.diagnose(text);
            if (json) {
                ObjectNode record = jsonForm.toJson(d, engine.locale());
                if (explanation != null) {
                    record.set("trace", traceForm.toJson(explanation));
                }
                out.println(mapper.writeValueAsString(record));
            } else {
                if (!first) {
                    out.println();
                }
                out.println("> " + abbreviate(text.strip().replaceAll("\\s*\\R\\s*", " ")));
                out.print(TextReport.render(d, engine.locale()));
            }
            first = false;
        }
        out.flush();
        return 0;
    }

    private static String abbreviate(String text) {
        return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + " …";
    }

    private List<String> inputs() throws Exception {
        if (!texts.isEmpty()) {
            return texts;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (one) {
            return List.of(in.lines().collect(Collectors.joining("\n")));
        }
        return in.lines().toList();
    }
}
