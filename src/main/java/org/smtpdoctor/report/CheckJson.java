package org.smtpdoctor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.smtpdoctor.check.AttemptSummary;
import org.smtpdoctor.check.CheckReport;
import org.smtpdoctor.check.Endpoint;
import org.smtpdoctor.check.StepResult;

/**
 * The JSON form of a check: {@code host}, {@code port}, {@code security}, {@code ok}, {@code steps} (each
 * {@code name}, {@code ok}, {@code millis}, {@code detail}), {@code diagnosis} (the fields of
 * {@link DiagnosisJson}, {@code stage} included, or null when all passed), {@code recommended}
 * ({@code port}, {@code security}, or null) and {@code attempts} (what {@code auto} tried). No password.
 */
public final class CheckJson {
    private final ObjectMapper mapper;
    private final DiagnosisJson diagnosisJson;

    public CheckJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.diagnosisJson = new DiagnosisJson(mapper);
    }

    /** A JSON object for the report, with advice in {@code locale}'s language. */
    public ObjectNode toJson(CheckReport report, Locale locale) {
        ObjectNode node = mapper.createObjectNode();
        node.put("host", report.host());
        node.put("port", report.endpoint().port());
        node.put("security", report.endpoint().security().id());
        node.put("ok", report.ok());
        ArrayNode steps = node.putArray("steps");
        for (StepResult step : report.steps()) {
            ObjectNode s = steps.addObject();
            s.put("name", step.name());
            s.put("ok", step.ok());
            s.put("millis", step.millis());
            s.put("detail", step.detail());
        }
        if (report.diagnosis() == null) {
            node.putNull("diagnosis");
        } else {
            node.set("diagnosis", diagnosisJson.toJson(report.diagnosis(), locale));
        }
        if (report.recommended() == null) {
            node.putNull("recommended");
        } else {
            endpoint(node.putObject("recommended"), report.recommended());
        }
        node.put("verdict", report.verdict().id());
        ArrayNode attempts = node.putArray("attempts");
        for (AttemptSummary attempt : report.attempts()) {
            ObjectNode a = endpoint(attempts.addObject(), attempt.endpoint());
            a.put("works", attempt.works());
            a.put("category", attempt.category());
            a.put("millis", attempt.millis());
        }
        return node;
    }

    private static ObjectNode endpoint(ObjectNode node, Endpoint endpoint) {
        node.put("port", endpoint.port());
        node.put("security", endpoint.security().id());
        return node;
    }
}
