package org.smtpdoctor.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.smtpdoctor.batch.BatchRunner;
import org.smtpdoctor.batch.BatchSummary;
import org.smtpdoctor.batch.InputFormat;
import org.smtpdoctor.batch.OutputFormat;
import org.smtpdoctor.source.ProblemsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smtp-doctor spark}: batch as a Spark job. The records are batch's own ({@link RecordJob}); they
 * go out as Parquet or JSON Lines, partitioned as asked, with the summary beside them in
 * {@code OUTPUT/_summary} (a small table) and {@code OUTPUT/_summary.json} (batch's {@code --summary}).
 *
 * <p>Runs from the launcher ({@code ./smtp-doctor spark --master 'local[2]' ...}) or from
 * {@code spark-submit --class org.smtpdoctor.spark.SparkJob}; tests call {@link #execute} on their own session.
 */
@Command(name = "smtp-doctor spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Diagnoses logs as an Apache Spark job: the records of `batch` (one per input line, plus",
                "file and line), written as Parquet or JSON Lines, with the summary in OUTPUT/_summary."})
public final class SparkJob implements Callable<Integer> {
    static final int EXIT_UNUSABLE = 2;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] (default: what spark-submit sets).")
    private String master;

    @Option(names = "--input", paramLabel = "PATH", arity = "1..*", required = true,
            description = "Inputs: files, directories or globs on any file system Spark reads (.gz is decompressed).")
    private List<String> inputPaths = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", required = true, description = "The output directory (must not exist, unless --overwrite).")
    private String output;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "parquet or jsonl (default: ${DEFAULT-VALUE}).")
    private Output out;

    @Option(names = "--partition-by", paramLabel = "COLUMN", split = ",",
            description = "Output columns to partition the output directory by, e.g. category or file.")
    private List<String> partitionBy = new ArrayList<>();

    @Option(names = "--overwrite", description = "Replace an existing output directory.")
    private boolean overwrite;

    @Option(names = "--input-format", paramLabel = "FORMAT", defaultValue = "plain",
            description = "plain (one error a line), jsonl, csv, postfix or exim (default: ${DEFAULT-VALUE}).")
    private InputFormat input;

    @Option(names = "--field", paramLabel = "NAME", description = "jsonl: the field with the error text (dotted path).")
    private String field;

    @Option(names = "--column", paramLabel = "NAME", description = "csv: the column with the error text.")
    private String column;

    @Option(names = "--keep", paramLabel = "NAME", split = ",",
            description = "Input fields (jsonl) or columns (csv) to carry into each record.")
    private List<String> keep = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "${sys:smtpdoctor.rules}",
            description = "Rules and catalogs from DIR (on the driver's machine); default: the checkout's rules/ when"
                    + " run by ./smtp-doctor, else the rules bundled in the jar.")
    private Path rules;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the advice: en or ru.")
    private String language;

    @Option(names = "--split-size", paramLabel = "BYTES",
            description = "Uncompressed line inputs larger than this are read by several tasks (k, m, g suffixes;"
                    + " default: the inputs' size over 4 tasks per core, between 1m and 128m).")
    private String splitSize;

    @Spec
    private CommandSpec spec;

    /** The session tests give; null when this JVM's job makes its own. */
    private SparkSession given;
    private BatchSummary summary;

    public static void main(String[] args) {
        System.exit(commandLine(new SparkJob()).execute(args));
    }

    /**
     * Runs the job on {@code spark} with the command line's options ({@code --master} is ignored).
     *
     * @return the summary of the records written
     * @throws ProblemsException when the rules cannot be loaded (before any task runs)
     */
    public static BatchSummary execute(SparkSession spark, String... args) throws IOException {
        SparkJob job = new SparkJob();
        job.given = spark;
        new CommandLine(job).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
        job.call();
        return job.summary;
    }

    static CommandLine commandLine(SparkJob job) {
        CommandLine cli = new CommandLine(job).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ProblemsException problems) {
                err.println("smtp-doctor spark: the rules cannot be loaded:");
                problems.problems().forEach(err::println);
            } else {
                err.println("smtp-doctor spark: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            }
            err.flush();
            return EXIT_UNUSABLE;
        });
        return cli;
    }

    @Override
    public Integer call() throws IOException {
        BatchRunner.Options options = options();
        // The rules are read and built on the driver while Spark starts (both take seconds, mostly on one
        // core each); a rule set that does not load stops the job below, before any task. In local mode
        // the tasks then find the engine built; on a cluster each executor builds its own, once.
        long started = System.nanoTime();
        FutureTask<RuleBundle> loading = new FutureTask<>(() -> {
            RuleBundle loaded = rules == null ? RuleBundle.bundled() : RuleBundle.load(rules);
            loaded.diagnoser();
            return loaded;
        });
        Thread loader = new Thread(loading, "smtp-doctor rules");
        loader.setDaemon(true);
        loader.start();
        SparkSession spark = given != null ? given : session();
        RuleBundle bundle;
        try {
            bundle = rulesOf(loading);
            if (language != null && !bundle.diagnoser().taxonomy().languages().contains(language)) {
                throw new IllegalArgumentException("--lang " + language + ": the catalog has "
                        + String.join(", ", bundle.diagnoser().taxonomy().languages()));
            }
        } catch (RuntimeException e) {
            if (given == null) {
                spark.stop();
            }
            throw e;
        }
        try {
            RecordJob job = new RecordJob(spark, bundle, options);
            List<InputPiece> pieces = Inputs.plan(spark, inputPaths, options.input(), splitBytes(spark));
            Dataset<Row> records = job.records(pieces);
            write(spark, records, options, out);
            summary = job.summary();
            writeSummary(spark, out);
            if (given == null) {
                double seconds = (System.nanoTime() - started) / 1e9;
                PrintWriter err = spec.commandLine().getErr();
                err.print(summary.table());
                err.printf("smtp-doctor spark: %,d records from %d pieces in %.1f s (%,.0f records/s; from the job's"
                        + " start to the last record written: Spark's start and the rule build, side by side, included;"
                        + " the JVM's start not)%n", summary.records(), pieces.size(), seconds, summary.records() / seconds);
                err.flush();
            }
            return 0;
        } finally {
            if (given == null) {
                spark.stop();
            }
        }
    }

    /** The loaded rules, or the loader's failure as it was thrown (a ProblemsException with file:line:col). */
    private static RuleBundle rulesOf(FutureTask<RuleBundle> loading) {
        try {
            return loading.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the rules", e);
        }
    }

    private BatchRunner.Options options() {
        Locale locale = language == null ? null : Locale.forLanguageTag(language);
        return new BatchRunner.Options(locale, input, input.fields(field, column, keep),
                OutputFormat.JSONL, 1);
    }

    private SparkSession session() {
        SparkSession.Builder builder = SparkSession.builder().appName("smtp-doctor");
        if (master != null) {
            builder.master(master);
            if (master.startsWith("local")) {
                // Local mode talks to itself only: loopback, and no web UI.
                builder.config("spark.driver.host", "127.0.0.1")
                        .config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.ui.enabled", "false");
            }
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    private long splitBytes(SparkSession spark) {
        if (splitSize != null) {
            return parseBytes(splitSize);
        }
        return -spark.sparkContext().defaultParallelism() * 4L; // negative: tasks wanted; sized on the inputs
    }

    static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        try {
            long bytes = Long.parseLong(digits) * unit;
            if (bytes <= 0) {
                throw new NumberFormatException();
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--split-size " + text + ": expected a positive size such as 64m");
        }
    }

    /** Parquet: typed columns (RecordSchema). JSON Lines: batch's record text itself, line for line. */
    private void write(SparkSession spark, Dataset<Row> records, BatchRunner.Options options, Output out) {
        SaveMode mode = overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
        if (out == Output.JSONL) {
            Dataset<Row> lines = records;
            for (String column : partitionBy) {
                lines = lines.withColumn(column, functions.get_json_object(lines.col("value"), "$." + column));
            }
            lines.write().mode(mode).partitionBy(partitionBy.toArray(String[]::new)).text(output);
        } else {
            Dataset<Row> table = spark.read().schema(RecordSchema.of(options.fields().keep()))
                    .json(records.as(Encoders.STRING()));
            table.write().mode(mode).partitionBy(partitionBy.toArray(String[]::new)).parquet(output);
        }
    }

    /** {@code OUTPUT/_summary}: rows (dimension, key, records) in the output's format; {@code OUTPUT/_summary.json}: batch's summary. */
    private void writeSummary(SparkSession spark, Output out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Dataset<Row> table = spark.createDataFrame(SummaryTable.rows(summary, mapper), SummaryTable.SCHEMA).coalesce(1);
        String path = output + "/_summary";
        if (out == Output.JSONL) {
            table.write().mode(SaveMode.Overwrite).json(path);
        } else {
            table.write().mode(SaveMode.Overwrite).parquet(path);
        }
        org.apache.hadoop.fs.Path json = new org.apache.hadoop.fs.Path(output, "_summary.json");
        FileSystem fs = json.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (OutputStream file = fs.create(json, true)) {
            file.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(summary.toJson(mapper))
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json + ": " + e.getMessage(), e);
        }
    }

    /** How the records are written. */
    enum Output {
        PARQUET, JSONL
    }
}
