package org.smtpdoctor.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.report.DiagnosisJson;

/**
 * Diagnoses a log of error texts, one per line, and writes one JSON Lines record per input line in
 * input order: blank, garbage and undecodable lines included (bytes that are not UTF-8 become U+FFFD).
 */
public final class BatchRunner {
    private final Diagnoser diagnoser;
    private final Locale locale;
    private final ObjectMapper mapper = new ObjectMapper();
    private final DiagnosisJson json = new DiagnosisJson(mapper);
    private final BatchSummary summary = new BatchSummary();

    public BatchRunner(Diagnoser diagnoser, Locale locale) {
        this.diagnoser = diagnoser;
        this.locale = locale;
    }

    /**
     * Reads {@code in} to its end, writing a record per line to {@code out}.
     *
     * @param name what the records' {@code file} field says ("-" for standard input)
     */
    public void run(String name, InputStream in, Writer out) throws IOException {
        LineReader lines = new LineReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long number = 0;
        for (String line = lines.next(); line != null; line = lines.next()) {
            number++;
            Diagnosis d = diagnoser.diagnose(line);
            ObjectNode record = mapper.createObjectNode();
            record.put("file", name);
            record.put("line", number);
            json.fill(record, d, locale);
            out.write(mapper.writeValueAsString(record));
            out.write('\n');
            summary.count(d.category(), d.basis().id());
        }
    }

    /** The counts so far, over every input run through this runner. */
    public BatchSummary summary() {
        return summary;
    }
}
