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
            "en", Map.of("sender-settings", "you (the mail account settings)", "mail-admin", "the mail administrator",
                    "mail-provider", "the mail provider", "recipient", "the recipient's side",
                    "none", "nobody: a retry fixes it", "automatic", "automatic (the sender retries by itself)",
                    "after-fix", "after the fix", "no", "will not help"),
            "ru", Map.of("sender-settings", "вы (настройки почтового аккаунта)", "mail-admin", "администратор почты",
                    "mail-provider", "почтовый провайдер", "recipient", "сторона получателя",
                    "none", "никто: поможет повторная отправка", "automatic", "автоматически (система повторит сама)",
                    "after-fix", "после исправления", "no", "не поможет"));

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
