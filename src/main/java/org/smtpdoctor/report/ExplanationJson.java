package org.smtpdoctor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.smtpdoctor.engine.Explanation;
import org.smtpdoctor.reply.ParsedReply;

/**
 * The JSON form of an {@link Explanation}: the {@code trace} field of {@code diagnose --json --explain}, with
 * {@code reply} (code, enhancedCode, text, stage, exceptions, and {@code quoted}: code, enhancedCode, text and
 * decided, when the text quotes another server's reply), {@code matches} (layer, category, precedence, rule, params,
 * decided; those of the quoted reply when it decided) and {@code why}.
 */
public final class ExplanationJson {
    private final ObjectMapper mapper;

    public ExplanationJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The trace object; {@code why} in English. */
    public ObjectNode toJson(Explanation e) {
        ObjectNode trace = mapper.createObjectNode();
        ParsedReply reply = e.reply();
        ObjectNode parsed = trace.putObject("reply");
        if (reply.code() == 0) {
            parsed.putNull("code");
        } else {
            parsed.put("code", reply.code());
        }
        parsed.put("enhancedCode", reply.enhancedCode() == null ? null : reply.enhancedCode().toString());
        parsed.put("text", reply.text());
        parsed.put("stage", reply.stage() == null ? null : reply.stage().id());
        reply.exceptions().forEach(parsed.putArray("exceptions")::add);
        ParsedReply quoted = reply.quoted();
        if (quoted != null) {
            ObjectNode quote = parsed.putObject("quoted");
            quote.put("code", quoted.code());
            quote.put("enhancedCode", quoted.enhancedCode() == null ? null : quoted.enhancedCode().toString());
            quote.put("text", quoted.text());
            quote.put("decided", e.quoteDecided());
        }
        ArrayNode matches = trace.putArray("matches");
        for (Explanation.Match m : e.matches()) {
            ObjectNode match = matches.addObject();
            match.put("layer", m.layer().id());
            match.put("category", m.category());
            match.put("precedence", m.precedence());
            if (m.source() == null) {
                match.putNull("rule");
            } else {
                match.putObject("rule").put("name", m.source().name()).put("file", m.source().file())
                        .put("line", m.source().line());
            }
            m.params().forEach(match.putObject("params")::put);
            match.put("decided", m.decided());
        }
        trace.put("why", ExplanationReport.why(e, "en"));
        return trace;
    }
}
