package org.smtpdoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.batch.BatchInput;
import org.smtpdoctor.batch.BatchRunner;
import org.smtpdoctor.batch.BatchSummary;
import org.smtpdoctor.batch.OutputFormat;
import org.smtpdoctor.batch.RecordFields;
import org.smtpdoctor.batch.UnknownsYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor batch}: one record per input record, in order, and a summary. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Diagnoses logs, writing one record (JSON Lines or CSV) per input line, in input order.",
                "Blank, garbage, overlong and malformed lines get one too; mail logs (--input-format postfix|exim)",
                "get one per error entry. Counts go to standard error (or to --summary FILE as JSON)."})
final class BatchCommand implements Callable<Integer> {
    @Mixin
    private EngineOptions engine;

    @Mixin
    private InputOptions input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "Output format: jsonl or csv (default: ${DEFAULT-VALUE}).")
    private String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the records to FILE (complete or not at all) instead of standard output.")
    private Path output;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the summary to FILE as JSON.")
    private Path summaryFile;

    @Option(names = "--unknowns", paramLabel = "FILE",
            description = "Write the unrecognised replies, grouped by template, to FILE as sample-case YAML.")
    private Path unknownsFile;

    @Option(names = "--fields", paramLabel = "NAME", split = ",",
            description = "Only these record fields (after file, line and the --keep ones; error when a line cannot be "
                    + "read), in the format's order, e.g. --fields category,code,enhancedCode,stage,params.")
    private List<String> fields;

    @Option(names = "--compact", description = "Records without their category's advice (title, explanation, remedy, "
            + "links, language) unless it is their own; --dictionary FILE writes it once per category.")
    private boolean compact;

    @Option(names = "--dictionary", paramLabel = "FILE",
            description = "With --compact: write the advice left out, per category id, to FILE as JSON.")
    private Path dictionaryFile;

    @Option(names = "--no-progress", description = "No progress bar (there is none when the output is not a terminal).")
    private boolean noProgress;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat outputFormat = InputOptions.parse(OutputFormat.class, "--format", format);
        RecordFields records = recordFields(outputFormat);
        List<BatchInput> inputs = input.openInputs(System.in, "batch", err);
        if (inputs == null) {
            return Main.EXIT_UNUSABLE;
        }
        BatchRunner runner = new BatchRunner(engine.diagnoser(),
                input.options(engine.locale(), outputFormat, records));
        try (Progress progress = Progress.start(!noProgress, inputs, runner::bytesRead)) {
            if (output == null) {
                OutputStream out = new BufferedOutputStream(NamedOutput.STANDARD, 1 << 16);
                runner.run(inputs, out, progress);
                out.flush();
            } else {
                OutputFiles.writeAtomically(output, out -> runner.run(inputs, out, progress));
            }
        } catch (IOException e) {
            err.println("smtp-doctor batch: " + e.getMessage());
            err.flush();
            return Main.EXIT_UNUSABLE;
        }
        runner.warnings().forEach(warning -> err.println("smtp-doctor batch: warning: " + warning));
        try {
            writeReports(runner, inputs, err);
        } catch (IOException e) {
            err.println("smtp-doctor batch: " + e.getMessage());
            err.flush();
            return Main.EXIT_UNUSABLE;
        }
        return 0;
    }

    /** The fields the options ask for; a usage error (exit 2) names what is wrong. */
    private RecordFields recordFields(OutputFormat outputFormat) {
        if (compact && fields != null) {
            throw new ParameterException(spec.commandLine(), "--compact and --fields do not go together: "
                    + "--compact keeps every field, --fields chooses them");
        }
        if (dictionaryFile != null && !compact) {
            throw new ParameterException(spec.commandLine(), "--dictionary needs --compact (only compact records leave advice out)");
        }
        if (compact) {
            return RecordFields.compactRecords();
        }
        try {
            return fields == null ? RecordFields.every() : RecordFields.of(fields, outputFormat);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--fields: " + e.getMessage());
        }
    }

    private void writeReports(BatchRunner runner, List<BatchInput> inputs, PrintWriter err) throws IOException {
        BatchSummary summary = runner.summary();
        ObjectMapper mapper = new ObjectMapper();
        if (dictionaryFile != null) {
            byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(runner.dictionary().toJson(mapper));
            OutputFiles.writeAtomically(dictionaryFile, out -> out.write(json));
        }
        if (summaryFile == null) {
            err.print(summary.table());
            err.flush();
        } else {
            byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary.toJson(mapper));
            OutputFiles.writeAtomically(summaryFile, out -> out.write(json));
        }
        if (unknownsFile != null) {
            String yaml = UnknownsYaml.of(summary.unknowns().top(Integer.MAX_VALUE), names(inputs));
            OutputFiles.writeAtomically(unknownsFile, out -> out.write(yaml.getBytes(StandardCharsets.UTF_8)));
        }
    }

    static String names(List<BatchInput> inputs) {
        return String.join(" ", inputs.stream().map(BatchInput::name).toList());
    }
}
