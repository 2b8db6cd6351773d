package org.smtpdoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.smtpdoctor.batch.BatchRunner;
import org.smtpdoctor.batch.BatchSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smtp-doctor batch}: one JSON Lines record per input line, and a summary. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Diagnoses logs with one error text per line, writing one JSON record per line.",
                "Records keep input order; blank and garbage lines get one too. A count per category goes to",
                "standard error (or to --summary FILE as JSON)."})
final class BatchCommand implements Callable<Integer> {
    @Mixin
    private EngineOptions engine;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the records to FILE (complete or not at all) instead of standard output.")
    private Path output;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the summary to FILE as JSON.")
    private Path summaryFile;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files; - for standard input.")
    private List<String> files = new ArrayList<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        for (String file : files) {
            if (!file.equals("-") && !Files.isReadable(Path.of(file))) {
                err.println("smtp-doctor batch: cannot open input " + file + ": "
                        + (Files.exists(Path.of(file)) ? "not readable" : "no such file"));
                err.flush();
                return Main.EXIT_UNUSABLE;
            }
        }
        BatchRunner runner = new BatchRunner(engine.diagnoser(), engine.locale());
        if (output == null) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            runAll(runner, out);
            out.flush();
        } else {
            writeAtomically(runner);
        }
        writeSummary(runner.summary(), err);
        return 0;
    }

    private void runAll(BatchRunner runner, Writer out) throws IOException {
        for (String file : files) {
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
                runner.run(file, in, out);
            }
        }
    }

    /** A partial file never takes the output's name: records go to a temporary file, renamed when complete. */
    private void writeAtomically(BatchRunner runner) throws IOException {
        Path target = output.toAbsolutePath();
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                runAll(runner, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void writeSummary(BatchSummary summary, PrintWriter err) throws IOException {
        if (summaryFile == null) {
            err.print(summary.table());
            err.flush();
            return;
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("records", summary.records());
        summary.categories().forEach(node.putObject("categories")::put);
        summary.bases().forEach(node.putObject("bases")::put);
        mapper.writerWithDefaultPrettyPrinter().writeValue(summaryFile.toFile(), node);
    }
}
