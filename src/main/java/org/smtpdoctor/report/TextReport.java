package org.smtpdoctor.report;

import java.util.Locale;
import java.util.Map;
import org.smtpdoctor.catalog.Advice;
import org.smtpdoctor.engine.Diagnosis;

/** The readable form of a diagnosis, for a person at a terminal, with labels in the advice's language. */
public final class TextReport {
    /** The report's labels in the two languages the advice is written in (English where the advice is in another). */
    private enum Label {
        CATEGORY("Category", "Категория"),
        CODE("Code", "Код"),
        STAGE("SMTP stage", "Этап SMTP"),
        WHAT_HAPPENED("What happened", "Что произошло"),
        WHAT_TO_DO("What to do", "Что делать"),
        WHO_ACTS("Who acts", "Кто действует"),
        RETRY("Retry", "Повтор"),
        READ_MORE("Read more", "Подробнее"),
        DECIDED_BY("Decided by", "Решение"),
        ALSO_MATCHED("Also matched", "Также подошли");

        private final String english;
        private final String russian;

        Label(String english, String russian) {
            this.english = english;
            this.russian = russian;
        }

        String in(String language) {
            return "ru".equals(language) ? russian : english;
        }
    }

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
        String language = advice.language();
        StringBuilder out = new StringBuilder();
        out.append(advice.title()).append('\n');
        out.append("  ").append(Label.CATEGORY.in(language)).append(": ").append(d.category()).append('\n');
        String codes = (d.code() == 0 ? "" : d.code() + " ") + (d.enhancedCode() == null ? "" : d.enhancedCode());
        if (!codes.isBlank()) {
            String meaning = d.codeMeaning(locale);
            out.append("  ").append(Label.CODE.in(language)).append(": ").append(codes.strip())
                    .append(meaning == null ? "" : " (" + meaning + ")").append('\n');
        }
        if (d.stage() != null) {
            out.append("  ").append(Label.STAGE.in(language)).append(": ").append(d.stage().id()).append('\n');
        }
        out.append("  ").append(Label.WHAT_HAPPENED.in(language)).append(": ").append(advice.explanation()).append('\n');
        out.append("  ").append(Label.WHAT_TO_DO.in(language)).append(":\n");
        for (int i = 0; i < advice.remedy().size(); i++) {
            out.append("    ").append(i + 1).append(". ").append(advice.remedy().get(i)).append('\n');
        }
        out.append("  ").append(Label.WHO_ACTS.in(language)).append(": ").append(value(language, d.actor().id()))
                .append("   ").append(Label.RETRY.in(language)).append(": ").append(value(language, d.retry().id()))
                .append('\n');
        if (!advice.links().isEmpty()) {
            out.append("  ").append(Label.READ_MORE.in(language)).append(": ").append(String.join(" ", advice.links())).append('\n');
        }
        out.append("  ").append(Label.DECIDED_BY.in(language)).append(": ").append(d.basis().id())
                .append(d.rule() == null ? "" : " — " + d.rule()).append('\n');
        if (!d.secondary().isEmpty()) {
            out.append("  ").append(Label.ALSO_MATCHED.in(language)).append(": ").append(String.join(", ", d.secondary())).append('\n');
        }
        return out.toString();
    }
}
