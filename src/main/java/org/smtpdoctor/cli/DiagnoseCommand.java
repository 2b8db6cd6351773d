package org.smtpdoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.engine.Explanation;
import org.smtpdoctor.report.DiagnosisJson;
import org.smtpdoctor.reply.LoggedTexts;
import org.smtpdoctor.report.ExplanationJson;
import org.smtpdoctor.report.ExplanationReport;
import org.smtpdoctor.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor diagnose}: advice for error texts given as arguments or on standard input. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnoses each TEXT; without TEXT, each line of standard input (a stack trace is one text;",
                "all of standard input is one with --one).",
                "Example: smtp-doctor diagnose --lang ru \"535 5.7.8 Error: authentication failed\""})
final class DiagnoseCommand implements Callable<Integer> {
    /** How much of a long input (a stack trace) the readable output repeats above its diagnosis. */
    private static final int ECHO_LIMIT = 300;

    @Mixin
    private EngineOptions engine;

    @Option(names = "--json", description = "One JSON object per input, one per line.")
    private boolean json;

    @Option(names = "--explain", description = "Also show every rule and code table entry that matched and why one"
            + " decided (with --json: a 'trace' field).")
    private boolean explain;

    @Option(names = "--one", description = "Read all of standard input as one text (a pasted stack trace or multi-line reply).")
    private boolean one;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Error texts, each one argument (quote them).")
    private List<String> texts = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isBlank()) {
                err.println("smtp-doctor diagnose: nothing to diagnose: TEXT " + (i + 1) + " is empty"
                        + " (give the error text in quotes, or no TEXT to read standard input)");
                err.flush();
                return Main.EXIT_UNUSABLE;
            }
        }
        Diagnoser diagnoser = engine.diagnoser();
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        DiagnosisJson jsonForm = new DiagnosisJson(mapper);
        ExplanationJson traceForm = new ExplanationJson(mapper);
        boolean first = true;
        for (Iterator<String> inputs = inputs(err); inputs.hasNext(); ) {
            String text = inputs.next();
            Explanation explanation = explain ? diagnoser.explain(text) : null;
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
                out.print(explanation != null ? ExplanationReport.render(explanation, engine.locale())
                        : TextReport.render(d, engine.locale()));
            }
            first = false;
        }
        out.flush();
        if (first) {
            err.println("smtp-doctor diagnose: nothing to diagnose: standard input was empty"
                    + " (give the error text as an argument, or pipe it in)");
            err.flush();
            return Main.EXIT_UNUSABLE;
        }
        return 0;
    }

    private static String abbreviate(String text) {
        return text.length() <= ECHO_LIMIT ? text : text.substring(0, ECHO_LIMIT) + " …";
    }

    /** The TEXT arguments, else the texts of standard input (a hint first when a person is to type them). */
    private Iterator<String> inputs(PrintWriter err) {
        if (!texts.isEmpty()) {
            return texts.iterator();
        }
        if (System.console() != null) {
            err.println("Paste the error text (a line, or a whole stack trace), then press Ctrl-D on an empty line"
                    + " (Ctrl-Z and Enter on Windows).");
            err.flush();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (one) {
            String all = in.lines().collect(Collectors.joining("\n"));
            return all.isBlank() ? Collections.emptyIterator() : List.of(all).iterator();
        }
        return new LoggedTexts(in);
    }
}
