package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.catalog.Advice;

/**
 * The 13 replies of the support article (shared/reference/000_01027e521ab969c0.txt) get the article's
 * category and its advice, in Russian as written there and in English.
 */
class SupportArticleTest {
    private static Diagnoser diagnoser;

    @BeforeAll
    static void load() {
        diagnoser = Diagnoser.builder().rulesDirectory(TestRules.PROJECT_RULES).build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            451 4.7.1 Sorry, the service is currently unavailable. Please come back later. | server.unavailable | Планфикс делает повторную попытку отправки | Planfix
            535 – Incorrect authentication data | auth.invalid-credentials | в паре логин / пароль в настроенной учетной записи корпоративного сервера | login
            535.5.7.3 authentication unsuccessful | auth.invalid-credentials | в паре логин / пароль в настроенной учетной записи корпоративного сервера | login
            535 5.7.8 Error: authentication failed: Invalid user or password | auth.invalid-credentials | в паре логин / пароль в настроенной учетной записи корпоративного сервера | login
            535 Authentication failed. Please verify your account by going to https://e.mail.ru/login?email=mail@ab-cdef.ru | auth.account-verification | https://e.mail.ru/login?email=mail@ab-cdef.ru | https://e.mail.ru/login?email=mail@ab-cdef.ru
            550 this message was classified as spam and may not be delivered | content.spam | рекомендуем обратиться в используемый вами почтовый сервис | spam
            550 spam message rejected | content.spam | рекомендуем обратиться в используемый вами почтовый сервис | spam
            550 5.7.1 spf check failed | policy.spf-failed | на домене отправителя не настроена SPF-запись | SPF
            553 5.7.1 Sender address rejected: not owned by auth user | sender.not-owned | указать в отправителе адрес реального почтового ящика | sender
            Could not connect to SMTP host | connection.failed | неверно заданы данные в паре сервер / порт | port
            Connection timed out | connection.timeout | неверно заданы данные в паре сервер / порт | port
            Timed out while sending end of data - message may be sent more than once | timeout.end-of-data | не ответил на запрос за отведенный для этого период ожидания ответа | twice
            Cannot start TLS: handshake failure | tls.handshake-failed | ваша реакция не требуется | no action is needed
            """)
    void articleReply(String reply, String category, String russian, String english) {
        Diagnosis d = diagnoser.diagnose(reply);
        assertThat(d.category()).isEqualTo(category);
        assertThat(d.basis()).isEqualTo(Basis.PATTERN);
        assertThat(text(d.advice(Locale.forLanguageTag("ru"))).toLowerCase(Locale.ROOT)).contains(russian.toLowerCase(Locale.ROOT));
        assertThat(text(d.advice(Locale.ENGLISH)).toLowerCase(Locale.ROOT)).contains(english.toLowerCase(Locale.ROOT));
    }

    private static String text(Advice advice) {
        return advice.title() + "\n" + advice.explanation() + "\n" + String.join("\n", advice.remedy());
    }
}
