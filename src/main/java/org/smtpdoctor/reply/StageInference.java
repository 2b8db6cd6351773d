package org.smtpdoctor.reply;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Infers the {@link SmtpStage} of a failure from the evidence an error text carries, strongest first:
 * <ol>
 *   <li>the SMTP command a Jakarta Mail exception names ({@code SMTPSendFailedException.getCommand()});</li>
 *   <li>the Jakarta Mail / JavaMail {@code SMTPTransport} method on the stack of the innermost exception
 *       that has one ({@code finishData} → end-of-data, {@code rcptTo} → rcpt, ...);</li>
 *   <li>exception classes and messages that belong to one stage ({@code AuthenticationFailedException},
 *       {@code UnknownHostException}, "Could not convert socket to TLS");</li>
 *   <li>MTA log wording: Postfix's "(in reply to end of DATA command)", "NOQUEUE: reject: RCPT from",
 *       "timed out while receiving the initial server greeting".</li>
 * </ol>
 * Unknown stays null: a rule that needs a stage must not get a guess.
 */
final class StageInference {
    private static final Map<String, SmtpStage> TRANSPORT_METHODS = Map.ofEntries(
            Map.entry("startTLS", SmtpStage.STARTTLS),
            Map.entry("ehlo", SmtpStage.EHLO),
            Map.entry("helo", SmtpStage.EHLO),
            Map.entry("authenticate", SmtpStage.AUTH),
            Map.entry("sasllogin", SmtpStage.AUTH),
            Map.entry("mailFrom", SmtpStage.MAIL),
            Map.entry("rcptTo", SmtpStage.RCPT),
            Map.entry("data", SmtpStage.DATA),
            Map.entry("bdat", SmtpStage.DATA),
            Map.entry("finishData", SmtpStage.END_OF_DATA),
            Map.entry("finishBdat", SmtpStage.END_OF_DATA));

    private static final Map<String, SmtpStage> STAGE_EXCEPTIONS = Map.ofEntries(
            Map.entry("AuthenticationFailedException", SmtpStage.AUTH),
            Map.entry("SMTPAuthenticationError", SmtpStage.AUTH),
            Map.entry("SMTPHeloError", SmtpStage.EHLO),
            Map.entry("SMTPSenderFailedException", SmtpStage.MAIL),
            Map.entry("SMTPSenderRefused", SmtpStage.MAIL),
            Map.entry("SMTPAddressFailedException", SmtpStage.RCPT),
            Map.entry("SMTPRecipientsRefused", SmtpStage.RCPT),
            // .NET System.Net.Mail: raised when the server refuses a recipient (RCPT TO).
            Map.entry("SmtpFailedRecipientException", SmtpStage.RCPT),
            Map.entry("SmtpFailedRecipientsException", SmtpStage.RCPT),
            Map.entry("MailConnectException", SmtpStage.CONNECT),
            Map.entry("UnknownHostException", SmtpStage.CONNECT),
            Map.entry("ConnectException", SmtpStage.CONNECT),
            Map.entry("NoRouteToHostException", SmtpStage.CONNECT),
            Map.entry("SocketTimeoutException", SmtpStage.CONNECT));

    /** Checked in order; the first that matches the text decides. Lower-case, as the text is lower-cased. */
    private static final List<Clue> TEXT_CLUES = List.of(
            new Clue("starttls is required but host does not support starttls|could not convert socket to tls",
                    SmtpStage.STARTTLS),
            // Postfix smtp(8): "connect to mx.example.com[192.0.2.7]:25: Connection refused"
            new Clue("connect timed out|couldn't connect to host|could not connect to smtp host|connect to \\S+:\\d+: ",
                    SmtpStage.CONNECT),
            // Postfix smtp(8): "... (in reply to end of DATA command)", "... while sending end of data";
            // Exim: "SMTP error from remote mail server after end of data"
            new Clue("in reply to end of data command|while sending end of data|after end-of-message|after end of data",
                    SmtpStage.END_OF_DATA),
            new Clue("in reply to data command|while sending (?:the )?(?:data command|message body)|after data\\b",
                    SmtpStage.DATA),
            // Exim: "after RCPT TO:<...>", "after pipelined RCPT TO:<...>"; PHPMailer: "The following recipients failed"
            new Clue("in reply to rcpt to command|while sending rcpt to|reject: rcpt from|after (?:pipelined )?rcpt\\b"
                    + "|the following recipients failed",
                    SmtpStage.RCPT),
            // PHPMailer: "The following From address failed"
            new Clue("in reply to mail from command|while sending mail from|reject: mail from|after (?:pipelined )?mail\\b"
                    + "|the following from address failed",
                    SmtpStage.MAIL),
            // Symfony Mailer: "Failed to authenticate on SMTP server"; PHPMailer: "SMTP Error: Could not authenticate."
            new Clue("in reply to auth command|after auth\\b|reject: auth from|failed to authenticate on smtp server"
                    + "|could not authenticate", SmtpStage.AUTH),
            new Clue("in reply to starttls command|after starttls\\b", SmtpStage.STARTTLS),
            // Exim: "after EHLO <name>"; Gmail ends its replies to EHLO with "(EHLO)"
            new Clue("while performing the (?:ehlo|helo) handshake|in reply to (?:ehlo|helo) command|reject: (?:ehlo|helo) from"
                    + "|after (?:ehlo|helo)\\b|\\((?:ehlo|helo)\\)",
                    SmtpStage.EHLO),
            // Exim: "SMTP timeout after initial connection"
            new Clue("while receiving the initial server greeting|greeting never received|reject: connect from"
                    + "|after initial connection",
                    SmtpStage.GREETING));

    /** Every clue holds one of these words; a text without any is not scanned. */
    private static final List<String> CLUE_WORDS = List.of(
            "in reply to", "while ", "reject:", "after ", "greeting", "connect", "starttls", "socket to tls", "timed out",
            "(ehlo)", "(helo)", "authenticate", "the following");

    private StageInference() {
    }

    /**
     * The stage a failure happened at, or null when the evidence does not say.
     *
     * @param command the SMTP command an exception names (e.g. "MAIL FROM:&lt;a@b&gt;", "."), or null
     * @param chain   the logged or live exception chain, outermost first
     * @param text    the whole error text
     */
    static SmtpStage infer(String command, List<LoggedException> chain, String text) {
        SmtpStage stage = fromCommand(command);
        if (stage == null) {
            stage = fromFrames(chain);
        }
        if (stage == null) {
            stage = fromExceptions(chain);
        }
        return stage != null ? stage : fromText(text);
    }

    static SmtpStage fromCommand(String command) {
        if (command == null || command.isBlank()) {
            return null;
        }
        String verb = command.strip().toUpperCase(Locale.ROOT);
        if (verb.equals(".")) {
            return SmtpStage.END_OF_DATA;
        }
        if (verb.startsWith("MAIL")) {
            return SmtpStage.MAIL;
        }
        if (verb.startsWith("RCPT")) {
            return SmtpStage.RCPT;
        }
        if (verb.startsWith("DATA") || verb.startsWith("BDAT")) {
            return SmtpStage.DATA;
        }
        if (verb.startsWith("AUTH")) {
            return SmtpStage.AUTH;
        }
        if (verb.startsWith("STARTTLS")) {
            return SmtpStage.STARTTLS;
        }
        return verb.startsWith("EHLO") || verb.startsWith("HELO") ? SmtpStage.EHLO : null;
    }

    /** The innermost exception's frames say most exactly where the failure was raised. */
    private static SmtpStage fromFrames(List<LoggedException> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            boolean readingReply = false;
            for (String frame : chain.get(i).frames()) {
                int dot = frame.lastIndexOf('.');
                String type = frame.substring(0, dot);
                String method = frame.substring(dot + 1);
                if (!type.endsWith(".SMTPTransport") && !type.contains(".SMTPTransport$")) {
                    continue;
                }
                if (type.contains("Authenticator")) {
                    return SmtpStage.AUTH;
                }
                if (method.equals("readServerResponse")) {
                    readingReply = true;
                } else if (method.equals("openServer")) {
                    return readingReply ? SmtpStage.GREETING : SmtpStage.CONNECT;
                } else if (TRANSPORT_METHODS.containsKey(method)) {
                    return TRANSPORT_METHODS.get(method);
                }
            }
        }
        return null;
    }

    private static SmtpStage fromExceptions(List<LoggedException> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            LoggedException e = chain.get(i);
            SmtpStage stage = STAGE_EXCEPTIONS.get(e.simpleName());
            // A read time-out can happen at any stage; only a connect time-out belongs to "connect".
            boolean readTimeout = e.simpleName().equals("SocketTimeoutException")
                    && !e.message().toLowerCase(Locale.ROOT).contains("connect");
            if (stage != null && !readTimeout) {
                return stage;
            }
        }
        return null;
    }

    static SmtpStage fromText(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (CLUE_WORDS.stream().noneMatch(lower::contains)) {
            return null; // most replies: no regex work
        }
        for (Clue clue : TEXT_CLUES) {
            if (clue.pattern.matcher(lower).find()) {
                return clue.stage;
            }
        }
        return null;
    }

    private record Clue(Pattern pattern, SmtpStage stage) {
        Clue(String regex, SmtpStage stage) {
            this(Pattern.compile(regex), stage);
        }
    }
}
