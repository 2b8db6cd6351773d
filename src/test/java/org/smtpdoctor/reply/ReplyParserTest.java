package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReplyParserTest {
    private final ReplyParser parser = new ReplyParser();

    private void assertParsed(String input, int code, String enhanced, String text) {
        ParsedReply r = parser.parse(input);
        assertThat(r.code()).as("code of %s", input).isEqualTo(code);
        assertThat(r.enhancedCode() == null ? null : r.enhancedCode().toString()).as("enhanced code of %s", input)
                .isEqualTo(enhanced);
        assertThat(r.text()).as("text of %s", input).isEqualTo(text);
        assertThat(r.input()).isEqualTo(input);
    }

    /** A code found within a text that leaves the text as it is (0: none found). */
    private void assertEmbeddedCode(String text, int code) {
        assertParsed(text, code, null, text);
    }

    @Test
    void plainReplyWithEnhancedCode() {
        assertParsed("535 5.7.8 Error: authentication failed: Invalid user or password", 535, "5.7.8",
                "Error: authentication failed: Invalid user or password");
    }

    @Test
    void theSupportArticlesOddSeparators() {
        assertParsed("535 – Incorrect authentication data", 535, null, "Incorrect authentication data");
        assertParsed("535.5.7.3 authentication unsuccessful", 535, "5.7.3", "authentication unsuccessful");
        assertParsed("535 - Incorrect authentication data", 535, null, "Incorrect authentication data");
    }

    @Test
    void multiLineReplyIsJoinedWithoutRepeatedCodes() {
        assertParsed("550-5.7.1 [192.0.2.1] Our system has detected that this message is\r\n"
                        + "550-5.7.1 likely unsolicited mail.\r\n"
                        + "550 5.7.1 https://support.google.com/mail/?p=UnsolicitedMessageError\r\n",
                550, "5.7.1", "[192.0.2.1] Our system has detected that this message is likely unsolicited mail. "
                        + "https://support.google.com/mail/?p=UnsolicitedMessageError");
    }

    @Test
    void multiLineReplyLoggedOnOneLine() {
        assertParsed("host mx.example.com[192.0.2.1] said: 550-5.7.26 This mail is unauthenticated. "
                        + "550-5.7.26 Please read the guidelines. 550 5.7.26 https://support.google.com/mail (in reply to end of DATA command)",
                550, "5.7.26", "host mx.example.com[192.0.2.1] said: 550-5.7.26 This mail is unauthenticated. "
                        + "Please read the guidelines. https://support.google.com/mail (in reply to end of DATA command)");
    }

    @Test
    void continuationMarkersOfAReplyQuotedAfterALeadingCodeAreDropped() {
        // A wrapper that leads with the code its own way, then quotes the reply's lines joined (training set,
        // in2code-de/luxletter#137); a plain number in a sentence ("550 recipients") is no marker.
        assertParsed("550, Expected response code \"250\" but got code \"550\", with message \" 550-The mail server could not "
                        + "deliver mail to a@example.org. The 550-account or domain may not exist, 550 proper dns entries.",
                550, null, "Expected response code \"250\" but got code \"550\", with message \" The mail server could not "
                        + "deliver mail to a@example.org. The account or domain may not exist, proper dns entries.");
        assertParsed("550 Sending to more than 550 recipients is not allowed",
                550, null, "Sending to more than 550 recipients is not allowed");
    }

    @Test
    void jakartaMailExceptionWrapperWithTrailingNewline() {
        assertParsed("jakarta.mail.AuthenticationFailedException: 535 5.7.8 Error: authentication failed: authentication failure\n",
                535, "5.7.8", "Error: authentication failed: authentication failure");
    }

    @Test
    void nestedExceptionsAreUnwrappedAndRepeatsDropped() {
        assertParsed("com.sun.mail.smtp.SMTPSendFailedException: 550 5.7.1 Relay access denied;\n"
                        + "  nested exception is:\n\tcom.sun.mail.smtp.SMTPSenderFailedException: 550 5.7.1 Relay access denied\n",
                550, "5.7.1", "Relay access denied");
        assertParsed("javax.mail.MessagingException: Could not connect to SMTP host: smtp.example.com, port: 465;\n"
                        + "  nested exception is:\n\tjava.net.ConnectException: Connection refused",
                0, null, "Could not connect to SMTP host: smtp.example.com, port: 465; Connection refused");
    }

    @Test
    void exceptionClassNamesAreKeptAsEvidence() {
        ParsedReply r = parser.parse("Mail server connection failed; nested exception is com.sun.mail.util.MailConnectException: "
                + "Couldn't connect to host, port: smtp.example.de, 587; timeout 30000;\n  nested exception is:\n\t"
                + "java.net.UnknownHostException: smtp.example.de");
        assertThat(r.exceptions()).containsExactly("MailConnectException", "UnknownHostException");
        assertThat(r.text()).isEqualTo("Mail server connection failed; Couldn't connect to host, port: smtp.example.de, 587; "
                + "timeout 30000; smtp.example.de");
        assertThat(parser.parse("535 5.7.8 no wrapper").exceptions()).isEmpty();
    }

    @Test
    void dotNetAndPythonExceptionForms() {
        ParsedReply dotNet = parser.parse("System.Net.Mail.SmtpFailedRecipientException: Mailbox unavailable. "
                + "The server response was: 5.7.54 SMTP; Unable to relay recipient in non-accepted domain");
        assertThat(dotNet.exceptions()).containsExactly("SmtpFailedRecipientException");
        assertThat(dotNet.text()).startsWith("Mailbox unavailable.");

        ParsedReply python = parser.parse("smtplib.SMTPAuthenticationError: (534, b'5.7.9 Application-specific password "
                + "required. Learn more at\\n5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor - gsmtp')");
        assertThat(python.exceptions()).containsExactly("SMTPAuthenticationError");
        assertThat(python.code()).isEqualTo(534);
        assertThat(python.enhancedCode()).hasToString("5.7.9");
        assertThat(python.text()).startsWith("Application-specific password required. Learn more at 5.7.9 https://");
    }

    @Test
    void theCodeAClientExpectedIsNotTheReply() {
        ParsedReply symfony = parser.parse("Expected response code \"250\" but got code \"550\", with message \"550 5.1.1 "
                + "<bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table\".");
        assertThat(symfony.code()).isEqualTo(550);
        assertThat(symfony.enhancedCode()).hasToString("5.1.1");
        ParsedReply swift = parser.parse("Expected response code 354 but got code \"554\", with message \"554 Transaction failed\"");
        assertThat(swift.code()).isEqualTo(554);
        assertThat(swift.enhancedCode()).isNull();
        assertThat(parser.parse("Expected response codes \"250/251/252\" but got an empty response").code()).isZero();
        // The enhanced code of another reply class is not borrowed.
        assertThat(parser.parse("Expected response code 250 but got code \"550\", with message \"451 4.3.0 Try again\"")
                .enhancedCode()).isNull();
    }

    @Test
    void theReplyOfANestedExceptionOrAPythonTupleIsRead() {
        ParsedReply jakarta = parser.parse("javax.mail.SendFailedException: Invalid Addresses; nested exception is: "
                + "com.sun.mail.smtp.SMTPAddressFailedException: 450 Try again");
        assertThat(jakarta.code()).isEqualTo(450);
        assertThat(jakarta.exceptions()).containsExactly("SendFailedException", "SMTPAddressFailedException");
        ParsedReply python = parser.parse("smtplib.SMTPRecipientsRefused: {'bob@example.com': (450, b'4.7.1 Try again later')}");
        assertThat(python.code()).isEqualTo(450);
        assertThat(python.enhancedCode()).hasToString("4.7.1");
        assertThat(parser.parse("SMTPRecipientsRefused: {'bob@example.com': (550, 'No such user')}").code()).isEqualTo(550);
        // A number in brackets without the tuple's quoted reply stays a number.
        assertThat(parser.parse("Queue full (450, retrying)").code()).isZero();
    }

    @Test
    void anEnhancedCodeAloneAfterWordsThatIntroduceAReply() {
        ParsedReply dotNet = parser.parse("System.Net.Mail.SmtpException: Mailbox unavailable. The server response was: "
                + "5.7.1 Client does not have permissions to send as this sender");
        assertThat(dotNet.code()).isZero();
        assertThat(dotNet.enhancedCode()).hasToString("5.7.1");
        assertThat(parser.parse("Upgrade to version: 4.2.1 failed").enhancedCode()).isNull();
    }

    @Test
    void aPortAfterAnAddressIsNotAReplyCode() {
        assertThat(parser.parse("connect ETIMEDOUT 192.0.2.50:465").code()).isZero();
        assertThat(parser.parse("SSL_connect returned=1 errno=0 peeraddr=192.0.2.9:587 state=error: wrong version number").code())
                .isZero();
    }

    @Test
    void stackTraceFramesAndCausedByAreDropped() {
        assertParsed("org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: localhost, 2525; timeout -1\n"
                        + "\tat org.eclipse.angus.mail.smtp.SMTPTransport.openServer(SMTPTransport.java:2411)\n"
                        + "\t... 12 more\n"
                        + "Caused by: java.net.ConnectException: Connection refused\n"
                        + "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)\n",
                0, null, "Couldn't connect to host, port: localhost, 2525; timeout -1; Connection refused");
    }

    @Test
    void logPrefixesAreStripped() {
        assertParsed("2024-05-01 12:00:00,123 ERROR [mail-sender-1] o.e.app.Mailer - 535 5.7.8 Error: authentication failed",
                535, "5.7.8", "Error: authentication failed");
        assertParsed("2024-05-01T12:00:00.123Z WARN 12345 --- [main] com.example.MailService : 421 4.7.0 Try again later",
                421, "4.7.0", "Try again later");
        assertParsed("[ERROR] \"550 spam message rejected\"", 550, null, "spam message rejected");
    }

    @Test
    void pythonsErrorNumberInBracketsIsNotTakenForAPrefix() {
        // The number is the part that reads the same in every language; the message after it is the system's.
        assertThat(parser.parse("[Errno 111] Connexion refusée").text()).isEqualTo("[Errno 111] Connexion refusée");
        assertThat(parser.parse("[WinError 10060] Eine Verbindung konnte nicht hergestellt werden").text())
                .startsWith("[WinError 10060] ");
        assertThat(parser.parse("[Errno -2] Name or service not known").text()).startsWith("[Errno -2] ");
        assertThat(parser.parse("[main] [Errno 104] Connection reset by peer").text()).isEqualTo("[Errno 104] Connection reset by peer");
        assertThat(parser.parse("[Errno] x").text()).isEqualTo("x");
        assertThat(parser.parse("[Errno 12a] x").text()).isEqualTo("x");
    }

    @Test
    void aMessageWhollyInBracketsIsNotTakenForAPrefix() {
        ParsedReply r = parser.parse("[WebException: The remote name could not be resolved: 'mailhost']");
        assertThat(r.text()).contains("The remote name could not be resolved");
        assertThat(parser.parse("[main] [Connection timed out]").text()).isEqualTo("[Connection timed out]");
    }

    @Test
    void replyEmbeddedInAPostfixLogLine() {
        ParsedReply r = parser.parse("May  1 12:00:00 mx postfix/smtp[1234]: 4BQ2Xs1234Z: to=<bob@example.org>, "
                + "relay=mx.example.org[192.0.2.7]:25, status=bounced (host mx.example.org[192.0.2.7] said: "
                + "550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))");
        assertThat(r.code()).isEqualTo(550);
        assertThat(r.enhancedCode()).hasToString("5.1.1");
        assertThat(r.text()).startsWith("to=<bob@example.org>").contains("User unknown");
    }

    @Test
    void embeddedCodeAfterSaid() {
        ParsedReply r = parser.parse("host mx.example.org[192.0.2.7] said: 554 Transaction failed");
        assertThat(r.code()).isEqualTo(554);
        assertThat(r.enhancedCode()).isNull();
    }

    @Test
    void portNumbersAreNotReplyCodes() {
        assertParsed("Could not connect to SMTP host: smtp.example.com, port: 587", 0, null,
                "Could not connect to SMTP host: smtp.example.com, port: 587");
        assertParsed("Couldn't connect to host, port: smtp.example.com, 465; timeout 5000", 0, null,
                "Couldn't connect to host, port: smtp.example.com, 465; timeout 5000");
    }

    /**
     * Within a text, a bare number after a colon is a reply code only with a second digit RFC 5321 4.2.1 defines (0-5):
     * a port in a translated text is no reply. At the start, before an enhanced code or after "said", servers' other
     * codes are kept.
     */
    @Test
    void aBareNumberWithinATextNeedsAReplyCodesSecondDigit() {
        assertParsed("Geçersiz bağlantı noktası: 587", 0, null, "Geçersiz bağlanti noktasi: 587");
        assertParsed("Ungültiger Port: 465", 0, null, "Ungültiger Port: 465");
        assertParsed("Der Server antwortete: 554 Transaktion fehlgeschlagen", 554, null,
                "Der Server antwortete: 554 Transaktion fehlgeschlagen");
        assertParsed("571 Delivery not authorized, message refused", 571, null, "Delivery not authorized, message refused");
        assertParsed("host mx.example.com said: 571 5.7.1 Unable to relay", 571, "5.7.1",
                "host mx.example.com said: 571 5.7.1 Unable to relay");
        assertParsed("host mx.example.com said: 599 odd reply", 599, null, "host mx.example.com said: 599 odd reply");
    }

    /** CJK texts write the colon or bracket before a quoted reply full-width and with no space; others quote it. */
    @Test
    void aCodeAfterAFullWidthColonOrAnOpeningQuote() {
        assertEmbeddedCode("服务器响应为：550 rejected", 550);
        assertEmbeddedCode("サーバーの応答（554 transaction failed）", 554);
        assertEmbeddedCode("Le serveur a indiqué : «550 rejected»", 550);
        assertEmbeddedCode("Der Server antwortete: „550 abgelehnt“", 550);
        assertEmbeddedCode("端口：465", 0);
        assertEmbeddedCode("容量：500 MB", 0);
    }

    /**
     * A client that glues the server's reply to its own words with a bare colon ("Authentication failed:554 5.1.8
     * ..."): the code counts with its enhanced code only, since a colon alone also heads a port, a time or an IPv6
     * address's parts.
     */
    @Test
    void aCodeRightAfterAColonCountsOnlyWithItsEnhancedCode() {
        assertParsed("Reason:Authentication failed:554 5.1.8 Sender Address Blocked", 554, "5.1.8",
                "Reason:Authentication failed:554 5.1.8 Sender Address Blocked");
        assertEmbeddedCode("Could not connect to mail.example.com:443 now", 0);
        assertEmbeddedCode("Negative SMTP reply:550 information", 0);
        assertEmbeddedCode("at 10:45:523 elapsed", 0);
        assertEmbeddedCode("relay=[2001:db8::250] deferred", 0);
    }

    /**
     * Exchange's non-delivery reports write the remote server's reply between a hash and two hashes
     * ({@code mx.example.com #550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##}): the hash opens a code as a
     * bracket does, so it counts with its enhanced code, or after words that introduce a reply, not after any word.
     */
    @Test
    void aCodeAfterAHashInAnExchangeReport() {
        assertParsed("relay.example.com #503 5.5.1 Error: Bad sequence ##", 503, "5.5.1",
                "relay.example.com #503 5.5.1 Error: Bad sequence ##");
        String loop = "#554 5.4.4 SMTPSEND.DNS.MxLoopback; DNS records for this domain are configured in a loop ##";
        assertParsed(loop, 554, "5.4.4", loop);
        assertEmbeddedCode("Fixed in issue #550 of the tracker", 0);
    }

    /** A dash between spaces after a word introduces the reply as a colon does; a range of numbers does not. */
    @Test
    void aCodeAfterASpacedDashAfterAWord() {
        assertEmbeddedCode("Mail from command failed - 501 Syntax error", 501);
        assertEmbeddedCode("Sending failed \u2013 550 mailbox unavailable", 550);
        assertEmbeddedCode("showing items 1 - 500 of the queue", 0);
        assertEmbeddedCode("limit 100-500 messages", 0);
    }

    /** Words that name an error or a code before it introduce a code, in the languages mail clients speak. */
    @Test
    void aCodeAfterAWordForErrorOrCode() {
        assertEmbeddedCode("SMTP error 550 when sending", 550);
        assertEmbeddedCode("SMTP-Fehler 550: unbekannt", 550);
        assertEmbeddedCode("Сервер вернул ошибку 550", 550);
        assertEmbeddedCode("Le serveur a renvoyé l'erreur (550)", 550);
        assertEmbeddedCode("サーバーがエラー 550 を返しました", 550);
        assertEmbeddedCode("SMTP-fout (550): Ontvanger kan niet toegevoegd worden", 550);
        assertEmbeddedCode("SMTP error code 550", 550);
        assertEmbeddedCode("Code 503 - Service Unavailable", 0);
        assertEmbeddedCode("Internal server (500)", 0);
        assertEmbeddedCode("HTTP error 500 from the API", 0);
        assertEmbeddedCode("Connection error 598 times", 0);
        assertEmbeddedCode("Сервер недоступен 550 раз", 0);
        // The parser reads a Turkish dotless i as i: the word for error must be listed as read.
        assertThat(parser.parse("SMTP hatası (550): alıcı reddedildi").code()).isEqualTo(550);
        assertThat(parser.parse("SMTP HATASI 554").code()).isEqualTo(554);
    }

    /**
     * A word for error introduces an enhanced code without a reply code as "response was:" does (MailChannels'
     * "Error 5.7.1:", a PHP logger's "main.ERROR: 5.5.4"); "SMTP" or any other word before a version does not.
     */
    @Test
    void anEnhancedCodeAfterAWordForError() {
        assertThat(parser.parse("Error 5.7.1: Your message was rejected by the relay").enhancedCode()).hasToString("5.7.1");
        assertThat(parser.parse("app.main.ERROR: 5.5.4 Syntax: RCPT To:<address>").enhancedCode()).hasToString("5.5.4");
        assertThat(parser.parse("Fehler: 4.4.2 Verbindung abgebrochen").enhancedCode()).hasToString("4.4.2");
        assertThat(parser.parse("Postfix SMTP 2.11.3 on Debian").enhancedCode()).isNull();
        assertThat(parser.parse("Upgrade to release 5.4.1 fixed it").enhancedCode()).isNull();
        assertThat(parser.parse("Error in version 5.7.1 of the plugin").enhancedCode()).isNull();
        assertThat(parser.parse("Delivery failed (SMTP status code: 5.1.1)").enhancedCode()).hasToString("5.1.1");
        assertThat(parser.parse("Код ошибки: 5.7.1").enhancedCode()).hasToString("5.7.1");
        assertThat(parser.parse("Build 5.1.1 of the mail code").enhancedCode()).isNull();
    }

    /** "the error code was 550": a code named as an error's through "was" or "is"; not a status code, not a count. */
    @Test
    void aCodeNamedAsAnErrorsThroughACopula() {
        assertEmbeddedCode("Sending failed: the error code was 550", 550);
        assertEmbeddedCode("SMTP error code is 421 Service not available", 421);
        assertEmbeddedCode("The reply code was 554, try again", 554);
        assertEmbeddedCode("The status code was 500", 0);
        assertEmbeddedCode("The error count was 550 today", 0);
        assertEmbeddedCode("The code was 550 lines long", 0);
    }

    /** The verbs and nouns that translate "said" and "response" introduce the server's code as those do. */
    @Test
    void aCodeAfterATranslatedWordForTheServersAnswer() {
        assertEmbeddedCode("El servidor respondió 554 Transaction failed", 554);
        assertEmbeddedCode("Der Server antwortete 550 Benutzer unbekannt", 550);
        assertEmbeddedCode("Сервер ответил 550 нет такого ящика", 550);
        assertEmbeddedCode("Il server ha risposto 421 servizio non disponibile", 421);
        assertEmbeddedCode("Der Server antwortete nach 550 Sekunden nicht", 0);
        assertEmbeddedCode("Ожидание ответа: 250 мс", 0);
    }

    /** A number with a unit after it is a quantity: "Limit: 500 MB" names no reply 500. */
    @Test
    void aNumberWithAUnitIsNoReplyCode() {
        assertEmbeddedCode("Attachment limit: 500 MB", 0);
        assertEmbeddedCode("Ожидание ответа: 250 мс", 0);
        assertEmbeddedCode("Delay: 450 seconds", 0);
        assertEmbeddedCode("The server said: 550 MB of mail is too much", 550);
    }

    /** A number before "per day", with or without a noun between, is a limit's rate, not a reply code. */
    @Test
    void aRateIsNoReplyCode() {
        assertEmbeddedCode("Limit: 500 messages per day exceeded", 0);
        assertEmbeddedCode("Info du serveur SMTP : Le nombre maximum d'e-mail (500 par jour) a été atteint.", 0);
        assertEmbeddedCode("Tageslimit erreicht: 500 E-Mails pro Tag", 0);
        assertEmbeddedCode("Превышен лимит: 500 писем в сутки", 0);
        assertEmbeddedCode("Rate limit (450 per hour) exceeded", 0);
        // a reply text that starts with "per" or a noun is still a reply
        assertEmbeddedCode("Error: 550 Per policy this message is refused", 550);
        assertEmbeddedCode("SMTP Error: 550 Recipient address rejected", 550);
    }

    @Test
    void enhancedCodeWithoutReplyCode() {
        assertParsed("5.7.1 spf check failed", 0, "5.7.1", "spf check failed");
    }

    @Test
    void textsWithoutCode() {
        assertParsed("Could not connect to SMTP host", 0, null, "Could not connect to SMTP host");
        assertParsed("Connection timed out", 0, null, "Connection timed out");
        assertParsed("Cannot start TLS: handshake failure", 0, null, "Cannot start TLS: handshake failure");
    }

    @Test
    void quotesAndCrLfAndControlCharacters() {
        assertParsed("'535 5.7.8 Error: authentication failed'\r\n", 535, "5.7.8", "Error: authentication failed");
        assertParsed("\u201C550 spam message rejected\u201D", 550, null, "spam message rejected");
        assertParsed("550\u0000 5.7.1 nul\tbyte", 550, "5.7.1", "nul byte");
        // French and Polish translations write no-break spaces where a wording has a plain one.
        assertParsed("\u00A0552 Taille\u00A0du message\u202F:\u2007trop grande\u00A0", 552, null,
                "Taille du message : trop grande");
    }

    @Test
    void typographicApostrophesAndDecomposedLettersAreReadAsWordingsHaveThem() {
        // Ukrainian translators write ’ or ʼ where others write ', French l’adresse; GNOME's Spanish catalogs spell
        // "é" as "e" and a combining acute.
        assertParsed("\u0417\u2019\u0454\u0434\u043D\u0430\u043D\u043D\u044F \u0432\u0442\u0440\u0430\u0447\u0435\u043D\u043E", 0, null,
                "\u0417'\u0454\u0434\u043D\u0430\u043D\u043D\u044F \u0432\u0442\u0440\u0430\u0447\u0435\u043D\u043E");
        assertParsed("550 l\u02BCadresse est inconnue", 550, null, "l'adresse est inconnue");
        assertParsed("Conexio\u0301n rechazada", 0, null, "Conexi\u00F3n rechazada");
        // the input as given stays as it was
        assertThat(parser.parse("Conexio\u0301n rechazada").input()).isEqualTo("Conexio\u0301n rechazada");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a speed target: these once took hours
    void hugeAndPathologicalInputsAreReadFromTheStartAndFlagged() {
        ParsedReply secrets = parser.parse("x".repeat(1_000_000) + " password=" + "a".repeat(500_000));
        assertThat(secrets.truncated()).isTrue();
        ParsedReply dotted = parser.parse("a.".repeat(200_000) + "B: x"); // once overflowed the regex stack
        assertThat(dotted.truncated()).isTrue();
        assertThat(dotted.text().length()).isLessThanOrEqualTo(ReplyParser.MAX_TEXT_CHARS);

        ParsedReply repeated = parser.parse("550 5.1.1 " + "<a@example.org> ".repeat(100_000));
        assertThat(repeated.code()).isEqualTo(550);
        assertThat(repeated.enhancedCode()).hasToString("5.1.1");
        assertThat(repeated.truncated()).isTrue();
        assertThat(repeated.input()).hasSize(10 + 16 * 100_000);

        assertThat(parser.parse("at ((((" + "(".repeat(100_000)).truncated()).isTrue();
        assertThat(parser.parse("535 5.7.8 short").truncated()).isFalse();
    }

    @Test
    void emptyAndNullInput() {
        assertParsed("", 0, null, "");
        assertParsed("   \r\n  ", 0, null, "");
        ParsedReply r = parser.parse(null);
        assertThat(r.code()).isZero();
        assertThat(r.text()).isEmpty();
    }

    @Test
    void failureClassComesFromEitherCode() {
        assertThat(parser.parse("451 4.3.0 try later").failureClass()).isEqualTo(4);
        assertThat(parser.parse("5.7.1 refused").failureClass()).isEqualTo(5);
        assertThat(parser.parse("no code here").failureClass()).isZero();
    }

    @Test
    void theStatusAServerReportsBesideAReplyWithoutItsOwnEnhancedCode() {
        String postfix = "postfix/smtp[4242]: 4F2A31C0B2: to=<bob@example.com>, relay=mx.example.com[192.0.2.7]:25, "
                + "dsn=5.7.1, status=bounced (host mx.example.com[192.0.2.7] said: 554 Rejected by policy "
                + "(in reply to end of DATA command))";
        assertThat(parser.parse(postfix).code()).isEqualTo(554);
        assertThat(parser.parse(postfix).enhancedCode()).hasToString("5.7.1");
        String report = "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 User unknown";
        assertThat(parser.parse(report).code()).isEqualTo(550);
        assertThat(parser.parse(report).enhancedCode()).hasToString("5.1.1");
        assertThat(parser.parse("Action: delayed Status: 4.4.7 (delivery time expired)").enhancedCode())
                .hasToString("4.4.7");
        assertThat(parser.parse("to=<a@b.example>, dsn=4.4.1, status=deferred (connect to mx.b.example[192.0.2.9]:25: "
                + "Connection timed out)").enhancedCode()).hasToString("4.4.1");
    }

    @Test
    void aReportedStatusNeverOverridesTheReplysOwnOrContradictsItsClass() {
        // the reply's own enhanced code stands
        assertThat(parser.parse("dsn=5.0.0, status=bounced (host x said: 550 5.1.1 <a@b>: User unknown)")
                .enhancedCode()).hasToString("5.1.1");
        // X.0.0 is what Postfix writes when the reply had none: it says only the class
        assertThat(parser.parse("dsn=5.0.0, status=bounced (host x said: 550 User unknown)").enhancedCode()).isNull();
        // another class than the reply code's: not this reply's status
        assertThat(parser.parse("dsn=4.7.1, status=deferred (host x said: 550 Rejected)").enhancedCode()).isNull();
        // a word that ends in "status:" or a field glued to another word is not the field
        assertThat(parser.parse("Mailstatus: 5.1.1 unknown").enhancedCode()).isNull();
        assertThat(parser.parse("xdsn=5.7.1 refused").enhancedCode()).isNull();
        assertThat(parser.parse("Status: 5.1 of the queue").enhancedCode()).isNull();
        // a delivered message's status explains no failure
        assertThat(parser.parse("Action: delivered Status: 2.1.5 (relayed)").enhancedCode()).isNull();
    }

    private static final String GMAIL = "Delivery to the following recipient failed permanently: bob@example.com"
            + " Technical details of permanent failure: Google tried to deliver your message, but it was rejected by the"
            + " recipient domain. The error that the other server returned was: ";

    /** The reply {@code input} quotes, as its code, enhanced code and text; null when it quotes none. */
    private String quoted(String input) {
        ParsedReply q = parser.parse(input).quoted();
        return q == null ? null : q.code() + " " + q.enhancedCode() + " " + q.text();
    }

    @Test
    void aReplyQuotedAfterAnIntroducerIsReadOnItsOwnWords() {
        assertThat(quoted(GMAIL + "550 550 Address unknown (state 14).")).isEqualTo("550 null 550 Address unknown (state 14).");
        assertThat(quoted("host mx.example.com[192.0.2.1] said: 550 5.1.1 <a@example.com>: Recipient address rejected:"
                + " User unknown in virtual mailbox table (in reply to RCPT TO command)"))
                .isEqualTo("550 5.1.1 <a@example.com>: Recipient address rejected: User unknown in virtual mailbox table"
                        + " (in reply to RCPT TO command)");
        assertThat(quoted("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'"))
                .isEqualTo("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"); // without the closing quote
        assertThat(quoted("The response from the remote server was: 552 5.2.2 Mailbox full"))
                .isEqualTo("552 5.2.2 Mailbox full");
        assertThat(quoted("SMTP error from remote mail server after RCPT TO:<a@example.com>: host mx.example.com"
                + " [192.0.2.1]: 550 5.1.1 No such user")).isEqualTo("550 5.1.1 No such user");
        assertThat(quoted("Сервер ответил: 550 5.1.1 Mailbox not found")).isEqualTo("550 5.1.1 Mailbox not found");
    }

    @Test
    void theQuotedReplyTakesTheStatusTheLogReportsAndTheTextsStage() {
        ParsedReply r = parser.parse("Dec  7 10:00:01 mail postfix/smtp[1234]: 4F1A2B3C4D: to=<a@example.com>,"
                + " relay=mx.example.com[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.1] said:"
                + " 550 User unknown (in reply to RCPT TO command))");
        assertThat(r.quoted().code()).isEqualTo(550);
        assertThat(r.quoted().enhancedCode()).hasToString("5.1.1");
        assertThat(r.quoted().stage()).isEqualTo(SmtpStage.RCPT).isEqualTo(r.stage());
        assertThat(r.quoted().input()).isEqualTo(r.input());
        assertThat(r.quoted().quoted()).isNull();
        assertThat(r.atStage(SmtpStage.DATA).quoted().stage()).isEqualTo(SmtpStage.DATA);
    }

    @Test
    void noQuoteWithoutAnIntroducerOrInAReplyThatLeadsWithItsOwnCode() {
        assertThat(quoted("550 5.1.1 <a@example.com>: Recipient address rejected: User unknown")).isNull();
        // the answering server's own reply, quoting its probe's answer as evidence
        assertThat(quoted("450 4.1.7 <a@example.com>: Sender address rejected: unverified address: host mx.example.com"
                + "[192.0.2.1] said: 550 5.1.1 User unknown")).isNull();
        // a noun alone: a filter's log of its own action after the reply
        assertThat(quoted("max sender authentication errors (5) exceeded -- dropping connection - after reply: 535"
                + " 5.7.8 Error: authentication failed")).isNull();
        assertThat(quoted("Expected response code 250 but got code 550, with message 550 5.1.1 User unknown")).isNull();
        assertThat(quoted("Connection timed out after 30 seconds, port: 465")).isNull();
    }

    @Test
    void aQuoteWithinAQuoteIsPartOfTheFirstAndManyIntroducersCostOneScan() {
        assertThat(quoted("relay said: backup host said: 550 5.1.1 User unknown; next host said: 451 try later"))
                .isEqualTo("550 5.1.1 User unknown; next host said: 451 try later");
        String hostile = "x said: ".repeat(20_000) + "The other server returned was: 550 5.1.1 "
                + "host said: 550 ".repeat(20_000);
        ParsedReply r = parser.parse(hostile);
        assertThat(r.truncated()).isTrue();
        assertThat(r.text().length()).isLessThanOrEqualTo(ReplyParser.MAX_TEXT_CHARS);
        assertThat(r.quoted()).isNull(); // the quote lies beyond the text the parser reads
        ParsedReply nested = parser.parse("a said: " + "b said: 550 ".repeat(500));
        assertThat(nested.quoted().code()).isEqualTo(550);
        assertThat(nested.quoted().quoted()).isNull();
        assertThat(nested.quoted().text()).startsWith("b said: 550 b said:");
    }
}
