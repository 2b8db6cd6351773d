package org.smtpdoctor.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.mail.smtp.SMTPSendFailedException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SMTP stage read from texts, logged stack traces and live exceptions. */
class StageInferenceTest {
    private final ReplyParser parser = new ReplyParser();
    private final ThrowableReader throwables = new ThrowableReader();

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            status=bounced (host mx.example.com[192.0.2.1] said: 552 5.3.4 Message too big (in reply to end of DATA command)) | end-of-data
            status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))       | rcpt
            status=deferred (host mx.example.com[192.0.2.1] said: 451 4.3.0 Try again (in reply to MAIL FROM command))      | mail
            NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1 <x@example.com>: Relay access denied                    | rcpt
            conversation with mx.example.com[192.0.2.1] timed out while receiving the initial server greeting                 | greeting
            lost connection with mx.example.com[192.0.2.1] while sending message body                                          | data
            Timed out while sending end of data - message may be sent more than once                                          | end-of-data
            jakarta.mail.MessagingException: Could not convert socket to TLS                                                  | starttls
            jakarta.mail.AuthenticationFailedException: 535 5.7.8 Error: authentication failed                                | auth
            org.eclipse.angus.mail.util.MailConnectException: Couldn't connect to host, port: smtp.example.com, 587; timeout -1 | connect
            java.net.UnknownHostException: smtp.example.com                                                                   | connect
            status=deferred (connect to mx.example.com[192.0.2.7]:25: Connection refused)                                     | connect
            AuthenticationFailedException: 535 5.7.8 Username and Password not accepted                                       | auth
            421 4.7.0 Try again later, closing connection. (EHLO)                                                             | ehlo
            SMTP error from remote mail server after RCPT TO:<bob@example.org>: 550 5.1.1 unknown user                        | rcpt
            SMTP error from remote mail server after pipelined RCPT TO:<bob@example.org>: 550 5.1.1 unknown user              | rcpt
            SMTP error from remote mail server after pipelined MAIL FROM:<a@example.org> SIZE=1234: 553 5.7.1 not owned        | mail
            SMTP error from remote mail server after end of data: 550 5.7.1 rejected                                          | end-of-data
            SMTP error from remote mail server after EHLO app.example.org: 550 5.7.1 bad helo                                  | ehlo
            SMTP timeout after initial connection                                                                             | greeting
            smtplib.SMTPHeloError: (501, b'Syntax: HELO hostname')                                                            | ehlo
            System.Net.Mail.SmtpFailedRecipientException: Mailbox unavailable. The server response was: 5.1.1 User unknown    | rcpt
            Failed to authenticate on SMTP server with username "ann@example.org" using the following authenticators: "LOGIN" | auth
            SMTP Error: Could not authenticate.                                                                               | auth
            SMTP Error: The following recipients failed: bob@example.org: 550 5.1.1 User unknown                              | rcpt
            The following From address failed: ann@example.org : MAIL FROM command failed,550,5.7.1 not owned                 | mail
            host mx.example.com[192.0.2.7] refused to talk to me: 554 5.7.1 Service unavailable                               | greeting
            SASL authentication failed; server mx.example.com[192.0.2.7] said: 535 5.7.8 Error: authentication failed         | auth
            TLS is required, but was not offered by host mx.example.com[192.0.2.7]                                            | starttls
            Remote host closed connection in response to RCPT TO:<bob@example.org>                                            | rcpt
            Remote host closed connection in response to initial connection                                                   | greeting
            SMTP error from remote mail server after pipelined DATA: 554 5.6.0 Message rejected                               | data
            Connected to 192.0.2.7 but greeting failed.                                                                       | greeting
            Connected to 192.0.2.7 but my name was rejected.                                                                  | ehlo
            Connected to 192.0.2.7 but sender was rejected. Remote host said: 553 sorry, sender not allowed                   | mail
            192.0.2.7 does not like recipient. Remote host said: 550 5.1.1 no such user                                       | rcpt
            192.0.2.7 failed on DATA command. Remote host said: 554 no valid recipients                                       | data
            192.0.2.7 failed after I sent the message. Remote host said: 554 5.7.1 message refused                            | end-of-data
            Expected response code "354" but got code "554", with message "554 5.7.1 Message rejected as spam".               | data
            Expected response code 354 but got code "451", with message "451 4.3.0 Try again later"                           | data
            Expected response code "250/251/252" but got code "550", with message "550 5.1.1 User unknown".                  | rcpt
            Expected response code 250/251/252 but got code "550", with message "550 5.1.1 User unknown"                     | rcpt
            Expected response code "235" but got code "535", with message "535 5.7.8 Authentication credentials invalid".    | auth
            Expected response code 334 but got code "504", with message "504 5.7.4 Unrecognized authentication type"         | auth
            """)
    void stageFromText(String text, String stage) {
        assertThat(parser.parse(text).stage()).isEqualTo(SmtpStage.fromId(stage).orElseThrow());
    }

    @Test
    void aReplyWithoutEvidenceHasNoStage() {
        assertThat(parser.parse("550 5.7.1 Message rejected as spam").stage()).isNull();
        assertThat(parser.parse("550 5.7.1 Rejected after reading the message body").stage())
                .as("'after' alone names no stage").isNull();
        assertThat(parser.parse("550 the following policy applies (EHLOX)").stage()).isNull();
        assertThat(parser.parse("java.net.SocketTimeoutException: Read timed out").stage())
                .as("a read time-out alone can be at any stage").isNull();
        assertThat(parser.parse("Expected response code \"250\" but got code \"550\", with message \"550 5.7.1 Rejected\".").stage())
                .as("250 answers EHLO, MAIL FROM and the end of data alike").isNull();
        assertThat(parser.parse("Expected response code 3540 but got code \"500\"").stage())
                .as("a longer number is not the code 354").isNull();
    }

    @Test
    void legacyJavaMailTraceGivesTheStageFromItsFrames() {
        String logged = """
                javax.mail.MessagingException: Exception reading response;
                  nested exception is:
                	java.net.SocketTimeoutException: Read timed out
                	at com.sun.mail.smtp.SMTPTransport.readServerResponse(SMTPTransport.java:2445)
                	at com.sun.mail.smtp.SMTPTransport.issueSendCommand(SMTPTransport.java:2322)
                	at com.sun.mail.smtp.SMTPTransport.finishData(SMTPTransport.java:2098)
                	at com.sun.mail.smtp.SMTPTransport.sendMessage(SMTPTransport.java:1298)
                	at javax.mail.Transport.send0(Transport.java:255)
                """;
        assertThat(parser.parse(logged).stage()).isEqualTo(SmtpStage.END_OF_DATA);
    }

    @Test
    void theGreetingIsWhileOpeningTheServerAndReading() {
        String logged = """
                jakarta.mail.MessagingException: Exception reading response;
                  nested exception is:
                	java.net.SocketTimeoutException: Read timed out
                	at org.eclipse.angus.mail.smtp.SMTPTransport.readServerResponse(SMTPTransport.java:2509)
                	at org.eclipse.angus.mail.smtp.SMTPTransport.openServer(SMTPTransport.java:2205)
                """;
        assertThat(parser.parse(logged).stage()).isEqualTo(SmtpStage.GREETING);
        assertThat(parser.parse(logged.replace("readServerResponse", "createSocket")).stage())
                .as("opening without reading is the connect").isEqualTo(SmtpStage.CONNECT);
    }

    /** The legacy com.sun.mail exception is read by name: its command gives the stage, its code the code. */
    @Test
    void legacyExceptionReadByName() {
        SMTPSendFailedException legacy = new SMTPSendFailedException("RCPT TO:<bob@example.com>", 550,
                "5.1.1 <bob@example.com>: Recipient address rejected: User unknown");
        ParsedReply parsed = throwables.read(legacy);
        assertThat(parsed.stage()).isEqualTo(SmtpStage.RCPT);
        assertThat(parsed.code()).as("the code the text lacks comes from getReturnCode()").isEqualTo(550);
        assertThat(parsed.enhancedCode()).hasToString("5.1.1");
        assertThat(throwables.read(new SMTPSendFailedException(".", 554, "554 5.7.1 spam")).stage())
                .isEqualTo(SmtpStage.END_OF_DATA);
    }

    @Test
    void theWholeCauseChainIsRead() {
        Exception chain = new IllegalStateException("send failed",
                new java.io.IOException("wrapped", new SocketTimeoutException("Connect timed out")));
        ParsedReply parsed = throwables.read(chain);
        assertThat(parsed.exceptions()).contains("IllegalStateException", "SocketTimeoutException");
        assertThat(parsed.text()).containsIgnoringCase("connect timed out");
        assertThat(parsed.stage()).isEqualTo(SmtpStage.CONNECT);
    }

    @Test
    void aCyclicChainEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertThat(throwables.read(b).text()).contains("a").contains("b");
    }
}
