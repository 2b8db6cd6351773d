package org.smtpdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;

/** The words of {@code rules/codes/failure-class-words.yaml} as the engine reads them, and the file's checks. */
class FailureClassWordsTest {
    private static final String FILE = CatalogLoader.CLASS_WORDS_FILE;
    private static final SourceTree RULES = SourceTree.bundledRules();
    private static final FailureClassWords WORDS = FailureClassWords.load(RULES.file(FILE), new Problems());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "permanent failure for one or more recipients | 5",
            "Delivery failed permanently | 5",
            "Постоянная ошибка при отправке | 5",
            "Erreur permanente | 5",
            "Kalıcı hata | 5",
            "Trvalá chyba, vzdávám to | 5",
            "永久性错误 | 5",
            "temporary failure, please try again later | 4",
            "Временная ошибка, повторите попытку позже | 4",
            "Vorübergehender Fehler | 4",
            "Tijdelijke fout | 4",
            "Falla temporal | 4",
            "Niepowodzenie tymczasowe, proszę spróbować później | 4",
            "Tymczasowe niepowodzenie | 4",
            "一時的なエラー | 4",
            // s19 (h11e): GNU Mailutils 3.15 de msgid "Temporary failure"; ja "永久的なエラー"
            "Vorübergehender Fehlschlag | 4",
            "Indiziert einen temporären Fehlschlag | 4",
            "永久的なエラーが発生しました | 5",
            "恒久的なエラー | 5",
            "Fehlschlag beim Öffnen der temporären Datei | 0",
            "发生临时错误。请稍后重试。 | 4",
            // s22: an article between (Turkish), a refusal with its class
            "Kalıcı bir hata oluştu | 5",
            "Geçici bir hata oluştu, daha sonra tekrar deneyin | 4",
            "Message permanently rejected | 5",
            "Recipient address temporarily rejected, try again later | 4",
            "Nachricht dauerhaft abgelehnt | 5",
            "Временно отклонено сервером | 4",
            "Bir hata oluştu | 0",
            "Geçici bir dosya açılamadı | 0",
            "Connection refused by the temporary proxy | 0",
            // a word of class that is not about the failure
            "Failed to open temporary file | 0",
            "Ошибка записи во временный файл | 0",
            "创建临时文件失败 | 0",
            "Falha ao aplicar modificações temporárias. Erro: | 0",
            "Error removing erroneous temporary file | 0",
            "Temporary folder | 0",
            "Trvalé odkazy selhaly | 0",
            "Fallaron los archivos temporales | 0",
            // both classes said: none is taken
            "temporary failure turned into a permanent failure | 0",
    })
    void theClassIsReadOnlyFromAWordRightBesideAFailure(String text, int failureClass) {
        assertThat(WORDS.classOf(text)).isEqualTo(failureClass);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Permanent error, giving up | 5",
            "550 temporary failure | 5",
            "4.2.2 permanent error | 4",
    })
    void aCodeOutranksTheWords(String text, int failureClass) {
        StatusCodes codes = CatalogLoader.load(RULES, new Problems()).statusCodes();
        assertThat(codes.failureClass(new ReplyParser().parse(text))).isEqualTo(failureClass);
    }

    @Test
    void theBundledFileHasNoProblem() {
        Problems problems = new Problems();
        assertThat(FailureClassWords.load(RULES.file(FILE), problems)).isNotNull();
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void aWordAddedToTheFileCountsWithoutARebuild() {
        String yaml = """
                permanent:
                  - starts: [pysyv]
                    source: fi "Pysyvä virhe" (a test's own word)
                temporary: []
                failure:
                  - starts: [virhe]
                    source: fi "virhe", error
                between: []
                """;
        FailureClassWords words = FailureClassWords.load(new SourceFile(FILE, yaml), new Problems());
        assertThat(words.classOf("Pysyvä virhe")).isEqualTo(5);
        assertThat(WORDS.classOf("Pysyvä virhe")).isZero();
    }

    @Test
    void everyProblemOfABrokenFileIsReportedAtItsPlaceInOneRun() {
        String yaml = """
                permanent:
                  - starts: [permanent error]
                    source: two words
                  - starts: [dauerhaft]
                temporary:
                  - starts: [temporar]
                    source: RFC 3463
                    note: an unknown field
                failure:
                  - source: no words at all
                """;
        Problems problems = new Problems();
        assertThat(FailureClassWords.load(new SourceFile(FILE, yaml), problems)).isNull();
        assertThat(problems.all()).extracting(Problem::file).containsOnly(FILE);
        assertThat(problems.all()).extracting(p -> p.line() + ":" + p.column() + " " + p.message())
                .anySatisfy(m -> assertThat(m).startsWith("2:14 ").contains("'permanent error' is not one word"))
                .anySatisfy(m -> assertThat(m).startsWith("4:5 ").contains("lacks the field 'source'"))
                .anySatisfy(m -> assertThat(m).startsWith("8:5 ").contains("unknown field 'note'"))
                .anySatisfy(m -> assertThat(m).startsWith("10:5 ").contains("has no words"))
                .anySatisfy(m -> assertThat(m).contains("lacks 'between:'"));
    }

    @Test
    void anAttackersFileStaysData() {
        // an alias bomb, a tag that would build an object, a word the size of a page: reported, nothing built
        for (String yaml : List.of(
                "a: &a [x, x]\nb: &b [*a, *a]\npermanent: [*b, *b]\n",
                "permanent: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n",
                "permanent:\n  - starts: [" + "a".repeat(100_000) + "]\n    source: x\ntemporary: []\nfailure: []\nbetween: []\n")) {
            Problems problems = new Problems();
            assertThat(FailureClassWords.load(new SourceFile(FILE, yaml), problems)).isNull();
            assertThat(problems.hasErrors()).isTrue();
        }
    }

    @Test
    void aRuleSetWithoutTheFileSaysNoClassInWords() {
        assertThat(FailureClassWords.NONE.classOf("permanent error")).isZero();
    }
}
