package org.smtpdoctor.report;

import java.util.Locale;
import java.util.Map;
import org.smtpdoctor.check.AttemptSummary;
import org.smtpdoctor.check.CheckReport;
import org.smtpdoctor.check.Endpoint;
import org.smtpdoctor.check.StepResult;

/** The readable form of a check: one line per step, then the diagnosis or a clean bill, then a recommendation. */
public final class CheckText {
    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "en", Map.of("checking", "Checking %s port %d (%s)", "clean",
                    "All steps passed: the account works with these settings.",
                    "recommended", "Settings that work: port %d, %s", "none-found",
                    "No usual port and security combination worked.", "tried", "Tried",
                    "ssl", "SSL/TLS from the start", "starttls", "STARTTLS", "none", "no encryption"),
            "ru", Map.of("checking", "Проверка %s, порт %d (%s)", "clean",
                    "Все шаги пройдены: с этими настройками учетная запись работает.",
                    "recommended", "Работающие настройки: порт %d, %s", "none-found",
                    "Ни одно из обычных сочетаний порта и шифрования не сработало.", "tried", "Проверено",
                    "ssl", "SSL/TLS с самого начала", "starttls", "STARTTLS", "none", "без шифрования"));

    private CheckText() {
    }

    /** Renders the report; advice and labels in {@code locale}'s language (English when it has none). */
    public static String render(CheckReport report, Locale locale) {
        String language = report.diagnosis() != null
                ? report.diagnosis().advice(locale).language()
                : (locale != null && WORDS.containsKey(locale.getLanguage()) ? locale.getLanguage() : "en");
        Map<String, String> words = WORDS.getOrDefault(language, WORDS.get("en"));
        StringBuilder out = new StringBuilder();
        Endpoint endpoint = report.endpoint();
        out.append(String.format(words.get("checking"), report.host(), endpoint.port(),
                words.get(endpoint.security().id()))).append('\n');
        for (StepResult step : report.steps()) {
            out.append(String.format("  %-4s %-12s %6d ms  %s%n", step.ok() ? "ok" : "FAIL", step.name(),
                    step.millis(), oneLine(step.detail())));
        }
        out.append('\n');
        if (report.ok()) {
            out.append(words.get("clean")).append('\n');
        } else {
            out.append(TextReport.render(report.diagnosis(), locale));
        }
        if (!report.attempts().isEmpty()) {
            out.append('\n').append(words.get("tried")).append(':');
            for (AttemptSummary a : report.attempts()) {
                out.append(' ').append(a.endpoint()).append(a.works() ? " ok" : " (" + a.category() + ")").append(';');
            }
            out.setLength(out.length() - 1);
            out.append('\n');
        }
        if (report.recommended() != null) {
            out.append(String.format(words.get("recommended"), report.recommended().port(),
                    words.get(report.recommended().security().id()))).append('\n');
        } else if (!report.attempts().isEmpty()) {
            out.append(words.get("none-found")).append('\n');
        }
        return out.toString();
    }

    private static String oneLine(String detail) {
        String line = detail.replaceAll("\\s*\\R\\s*", " | ");
        return line.length() > 160 ? line.substring(0, 160) + " …" : line;
    }
}
