package org.smtpdoctor.reply;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

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

    /**
     * The phrases of MTA and library messages that name a stage, in order of precedence: the first stage (in
     * this order) one of whose phrases the text holds decides. Lower-case; ASCII letters match in any case. A
     * phrase ending in {@value #WORD_END} must end a word there; {@value #HOST_PORT} stands for Postfix's
     * {@code host[address]:port: }.
     */
    private static final List<Clue> CLUES = List.of(
            // Postfix smtp(8): "TLS is required, but was not offered by host mx.example.com[192.0.2.7]"
            new Clue(SmtpStage.STARTTLS, "starttls is required but host does not support starttls",
                    "could not convert socket to tls", "tls is required, but was not offered"),
            // Postfix smtp(8): "connect to mx.example.com[192.0.2.7]:25: Connection refused"
            new Clue(SmtpStage.CONNECT, "connect timed out", "couldn't connect to host", "could not connect to smtp host",
                    "connect to " + Phrase.HOST_PORT),
            // Postfix smtp(8): "... (in reply to end of DATA command)", "... while sending end of data";
            // Exim: "SMTP error from remote mail server after end of data"
            // Exim: "... in response to end of data"; qmail-remote: "... failed after I sent the message"
            new Clue(SmtpStage.END_OF_DATA, "in reply to end of data command", "while sending end of data",
                    "after end-of-message", "after end of data", "in response to end of data",
                    "failed after i sent the message"),
            new Clue(SmtpStage.DATA, "in reply to data command", "while sending data command",
                    "while sending the data command", "while sending message body", "while sending the message body",
                    "after data" + Phrase.WORD_END, "after pipelined data" + Phrase.WORD_END,
                    "failed on data command",
                    // Symfony Mailer / SwiftMailer name the reply code they waited for: 354 answers DATA alone
                    "expected response code \"354\"", "expected response code 354" + Phrase.WORD_END),
            // Exim: "after RCPT TO:<...>", "after pipelined RCPT TO:<...>"; PHPMailer: "The following recipients failed"
            new Clue(SmtpStage.RCPT, "in reply to rcpt to command", "while sending rcpt to", "reject: rcpt from",
                    "after rcpt" + Phrase.WORD_END, "after pipelined rcpt" + Phrase.WORD_END, "the following recipients failed",
                    // Exim: "Remote host closed connection in response to RCPT TO:<...>"; qmail-remote: "does not like recipient."
                    "in response to rcpt to", "does not like recipient",
                    // Symfony Mailer / SwiftMailer: the codes RCPT TO may get ("Expected response code "250/251/252" but got ...")
                    "expected response code \"250/251/252\"", "expected response code 250/251/252" + Phrase.WORD_END),
            // PHPMailer: "The following From address failed"
            new Clue(SmtpStage.MAIL, "in reply to mail from command", "while sending mail from", "reject: mail from",
                    "after mail" + Phrase.WORD_END, "after pipelined mail" + Phrase.WORD_END, "the following from address failed",
                    // qmail-remote: "Connected to 192.0.2.7 but sender was rejected."
                    "in response to mail from", "but sender was rejected"),
            // Symfony Mailer: "Failed to authenticate on SMTP server"; PHPMailer: "SMTP Error: Could not authenticate."
            new Clue(SmtpStage.AUTH, "in reply to auth command", "after auth" + Phrase.WORD_END, "reject: auth from",
                    "failed to authenticate on smtp server", "could not authenticate",
                    // Postfix smtp(8): "SASL authentication failed; server mx.example.com[192.0.2.7] said: 535 ..."
                    "sasl authentication failed; server",
                    // Symfony Mailer / SwiftMailer: 235 (authenticated) and 334 (the next challenge) answer AUTH alone
                    "expected response code \"235\"", "expected response code 235" + Phrase.WORD_END,
                    "expected response code \"334\"", "expected response code 334" + Phrase.WORD_END),
            new Clue(SmtpStage.STARTTLS, "in reply to starttls command", "after starttls" + Phrase.WORD_END),
            // Exim: "after EHLO <name>"; Gmail ends its replies to EHLO with "(EHLO)"
            new Clue(SmtpStage.EHLO, "while performing the ehlo handshake", "while performing the helo handshake",
                    "in reply to ehlo command", "in reply to helo command", "reject: ehlo from", "reject: helo from",
                    "after ehlo" + Phrase.WORD_END, "after helo" + Phrase.WORD_END, "(ehlo)", "(helo)",
                    // Exim: "in response to EHLO <name>"; qmail-remote: "Connected to 192.0.2.7 but my name was rejected."
                    "in response to ehlo", "in response to helo", "but my name was rejected"),
            // Exim: "SMTP timeout after initial connection"
            new Clue(SmtpStage.GREETING, "while receiving the initial server greeting", "greeting never received",
                    "reject: connect from", "after initial connection",
                    // Exim: "in response to initial connection"; Postfix smtp(8): "host ... refused to talk to me: 554 ...";
                    // qmail-remote: "Connected to 192.0.2.7 but greeting failed."
                    "in response to initial connection", "refused to talk to me", "but greeting failed"));

    /** Every clue's phrases, and which clue each belongs to. */
    private static final List<Phrase> PHRASES = CLUES.stream().flatMap(clue -> clue.phrases().stream()).toList();
    private static final int[] CLUE_OF_PHRASE = IntStream.range(0, CLUES.size())
            .flatMap(clue -> IntStream.generate(() -> clue).limit(CLUES.get(clue).phrases().size())).toArray();
    private static final CaselessPhrases PHRASE_WORDS = new CaselessPhrases(PHRASES.stream().map(Phrase::words).toList());

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
        if (text == null) {
            return null;
        }
        int[] best = {CLUES.size()};
        PHRASE_WORDS.scan(text, (phrase, start, end) -> {
            if (CLUE_OF_PHRASE[phrase] < best[0] && PHRASES.get(phrase).endsAt(text, end)) {
                best[0] = CLUE_OF_PHRASE[phrase];
            }
            return best[0] > 0;
        });
        return best[0] < CLUES.size() ? CLUES.get(best[0]).stage() : null;
    }

    /** A stage and the phrases that name it. */
    private record Clue(SmtpStage stage, List<Phrase> phrases) {
        Clue(SmtpStage stage, String... phrases) {
            this(stage, Arrays.stream(phrases).map(Phrase::of).toList());
        }

    }

    /**
     * Words, and what must follow them.
     *
     * @param words         the words as written
     * @param endsWord      the last word must end there (as regex {@code \b} after a letter)
     * @param beforeAddress a host and port ending in ": " follow ({@code mx.example.com[192.0.2.7]:25: })
     */
    private record Phrase(String words, boolean endsWord, boolean beforeAddress) {
        /** Written after a phrase's words: they end a word there. */
        static final String WORD_END = "\\b";
        /** Written after a phrase's words: a host, a port and ": " follow ({@code \S+:\d+: }). */
        static final String HOST_PORT = "HOST:PORT: ";

        static Phrase of(String written) {
            boolean endsWord = written.endsWith(WORD_END);
            boolean beforeAddress = written.endsWith(HOST_PORT);
            int suffix = endsWord ? WORD_END.length() : beforeAddress ? HOST_PORT.length() : 0;
            return new Phrase(written.substring(0, written.length() - suffix), endsWord, beforeAddress);
        }

        /** Whether what follows the phrase's words, where they end at {@code end} of {@code text}, is what it needs. */
        boolean endsAt(String text, int end) {
            return endsWord ? !wordGoesOn(text, end) : !beforeAddress || hostAndPort(text, end);
        }

        /** As regex {@code \b} after a letter sees it: a letter, digit, '_' or combining mark continues the word. */
        private static boolean wordGoesOn(String text, int at) {
            if (at >= text.length()) {
                return false;
            }
            int c = text.codePointAt(at);
            return c == '_' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
        }

        /** Whether {@code \S+:\d+: } starts at {@code at}: a host, ':', a port, ':' and a space. */
        private static boolean hostAndPort(String text, int at) {
            int end = at;
            while (end < text.length() && !Chars.isSpace(text.charAt(end))) {
                end++;
            }
            // The run of non-spaces ends in ":" before a space, with digits and a ':' before it, and a host before that.
            if (end >= text.length() || text.charAt(end) != ' ' || end - 1 <= at || text.charAt(end - 1) != ':') {
                return false;
            }
            int digits = end - 1;
            while (digits > at && text.charAt(digits - 1) >= '0' && text.charAt(digits - 1) <= '9') {
                digits--;
            }
            return digits < end - 1 && digits - 1 > at && text.charAt(digits - 1) == ':';
        }
    }
}
