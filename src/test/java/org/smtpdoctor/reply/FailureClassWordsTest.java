package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureClassWordsTest {

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
        assertThat(FailureClassWords.of(text)).isEqualTo(failureClass);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Permanent error, giving up | 5",
            "550 temporary failure | 5",
            "4.2.2 permanent error | 4",
    })
    void aCodeOutranksTheWords(String text, int failureClass) {
        assertThat(new ReplyParser().parse(text).failureClass()).isEqualTo(failureClass);
    }
}
