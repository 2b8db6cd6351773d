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
            "en", Map.ofEntries(Map.entry("checking", "Checking %s port %d (%s)"),
                    Map.entry("clean", "All steps passed: the account works with these settings."),
                    Map.entry("works", "Settings that work: port %d, %s"),
                    Map.entry("works-only-unencrypted", "Works only without encryption: port %d. Do not settle for"
                            + " it: the password and the messages would cross the network readable by anyone on the"
                            + " way; ask the provider or the administrator for an encrypted setting."),
                    Map.entry("password-wrong-everywhere", "The password is wrong on every setting that connects:"
                            + " each refused the login (535 5.7.8). Another port or security mode will not help;"
                            + " correct the password."),
                    Map.entry("login-refused-everywhere", "The login is refused on every setting that connects;"
                            + " another port or security mode will not help."),
                    Map.entry("certificate-untrusted", "The encrypted settings fail for the server's certificate"
                            + " (see above); a setting without encryption is no way out: it would send the password"
                            + " readable."),
                    Map.entry("nothing-works", "No usual port and security combination worked."),
                    Map.entry("tried", "Tried"),
                    Map.entry("ssl", "SSL/TLS from the start"), Map.entry("starttls", "STARTTLS"),
                    Map.entry("none", "no encryption")),
            "ru", Map.ofEntries(Map.entry("checking", "Проверка %s, порт %d (%s)"),
                    Map.entry("clean", "Все шаги пройдены: с этими настройками учетная запись работает."),
                    Map.entry("works", "Работающие настройки: порт %d, %s"),
                    Map.entry("works-only-unencrypted", "Работает только без шифрования: порт %d. Не соглашайтесь"
                            + " на это: пароль и письма пойдут по сети в открытом виде, их сможет прочитать любой на"
                            + " пути; попросите у почтового сервиса или администратора настройки с шифрованием."),
                    Map.entry("password-wrong-everywhere", "Пароль неверен на всех настройках, с которыми удаётся"
                            + " подключиться: каждая отклонила вход (535 5.7.8). Другой порт или режим шифрования не"
                            + " поможет; исправьте пароль."),
                    Map.entry("login-refused-everywhere", "Вход отклонён на всех настройках, с которыми удаётся"
                            + " подключиться; другой порт или режим шифрования не поможет."),
                    Map.entry("certificate-untrusted", "Настройки с шифрованием не работают из-за сертификата"
                            + " сервера (см. выше); настройка без шифрования — не выход: пароль пойдёт в открытом"
                            + " виде."),
                    Map.entry("nothing-works", "Ни одно из обычных сочетаний порта и шифрования не сработало."),
                    Map.entry("tried", "Проверено"),
                    Map.entry("ssl", "SSL/TLS с самого начала"), Map.entry("starttls", "STARTTLS"),
                    Map.entry("none", "без шифрования")));

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
        Endpoint recommended = report.recommended();
        switch (report.verdict()) {
            case NOT_SEARCHED -> { }
            case WORKS -> out.append(String.format(words.get("works"), recommended.port(),
                    words.get(recommended.security().id()))).append('\n');
            case WORKS_ONLY_UNENCRYPTED ->
                    out.append(String.format(words.get("works-only-unencrypted"), recommended.port())).append('\n');
            default -> out.append(words.get(report.verdict().id())).append('\n');
        }
        return out.toString();
    }

    private static String oneLine(String detail) {
        String line = detail.replaceAll("\\s*\\R\\s*", " | ");
        return line.length() > 160 ? line.substring(0, 160) + " …" : line;
    }
}
