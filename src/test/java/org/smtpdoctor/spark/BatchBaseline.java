package org.smtpdoctor.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.smtpdoctor.batch.BatchInput;
import org.smtpdoctor.batch.BatchRunner;
import org.smtpdoctor.batch.InputFormat;
import org.smtpdoctor.batch.OutputFormat;
import org.smtpdoctor.engine.Diagnoser;

/** What {@code batch} writes for the same inputs, in this test run: the records the Spark job must equal. */
final class BatchBaseline {
    private static Diagnoser bundled;

    private BatchBaseline() {
    }

    static synchronized Diagnoser bundledRules() {
        if (bundled == null) {
            bundled = Diagnoser.builder().build();
        }
        return bundled;
    }

    /** batch's JSON Lines records of {@code files}, in batch's order. */
    static List<String> records(Diagnoser diagnoser, InputFormat format, InputFormat.Fields fields, Locale locale, Path... files)
            throws IOException {
        BatchRunner runner = new BatchRunner(diagnoser, new BatchRunner.Options(locale, format, fields, OutputFormat.JSONL, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runner.run(java.util.Arrays.stream(files).map(f -> BatchInput.of(f.toString(), null)).toList(), out, n -> { });
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    static List<String> records(Path... files) throws IOException {
        return records(bundledRules(), InputFormat.PLAIN, new InputFormat.Fields(null, null, List.of()), null, files);
    }
}
