package org.smtpdoctor.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What {@code /metrics} shows, in Prometheus text format: requests by route, method and status, their latency,
 * diagnoses per category (API and batch alike), the rule set version serving (an info metric: value 1, the version
 * as label) and the reloads. Labels are bounded: routes are the desk's own (any other
 * path is {@code other}), categories are the taxonomy's. A registry of its own, not the global one, so two
 * servers in one JVM (tests) do not share counts.
 */
final class DeskMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("smtpdoctor_http_requests_total")
            .help("HTTP requests answered").labelNames("route", "method", "status").register(registry);
    private final Histogram latency = Histogram.builder().name("smtpdoctor_http_request_duration_seconds")
            .help("Time to answer an HTTP request").labelNames("route").classicOnly()
            .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10)
            .register(registry);
    private final Counter diagnoses = Counter.builder().name("smtpdoctor_diagnoses_total")
            .help("Diagnoses made, per category").labelNames("category").register(registry);
    private final Info ruleSet = Info.builder().name("smtpdoctor_rule_set")
            .help("The rule set version serving").labelNames("version").register(registry);
    private final Counter reloads = Counter.builder().name("smtpdoctor_rule_set_reloads_total")
            .help("Rule set changes on disk, by outcome (loaded, or refused: the last good set kept serving)")
            .labelNames("outcome").register(registry);
    private final Counter saves = Counter.builder().name("smtpdoctor_rules_taught_total")
            .help("Rules saved through POST /api/rules, by outcome").labelNames("outcome").register(registry);

    DeskMetrics(String version) {
        ruleSet.setLabelValues(version);
    }

    void request(String route, String method, int status, long nanos) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        latency.labelValues(route).observe(nanos / 1e9);
    }

    void diagnosed(String category, long count) {
        diagnoses.labelValues(category).inc(count);
    }

    synchronized void reloaded(String version) {
        ruleSet.setLabelValues(version);
        reloads.labelValues("loaded").inc();
    }

    void refused() {
        reloads.labelValues("refused").inc();
    }

    void saved(String outcome) {
        saves.labelValues(outcome).inc();
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String contentType() {
        return PrometheusTextFormatWriter.create().getContentType();
    }
}
