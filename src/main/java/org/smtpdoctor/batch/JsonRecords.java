package org.smtpdoctor.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.report.DiagnosisJson;

/**
 * JSON Lines records: {@code file}, {@code line}, the kept fields, {@code overlong} when the line was cut,
 * then {@code input} and the fields of {@link DiagnosisJson}; a line that could not be read gets
 * {@code error} instead. Everything after {@code input} is the same for all lines diagnosed alike (same
 * category, rule, codes and parameters: most lines of a log), so it is rendered once for them and copied (the
 * advice texts are most of a record's bytes). With {@link RecordFields} chosen, only those fields; compact records leave out the
 * advice the {@link AdviceDictionary} holds.
 */
final class JsonRecords implements OutputFormat.Writer {
    private static final int RENDERED = 4_000;
    private final ObjectMapper mapper = new ObjectMapper();
    private final DiagnosisJson json = new DiagnosisJson(mapper);
    private final Locale locale;
    private final List<String> keep;
    private final RecordFields fields;
    private final AdviceDictionary dictionary;
    /**
     * The part after {@code input} of the diagnoses met lately, by what it is rendered from. Its upkeep is done on the
     * rendering thread, as in the rules' memo ({@code VerdictMemo}): no pool thread woken per record.
     */
    private final Cache<Alike, SerializedString> rest = Caffeine.newBuilder().maximumSize(RENDERED)
            .executor(Runnable::run).build();

    JsonRecords(Locale locale, List<String> keep, RecordFields fields, AdviceDictionary dictionary) {
        this.locale = locale;
        this.keep = keep;
        this.fields = fields;
        this.dictionary = dictionary;
    }

    @Override
    public byte[] header() {
        return new byte[0];
    }

    @Override
    public OutputFormat.Sink open(OutputStream out) throws IOException {
        JsonGenerator generator = mapper.getFactory().createGenerator(out);
        generator.setRootValueSeparator(null);
        return new OutputFormat.Sink() {
            @Override
            public void unreadable(LogEntry entry) throws IOException {
                start(generator, entry);
                generator.writeStringField("error", entry.problem());
                end(generator);
            }

            @Override
            public void record(LogEntry entry, Diagnosis d) throws IOException {
                start(generator, entry);
                if (fields.has("input")) {
                    generator.writeStringField("input", d.input());
                }
                // A SerializedString keeps its UTF-8 bytes: the shared part is encoded once, then copied.
                generator.writeRaw(rest.get(new Alike(d), alike -> afterInput(d)));
                end(generator);
            }

            @Override
            public void close() throws IOException {
                generator.close();
            }
        };
    }

    private void start(JsonGenerator generator, LogEntry entry) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("file", entry.file());
        generator.writeNumberField("line", entry.line());
        for (String name : keep) {
            generator.writeStringField(name, entry.kept().get(name));
        }
        if (entry.overlong() && fields.has("overlong")) {
            generator.writeBooleanField("overlong", true);
        }
    }

    private static void end(JsonGenerator generator) throws IOException {
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    /**
     * Everything a record says after {@code input}: two diagnoses alike in these get the same rest (the rule set's
     * version stands for its catalog, the same for every line of a run but across a reload). Hashed once and
     * compared as written here, for every line, with the key the cache finds.
     */
    private static final class Alike {
        private final Diagnosis d;
        private final int hash;

        Alike(Diagnosis d) {
            this.d = d;
            this.hash = Objects.hash(d.category(), d.basis(), d.code(), d.enhancedCode(), d.params(), d.secondary(),
                    d.rule(), d.stage(), d.truncated(), d.ruleSetVersion());
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Alike other) || hash != other.hash) {
                return false;
            }
            Diagnosis e = other.d;
            return d.code() == e.code() && d.truncated() == e.truncated() && d.basis() == e.basis()
                    && d.stage() == e.stage() && d.category().equals(e.category())
                    && Objects.equals(d.enhancedCode(), e.enhancedCode()) && d.params().equals(e.params())
                    && d.secondary().equals(e.secondary()) && Objects.equals(d.rule(), e.rule())
                    && d.ruleSetVersion().equals(e.ruleSetVersion());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The record's chosen fields after {@code input}, as JSON text starting with a comma (or empty). */
    private SerializedString afterInput(Diagnosis d) {
        ObjectNode node = mapper.createObjectNode();
        boolean adviceLeftOut = fields.compact() && dictionary.holds(d);
        json.fill(node, d, locale, !adviceLeftOut);
        node.remove("input");
        if (!fields.isEvery()) {
            node.retain(fields.chosen());
        }
        String object = node.toString();
        return new SerializedString(node.isEmpty() ? "" : "," + object.substring(1, object.length() - 1));
    }
}
