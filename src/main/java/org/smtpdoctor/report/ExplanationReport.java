package org.smtpdoctor.report;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.smtpdoctor.engine.Basis;
import org.smtpdoctor.engine.Explanation;
import org.smtpdoctor.reply.ParsedReply;

/**
 * The readable form of an {@link Explanation}, for a rule author: the parsed reply, every match with its
 * file and line, which one decided and why, then the advice as {@link TextReport} shows it.
 */
public final class ExplanationReport {
    /** The report's headings and labels in one language. */
    private record Labels(String parsed, String code, String enhanced, String stage, String text, String exceptions,
                          String matches, String extracted, String decided, String decision, String why, String advice,
                          String quoted, String quoteDecided, String quoteNamesNoCause) {
    }

    private static final Map<String, Labels> LABELS = Map.of(
            "en", new Labels("Parsed reply", "Code", "Enhanced code", "SMTP stage", "Text", "Exceptions", "Matches",
                    "extracted", "decided", "Decision", "Why", "Advice", "Quoted reply",
                    "its own words name a cause, so it decides (the matches below are its own)",
                    "its own words name no cause, so the whole text decides"),
            "ru", new Labels("Разбор ответа", "Код", "Расширенный код", "Этап SMTP", "Текст", "Исключения", "Совпадения",
                    "извлечено", "решило", "Решение", "Почему", "Совет", "Цитируемый ответ",
                    "его собственные слова называют причину, поэтому решает он (ниже его совпадения)",
                    "его собственные слова не называют причину, поэтому решает весь текст"));

    private ExplanationReport() {
    }

    /** Several lines, labels in the advice's language. */
    public static String render(Explanation e, Locale locale) {
        String language = e.diagnosis().advice(locale).language();
        Labels label = LABELS.getOrDefault(language, LABELS.get("en"));
        ParsedReply reply = e.reply();
        StringBuilder out = new StringBuilder();
        out.append(label.parsed()).append('\n');
        out.append("  ").append(label.code()).append(": ").append(reply.code() == 0 ? "—" : reply.code())
                .append("   ").append(label.enhanced()).append(": ")
                .append(reply.enhancedCode() == null ? "—" : reply.enhancedCode())
                .append("   ").append(label.stage()).append(": ").append(reply.stage() == null ? "—" : reply.stage())
                .append('\n');
        out.append("  ").append(label.text()).append(": \"").append(reply.text()).append("\"\n");
        if (!reply.exceptions().isEmpty()) {
            out.append("  ").append(label.exceptions()).append(": ").append(String.join(", ", reply.exceptions())).append('\n');
        }
        ParsedReply quoted = reply.quoted();
        if (quoted != null) {
            out.append("  ").append(label.quoted()).append(": ").append(quoted.code())
                    .append(quoted.enhancedCode() == null ? "" : " " + quoted.enhancedCode()).append(" \"")
                    .append(quoted.text()).append("\"\n    ")
                    .append(e.quoteDecided() ? label.quoteDecided() : label.quoteNamesNoCause()).append('\n');
        }
        out.append(label.matches()).append('\n');
        for (Explanation.Match m : e.matches()) {
            out.append(m.decided() ? "  * " : "    ").append(String.format("%-13s", m.layer().id())).append(' ')
                    .append(m.category()).append(" (#").append(m.precedence()).append(')');
            if (m.source() != null) {
                out.append("  ").append(m.source());
            }
            if (!m.params().isEmpty()) {
                out.append("  ").append(label.extracted()).append(": ").append(m.params().entrySet().stream()
                        .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(", ")));
            }
            out.append(m.decided() ? "  <- " + label.decided() : "").append('\n');
        }
        Explanation.Match decision = e.decision();
        out.append(label.decision()).append(": ").append(decision.category()).append(" (").append(decision.layer().id())
                .append(")\n");
        out.append("  ").append(label.why()).append(": ").append(why(e, language)).append('\n');
        out.append(label.advice()).append('\n');
        TextReport.render(e.diagnosis(), locale).lines().forEach(line -> out.append("  ").append(line).append('\n'));
        return out.toString();
    }

    /** Why the decision fell as it did, in {@code language} (en or ru; others get English). */
    public static String why(Explanation e, String language) {
        boolean ru = "ru".equals(language);
        Explanation.Match decision = e.decision();
        long categories = e.matches().stream().filter(m -> m.layer() == decision.layer())
                .map(Explanation.Match::category).distinct().count();
        String quote = !e.quoteDecided() ? ""
                : ru ? "решил цитируемый ответ другого сервера, по своим словам; " : "the quoted reply of the other server"
                + " decided, on its own words; ";
        return quote + switch (decision.layer()) {
            case PATTERN -> categories == 1
                    ? (ru ? "подошли только правила этой категории; правила по тексту решают раньше таблиц кодов; "
                            + "из них решает правило, записанное первым"
                            : "only rules of this category matched; wording rules decide before the code tables; "
                            + "among them the rule written first decides")
                    : (ru ? "подошли правила " + categories + " категорий; эта стоит в categories.yaml выше остальных "
                            + "(позиция " + decision.precedence() + ")"
                            : "rules of " + categories + " categories matched; this one stands first in categories.yaml "
                            + "(position " + decision.precedence() + ")");
            case CONCEPT -> categories == 1
                    ? (ru ? "ни одно правило с формулировкой конкретного сервиса не подошло; подошли только общие"
                            + " формулировки (concept) этой категории, они решают раньше таблиц кодов"
                            : "no provider wording matched; only concept wordings (the generic way to say a cause) of"
                            + " this category did, and they decide before the code tables")
                    : (ru ? "ни одно правило с формулировкой конкретного сервиса не подошло; подошли общие формулировки "
                            + categories + " категорий; эта стоит в categories.yaml выше остальных (позиция "
                            + decision.precedence() + ")"
                            : "no provider wording matched; concept wordings of " + categories + " categories did;"
                            + " this one stands first in categories.yaml (position " + decision.precedence() + ")");
            case STAGE -> ru ? "ни одна формулировка причины не подошла, расширенного кода с причиной нет; текст называет"
                    + " команду SMTP, на которой произошёл сбой (stage), и она указывает семейство; из подошедших решает"
                    + " категория, стоящая в categories.yaml выше (позиция " + decision.precedence() + ")"
                    : "no provider or concept wording matched and no enhanced code names the cause; the text names the"
                    + " SMTP command that failed (a stage rule), which tells the family; among those that matched, the"
                    + " category first in categories.yaml decides (position " + decision.precedence() + ")";
            case ENHANCED_CODE -> ru ? "ни одна формулировка причины не подошла; расширенный код решает раньше правил"
                    + " команд (stage) и основного кода"
                    : "no provider or concept wording matched; the enhanced status code decides before stage rules and"
                    + " the reply code";
            case REPLY_CODE -> ru ? "ни одно правило по тексту не подошло, а расширенного кода нет или его запись "
                    + "говорит unknown.*"
                    : "no wording rule matched, and there is no enhanced code or its entry says unknown.*";
            case NEAR_WORDING -> ru ? "ни одна формулировка или код не распознали ответ точно (команда SMTP, если правило"
                    + " stage её прочло, называет лишь семейство), но в нём близко друг"
                    + " к другу стоит почти всё из этой формулировки (другие окончания, порядок слов, лишнее слово): ответ"
                    + " принят за неё. Если это верно, добавьте текст формулировкой; если нет, добавьте в правило unless"
                    : "no wording or code recognised the reply exactly (an SMTP command a stage rule read names only the"
                    + " family), but it holds nearly all of this wording's"
                    + " letters close together (other word endings, another word order, a word more): it is taken for"
                    + " that wording. If that is right, add the text as a wording; if not, add a guard (unless) to the rule";
            case NONE -> ru ? "ничто не распознало ответ; запасная категория выбрана по классу ответа "
                    + "(4xx, 5xx или без кода)"
                    : "nothing recognised the reply; the fallback follows the reply's class (4xx, 5xx or no code)";
        };
    }
}
