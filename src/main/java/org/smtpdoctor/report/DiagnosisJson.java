package org.smtpdoctor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.smtpdoctor.catalog.Advice;
import org.smtpdoctor.engine.Diagnosis;

/**
 * The JSON form of a diagnosis. Field names are an interface other tools read: {@code input}, {@code category},
 * {@code basis}, {@code code}, {@code enhancedCode}, {@code rule}, {@code retry}, {@code actor}, {@code title},
 * {@code explanation}, {@code remedy}, {@code params}, {@code secondary}; then {@code codeMeaning},
 * {@code links}, {@code language}, {@code ruleSetVersion}, {@code truncated} and {@code stage}
 * (the SMTP stage, or null).
 */
public final class DiagnosisJson {
    private final ObjectMapper mapper;

    public DiagnosisJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A JSON object for {@code d}, with advice in {@code locale}'s language. */
    public ObjectNode toJson(Diagnosis d, Locale locale) {
        ObjectNode node = mapper.createObjectNode();
        fill(node, d, locale);
        return node;
    }

    /** Adds the diagnosis fields to {@code node} (after whatever it already holds, such as {@code line}). */
    public void fill(ObjectNode node, Diagnosis d, Locale locale) {
        fill(node, d, locale, true);
    }

    /**
     * Adds the diagnosis fields to {@code node}; without the advice fields ({@code title}, {@code explanation},
     * {@code remedy}, {@code links}, {@code language}) when {@code withAdvice} is false, which then costs no
     * rendering.
     */
    public void fill(ObjectNode node, Diagnosis d, Locale locale, boolean withAdvice) {
        Advice advice = withAdvice ? d.advice(locale) : null;
        node.put("input", d.input());
        node.put("category", d.category());
        node.put("basis", d.basis().id());
        if (d.code() == 0) {
            node.putNull("code");
        } else {
            node.put("code", d.code());
        }
        node.put("enhancedCode", d.enhancedCode() == null ? null : d.enhancedCode().toString());
        if (d.rule() == null) {
            node.putNull("rule");
        } else {
            ObjectNode rule = node.putObject("rule");
            rule.put("name", d.rule().name());
            rule.put("file", d.rule().file());
            rule.put("line", d.rule().line());
        }
        node.put("retry", d.retry().id());
        node.put("actor", d.actor().id());
        if (advice != null) {
            node.put("title", advice.title());
            node.put("explanation", advice.explanation());
            advice.remedy().forEach(node.putArray("remedy")::add);
        }
        ObjectNode params = node.putObject("params");
        d.params().forEach(params::put);
        d.secondary().forEach(node.putArray("secondary")::add);
        node.put("codeMeaning", d.codeMeaning(locale));
        if (advice != null) {
            advice.links().forEach(node.putArray("links")::add);
            node.put("language", advice.language());
        }
        node.put("ruleSetVersion", d.ruleSetVersion());
        node.put("truncated", d.truncated());
        node.put("stage", d.stage() == null ? null : d.stage().id());
    }
}
