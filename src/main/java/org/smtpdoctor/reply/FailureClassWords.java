package org.smtpdoctor.reply;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The class of a failure as a text without any code says it: "permanent error", "Временная ошибка", "Kalıcı hata".
 * RFC 3463 names its classes so (4 "Persistent Transient Failure", 5 "Permanent Failure"), and mail programs and
 * MTAs print the words where they drop the code (Exim "permanent error", qmail "temporary failure"). The word of
 * the class must stand right beside a word of failure or refusal (or with only an article between, as Turkish puts
 * "bir"), so that "Failed to open temporary file" has no class.
 */
final class FailureClassWords {
    /** Word starts of "permanent" in the languages the catalogs' mail programs speak ("kalici": the parser folds Turkish ı). */
    private static final List<String> PERMANENT = List.of("permanent", "dauerhaft", "définiti", "definiti",
            "постоянн", "постійн", "trwał", "trval", "kalıcı", "kalici", "varaktig", "blijvend", "永久", "恒久",
            // ja "永久的なエラー" (Forward Email's Japanese docs, SMTP code tables "5xx系 (永久的なエラー)"): the
            // adjective ending 的な puts two characters between the class and the failure
            "永久的な", "恒久的な");
    /** Word starts of "temporary". */
    private static final List<String> TRANSIENT = List.of("temporar", "temporär", "transient", "vorübergehend",
            "temporair", "temporal", "temporane", "temporári", "tymczasow", "временн", "тимчасов", "tijdelijk",
            "tillfällig", "geçici", "dočasn", "临时", "暂时", "暫時", "臨時", "一時的");
    /** Word starts of "error" or "failure" ("fehlschl": GNU Mailutils de msgid "Temporary failure" "Vorübergehender Fehlschlag"). */
    private static final List<String> FAILURE = List.of("error", "fail", "fehler", "fehlschl", "ошибк", "сбой", "помилк",
            "збій", "erreur", "échec", "errore", "falha", "fallo", "błąd", "błęd", "fout", "mislukt", "misslyck",
            "hata", "chyba", "selh", "niepowodz", "错误", "錯誤", "失败", "失敗", "エラー",
            // a refusal said with its class ("permanently rejected", "vorübergehend abgelehnt", "временно отклонено")
            "reject", "abgelehnt", "zurückgewiesen", "rejet", "refus", "отклон", "відхил", "rechaz", "rifiut",
            "rejeit", "recusad", "odrzuc", "odmítnut", "afgewezen", "geweigerd", "avvisa", "reddedil", "拒绝", "拒絕",
            "拒否");
    /** Articles that stand between a class and its failure ("kalıcı bir hata", "geçici bir hata"). */
    private static final List<String> BETWEEN = List.of("bir");

    /** Words of failure read whole: as word starts "erro" would take "erroneous", "falla" the verb "fallar". */
    private static final List<String> FAILURE_WORDS = List.of("erro", "erros", "fel", "felet", "falla", "fallas");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");

    private FailureClassWords() {
    }

    /**
     * 5 for permanent, 4 for temporary, 0 when no word of a class stands right beside a word of failure, with
     * nothing but spaces between ("Temporary failure", not "modificações temporárias. Erro").
     */
    static int of(String text) {
        boolean permanent = false;
        boolean temporary = false;
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher words = WORD.matcher(lower);
        String previous = null;
        int previousEnd = 0;
        while (words.find()) {
            String word = words.group();
            boolean besides = previous != null && lower.substring(previousEnd, words.start()).isBlank();
            if (besides && BETWEEN.contains(word)) {
                previousEnd = words.end(); // the class word before the article stays the one beside the next word
                continue;
            }
            int saidClass = !besides ? 0
                    : isFailure(word) ? classOf(previous) : isFailure(previous) ? classOf(word) : 0;
            saidClass = saidClass != 0 ? saidClass : classWithinRun(word);
            permanent |= saidClass == 5;
            temporary |= saidClass == 4;
            previous = word;
            previousEnd = words.end();
        }
        return permanent == temporary ? 0 : permanent ? 5 : 4;
    }

    private static int classOf(String word) {
        return startsWithAny(word, PERMANENT) ? 5 : startsWithAny(word, TRANSIENT) ? 4 : 0;
    }

    private static boolean isFailure(String word) {
        return startsWithAny(word, FAILURE) || FAILURE_WORDS.contains(word);
    }

    private static boolean startsWithAny(String word, List<String> starts) {
        for (String start : starts) {
            if (word.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** In a CJK run (no spaces): a class and a failure with at most one character between ("永久性错误", "一時的なエラー"). */
    private static int classWithinRun(String run) {
        if (!Character.isIdeographic(run.codePointAt(0)) && Character.UnicodeBlock.of(run.charAt(0))
                != Character.UnicodeBlock.HIRAGANA && Character.UnicodeBlock.of(run.charAt(0))
                != Character.UnicodeBlock.KATAKANA) {
            return 0;
        }
        for (String failure : FAILURE) {
            for (int f = run.indexOf(failure); f >= 0; f = run.indexOf(failure, f + 1)) {
                int saidClass = classBefore(run, f, PERMANENT, 5);
                saidClass = saidClass != 0 ? saidClass : classBefore(run, f, TRANSIENT, 4);
                if (saidClass != 0) {
                    return saidClass;
                }
            }
        }
        return 0;
    }

    private static int classBefore(String run, int failureAt, List<String> stems, int saidClass) {
        for (String stem : stems) {
            int at = run.lastIndexOf(stem, failureAt - stem.length());
            if (at >= 0 && failureAt - (at + stem.length()) <= 1) {
                return saidClass;
            }
        }
        return 0;
    }
}
