package org.smtpdoctor.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.smtpdoctor.engine.Basis;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.reply.ReplyTemplate;

/**
 * What a batch run does to its records, without the run around it: reads one input's records, diagnoses
 * them and renders them in the output format, counting them into a
 * {@link BatchSummary}. {@link BatchRunner} runs it over its pipeline; other runners (the Spark job) call
 * {@link #read} on an input or on a piece of one, and get the very records {@code batch} writes.
 *
 * <p>Thread-safe: one instance per rule set and options may serve every thread of a JVM.
 */
public final class BatchRecords {
    private final Diagnoser diagnoser;
    private final BatchRunner.Options options;
    private final OutputFormat.Writer records;
    private final AdviceDictionary dictionary;

    public BatchRecords(Diagnoser diagnoser, BatchRunner.Options options) {
        this.diagnoser = diagnoser;
        this.options = options;
        this.dictionary = new AdviceDictionary(options.locale());
        this.records = options.output().writer(options.locale(), options.fields().keep(), options.records(), dictionary);
    }

    /** The advice that compact records leave out, per category met so far (empty unless compact). */
    public AdviceDictionary dictionary() {
        return dictionary;
    }

    /** What the output starts with: the CSV header, or nothing. */
    byte[] header() {
        return records.header();
    }

    /**
     * Reads the records of one input, or of a piece of it that starts at a line boundary.
     *
     * @param file        the input's name, as records give it
     * @param in          the input's bytes (decompressed), from the piece's first line on; closed by {@link Chunks#close}
     * @param linesBefore lines of the input before the piece (0 for a whole input): the first line read is
     *                    line {@code linesBefore + 1}. Only line formats can start after line 0; CSV cannot
     *                    (its header is its first line).
     */
    public Chunks read(String file, InputStream in, long linesBefore) {
        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        return new Chunks(options.input().open(file, reader, options.fields(), linesBefore), reader);
    }

    /** Diagnoses and renders {@code entries} (one chunk), counting them into {@code counts}. */
    byte[] render(List<LogEntry> entries, BatchSummary counts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entries.size() * 1024);
        try (OutputFormat.Sink sink = records.open(bytes)) {
            for (LogEntry entry : entries) {
                if (entry.problem() != null) {
                    sink.unreadable(entry);
                    counts.countUnreadable();
                    continue;
                }
                Diagnosis d;
                try {
                    d = diagnoser.diagnose(entry.text());
                } catch (RuntimeException e) {
                    // One line the engine cannot handle costs that line, not the run: its record says why.
                    sink.unreadable(new LogEntry(entry.file(), entry.line(), null, entry.kept(),
                            "diagnosis failed: " + e, entry.overlong()));
                    counts.countUnreadable();
                    continue;
                }
                sink.record(entry, d);
                if (BatchSummary.isBlank(entry.text())) {
                    // Its record keeps the line's place; an empty line is no error nobody recognised.
                    counts.countBlank(entry.overlong());
                    continue;
                }
                counts.count(d, entry.overlong());
                if (d.basis().isUntaught()) {
                    counts.unknowns().count(ReplyTemplate.of(d.input()), d.input(), d.category());
                }
            }
        }
        return bytes.toByteArray();
    }

    /** One input's records, read and rendered a chunk at a time. */
    public final class Chunks implements AutoCloseable {
        private final EntrySource source;
        private final AutoCloseable input;
        private boolean ended;

        private Chunks(EntrySource source, AutoCloseable input) {
            this.source = source;
            this.input = input;
        }

        /**
         * The next chunk's records as rendered bytes (JSON Lines: one record a line), counted into
         * {@code counts}; null after the last. The input's lines that are no records (mail log lines that
         * are not errors) are counted with the last chunk.
         */
        public byte[] next(BatchSummary counts) throws IOException {
            if (ended) {
                return null;
            }
            List<LogEntry> chunk = next();
            if (ended) {
                counts.countOtherLines(source.otherLines());
                if (chunk.isEmpty()) {
                    return null;
                }
            }
            return render(chunk, counts);
        }

        /** The next entries: up to {@link BatchRunner#CHUNK_RECORDS} records or {@link BatchRunner#CHUNK_CHARS} characters; {@link #ended} after the last. */
        List<LogEntry> next() throws IOException {
            List<LogEntry> chunk = new ArrayList<>(BatchRunner.CHUNK_RECORDS);
            long chars = 0;
            while (chunk.size() < BatchRunner.CHUNK_RECORDS && chars < BatchRunner.CHUNK_CHARS) {
                LogEntry entry = source.next();
                if (entry == null) {
                    ended = true;
                    return chunk;
                }
                chunk.add(entry);
                chars += entry.text() == null ? 0 : entry.text().length();
            }
            return chunk;
        }

        /** Lines read that are no records (mail log formats), so far. */
        long otherLines() {
            return source.otherLines();
        }

        boolean ended() {
            return ended;
        }

        @Override
        public void close() throws IOException {
            try {
                input.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
