package org.smtpdoctor.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smtpdoctor.batch.BatchInput;
import org.smtpdoctor.batch.BatchRunner;
import org.smtpdoctor.batch.InputFormat;
import org.smtpdoctor.batch.OutputFormat;
import org.smtpdoctor.batch.RecordFields;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What batch-like commands read: the inputs, their format and which fields go along. */
final class InputOptions {
    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "plain",
            description = "plain (one error a line), jsonl, csv, postfix or exim (default: ${DEFAULT-VALUE}).")
    private String inputFormat;

    @Option(names = "--field", paramLabel = "NAME", description = "jsonl: the field with the error text (dotted path).")
    private String field;

    @Option(names = "--column", paramLabel = "NAME", description = "csv: the column with the error text.")
    private String column;

    @Option(names = "--keep", paramLabel = "NAME", split = ",",
            description = "Input fields (jsonl) or columns (csv) to carry into each record, e.g. --keep ts,account.")
    private List<String> keep = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Diagnosing threads (default: one per core).")
    private Integer threads;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Inputs (.gz is decompressed); - for standard input.")
    private List<String> files = new ArrayList<>();

    /**
     * Opens every input; when one cannot be opened, says which on {@code err} (as {@code command}) and
     * returns null, so that the run stops before anything is written.
     */
    List<BatchInput> openInputs(InputStream stdin, String command, PrintWriter err) {
        List<BatchInput> inputs = files.stream().map(f -> BatchInput.of(f, stdin)).toList();
        for (BatchInput in : inputs) {
            if (in.problem() != null) {
                err.println("smtp-doctor " + command + ": cannot open input " + in.name() + ": " + in.problem());
                err.flush();
                return null;
            }
        }
        return inputs;
    }

    BatchRunner.Options options(Locale locale, OutputFormat output) {
        return options(locale, output, RecordFields.every());
    }

    BatchRunner.Options options(Locale locale, OutputFormat output, RecordFields records) {
        InputFormat format = parse(InputFormat.class, "--input-format", inputFormat);
        BatchRunner.Options defaults = BatchRunner.Options.defaults(locale);
        return new BatchRunner.Options(locale, format, format.fields(field, column, keep), output,
                threads == null ? defaults.workers() : threads, records);
    }

    /** An enum constant named on the command line in any case, e.g. {@code jsonl}. */
    static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(option + " " + value + ": expected one of "
                + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
    }
}
