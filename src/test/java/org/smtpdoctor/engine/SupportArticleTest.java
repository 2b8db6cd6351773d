package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.catalog.Advice;

/**
 * The 13 replies of the support article (shared/reference/000_01027e521ab969c0.txt) get the article's category.
 * With the article's product configured (the test deployment {@code deployment/planfix.yaml}, not the
 * default) the advice reads as the article wrote it, in Russian and in English; with the rule set's own,
 * neutral deployment it names no product and says where to look in words that fit any application.
 */
class SupportArticleTest {
    static final Path PLANFIX = Path.of("src/test/resources/deployment/planfix.yaml");
    private static final Pattern PRODUCT = Pattern.compile("(?iu)planfix|планфикс|галочк|checkbox");
    private static Diagnoser planfix;
    private static Diagnoser neutral;

    @BeforeAll
    static void load() {
        planfix = Diagnoser.builder().rulesDirectory(TestRules.PROJECT_RULES).deployment(PLANFIX).build();
        neutral = TestRules.projectDiagnoser();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            451 4.7.1 Sorry, the service is currently unavailable. Please come back later. | server.unavailable | Планфикс делает повторную попытку отправки | In this case Planfix makes another attempt to send the message
            535 – Incorrect authentication data | auth.invalid-credentials | в паре логин / пароль в настроенной учетной записи корпоративного сервера в Планфиксе | the login / password pair in the corporate server account configured in Planfix
            535.5.7.3 authentication unsuccessful | auth.invalid-credentials | в паре логин / пароль в настроенной учетной записи корпоративного сервера в Планфиксе | the login / password pair in the corporate server account configured in Planfix
            535 5.7.8 Error: authentication failed: Invalid user or password | auth.invalid-credentials | в паре логин / пароль в настроенной учетной записи корпоративного сервера в Планфиксе | the login / password pair in the corporate server account configured in Planfix
            535 Authentication failed. Please verify your account by going to https://e.mail.ru/login?email=mail@ab-cdef.ru | auth.account-verification | залогиниться под адресом, указанным как адрес отправителя в Планфиксе | https://e.mail.ru/login?email=mail@ab-cdef.ru and log in with the address set as the sender address in Planfix
            550 this message was classified as spam and may not be delivered | content.spam | рекомендуем обратиться в используемый вами почтовый сервис | we recommend contacting the mail service you use
            550 spam message rejected | content.spam | рекомендуем обратиться в используемый вами почтовый сервис | we recommend contacting the mail service you use
            550 5.7.1 spf check failed | policy.spf-failed | на домене отправителя не настроена SPF-запись | The sender's domain has no SPF record
            553 5.7.1 Sender address rejected: not owned by auth user | sender.not-owned | указать в отправителе адрес реального почтового ящика | specify as the sender the address of a real mailbox
            Could not connect to SMTP host | connection.failed | неверно заданы данные в паре сервер / порт | the server / port pair
            Connection timed out | connection.timeout | неверно заданы данные в паре сервер / порт | the server / port pair
            Timed out while sending end of data - message may be sent more than once | timeout.end-of-data | не ответил на запрос за отведенный для этого период ожидания ответа | did not answer the request within the time allowed
            Cannot start TLS: handshake failure | tls.handshake-failed | ваша реакция не требуется, т.к. автоматическая повторная отправка отрабатывает корректно | no action is needed from you in such cases
            """)
    void withTheArticlesProductTheAdviceReadsAsTheArticleWroteIt(String reply, String category, String russian,
                                                                 String english) {
        Diagnosis d = planfix.diagnose(reply);
        assertThat(d.category()).isEqualTo(category);
        assertThat(d.basis()).isEqualTo(Basis.PATTERN);
        assertThat(text(d, "ru")).contains(russian.toLowerCase(Locale.ROOT));
        assertThat(text(d, "en")).contains(english.toLowerCase(Locale.ROOT));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            451 4.7.1 Sorry, the service is currently unavailable. Please come back later. | server.unavailable | если приложение повторяет отправку автоматически, сейчас ничего делать не нужно | if the application resends failed messages by itself, nothing needs to be done now
            535 – Incorrect authentication data | auth.invalid-credentials | в паре логин / пароль в настройках почтового аккаунта в приложении | the login / password pair in the application's mail account settings
            535.5.7.3 authentication unsuccessful | auth.invalid-credentials | в паре логин / пароль в настройках почтового аккаунта в приложении | the login / password pair in the application's mail account settings
            535 5.7.8 Error: authentication failed: Invalid user or password | auth.invalid-credentials | в паре логин / пароль в настройках почтового аккаунта в приложении | the login / password pair in the application's mail account settings
            535 Authentication failed. Please verify your account by going to https://e.mail.ru/login?email=mail@ab-cdef.ru | auth.account-verification | указанным как адрес отправителя в приложении | set as the sender address in the application
            550 this message was classified as spam and may not be delivered | content.spam | рекомендуем обратиться в используемый вами почтовый сервис | we recommend contacting the mail service you use
            550 spam message rejected | content.spam | рекомендуем обратиться в используемый вами почтовый сервис | we recommend contacting the mail service you use
            550 5.7.1 spf check failed | policy.spf-failed | на домене отправителя не настроена SPF-запись | The sender's domain has no SPF record
            553 5.7.1 Sender address rejected: not owned by auth user | sender.not-owned | указать в отправителе адрес реального почтового ящика | specify as the sender the address of a real mailbox
            Could not connect to SMTP host | connection.failed | в настройках почтового аккаунта в приложении неверно заданы данные в паре сервер / порт | the server / port pair or the encryption type (SSL/TLS or STARTTLS) is set wrong in the application's mail account settings
            Connection timed out | connection.timeout | в настройках почтового аккаунта в приложении неверно заданы данные в паре сервер / порт | the server / port pair or the encryption type (SSL/TLS or STARTTLS) is set wrong in the application's mail account settings
            Timed out while sending end of data - message may be sent more than once | timeout.end-of-data | если приложение повторяет отправку автоматически, ничего делать не нужно, но получатель может получить письмо дважды | if the application resends failed messages by itself, nothing needs to be done
            Cannot start TLS: handshake failure | tls.handshake-failed | если сбой единичный и приложение повторяет отправку автоматически, ваша реакция не требуется; если нет, отправьте письмо повторно | if the failure is one-off and the application resends failed messages by itself, no action is needed; otherwise send the message again
            """)
    void withTheNeutralDeploymentTheAdviceNamesNoProduct(String reply, String category, String russian, String english) {
        Diagnosis d = neutral.diagnose(reply);
        assertThat(d.category()).isEqualTo(category);
        for (String language : new String[] {"ru", "en"}) {
            assertThat(PRODUCT.matcher(text(d, language)).find()).as(language + ": " + text(d, language)).isFalse();
        }
        assertThat(text(d, "ru")).contains(russian.toLowerCase(Locale.ROOT));
        assertThat(text(d, "en")).contains(english.toLowerCase(Locale.ROOT));
    }

    private static String text(Diagnosis d, String language) {
        Advice advice = d.advice(Locale.forLanguageTag(language));
        return (advice.title() + "\n" + advice.explanation() + "\n" + String.join("\n", advice.remedy()))
                .toLowerCase(Locale.ROOT);
    }
}
