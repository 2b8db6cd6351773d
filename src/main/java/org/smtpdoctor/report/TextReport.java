package org.smtpdoctor.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smtpdoctor.catalog.Advice;
import org.smtpdoctor.engine.Diagnosis;

/** The readable form of a diagnosis, for a person at a terminal, with labels in the advice's language. */
public final class TextReport {
    private static final Map<String, List<String>> LABELS = Map.of(
            "en", List.of("Category", "Code", "What happened", "What to do", "Who acts", "Retry", "Also matched",
                    "Decided by", "Read more", "SMTP stage"),
            "ru", List.of("Категория", "Код", "Что произошло", "Что делать", "Кто действует", "Повтор",
                    "Также подошли", "Решение", "Подробнее", "Этап SMTP"));

    private static final Map<String, Map<String, String>> VALUES = Map.of(
            "en", Map.ofEntries(Map.entry("sender-settings", "you (the mail account settings)"),
                    Map.entry("sender", "the sender (the message: its addresses, content, attachments)"),
                    Map.entry("mail-admin", "the mail administrator"),
                    Map.entry("mail-provider", "the mail provider"), Map.entry("recipient", "the recipient's side"),
                    Map.entry("none", "nobody: a retry fixes it"),
                    Map.entry("automatic", "automatic (a later attempt can succeed as it is)"),
                    Map.entry("after-fix", "after the fix"), Map.entry("no", "will not help")),
            "ru", Map.ofEntries(Map.entry("sender-settings", "вы (настройки почтового аккаунта)"),
                    Map.entry("sender", "отправитель (само письмо: адреса, содержимое, вложения)"),
                    Map.entry("mail-admin", "администратор почты"),
                    Map.entry("mail-provider", "почтовый провайдер"), Map.entry("recipient", "сторона получателя"),
                    Map.entry("none", "никто: поможет повторная отправка"),
                    Map.entry("automatic", "автоматически (следующая попытка может пройти без изменений)"),
                    Map.entry("after-fix", "после исправления"), Map.entry("no", "не поможет")));

    private TextReport() {
    }

    /** "after the fix [after-fix]": the id in words, then the id as JSON and scripts see it. */
    private static String value(String language, String id) {
        return VALUES.getOrDefault(language, VALUES.get("en")).getOrDefault(id, id) + " [" + id + "]";
    }

    /** Several lines: the title, then what happened, what to do, who acts and the evidence. */
    public static String render(Diagnosis d, Locale locale) {
        Advice advice = d.advice(locale);
        List<String> label = LABELS.getOrDefault(advice.language(), LABELS.get("en"));
        StringBuilder out = new StringBuilder();
        out.append(advice.title()).append('\n');
        out.append("  ").append(label.get(0)).append(": ").append(d.category()).append('\n');
        String codes = (d.code() == 0 ? "" : d.code() + " ") + (d.enhancedCode() == null ? "" : d.enhancedCode());
        if (!codes.isBlank()) {
            String meaning = d.codeMeaning(locale);
            out.append("  ").append(label.get(1)).append(": ").append(codes.strip())
                    .append(meaning == null ? "" : " (" + meaning + ")").append('\n');
        }
        if (d.stage() != null) {
            out.append("  ").append(label.get(9)).append(": ").append(d.stage().id()).append('\n');
        }
        out.append("  ").append(label.get(2)).append(": ").append(advice.explanation()).append('\n');
        out.append("  ").append(label.get(3)).append(":\n");
        for (int i = 0; i < advice.remedy().size(); i++) {
            out.append("    ").append(i + 1).append(". ").append(advice.remedy().get(i)).append('\n');
        }
        out.append("  ").append(label.get(4)).append(": ").append(value(advice.language(), d.actor().id()))
                .append("   ").append(label.get(5)).append(": ").append(value(advice.language(), d.retry().id()))
                .append('\n');
        if (!advice.links().isEmpty()) {
            out.append("  ").append(label.get(8)).append(": ").append(String.join(" ", advice.links())).append('\n');
        }
        out.append("  ").append(label.get(7)).append(": ").append(d.basis().id())
                .append(d.rule() == null ? "" : " — " + d.rule()).append('\n');
        if (!d.secondary().isEmpty()) {
            out.append("  ").append(label.get(6)).append(": ").append(String.join(", ", d.secondary())).append('\n');
        }
        return out.toString();
    }
}
