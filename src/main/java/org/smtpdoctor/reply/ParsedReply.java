package org.smtpdoctor.reply;

import java.util.List;

/**
 * What {@link ReplyParser} makes of one error text.
 *
 * @param input        the text as given, with credentials masked ({@link SecretRedactor})
 * @param code         the RFC 5321 basic reply code (e.g. 535), or 0 when the text has none
 * @param enhancedCode the RFC 3463 enhanced status code, or null when the text has none
 * @param text         the message with log prefixes, exception wrappers, quotes, line breaks and the
 *                     leading codes taken off: what wording rules match against
 * @param exceptions   simple class names of the exceptions the text was wrapped in, outermost first
 *                     (e.g. MessagingException, UnknownHostException): an UnknownHostException's message
 *                     is only a host name, so the name is the evidence
 * @param truncated    true when the input was longer than the parser reads, and only its start was used
 * @param stage        the SMTP stage the failure happened at, or null when the text does not say
 * @param quoted       the reply of another server that this text quotes after words introducing one ({@code host
 *                     mx.example.com[192.0.2.1] said: 550 ...}, {@code The error that the other server returned was:
 *                     550 ...}), parsed from its reply code on, its own words only (same input, stage and exceptions);
 *                     null when the text quotes none. Its own quotes are not looked for: one level is read
 */
public record ParsedReply(String input, int code, EnhancedStatusCode enhancedCode, String text,
                          List<String> exceptions, boolean truncated, SmtpStage stage, ParsedReply quoted) {

    public ParsedReply {
        exceptions = List.copyOf(exceptions);
    }

    /** A reply whose stage is not known, quoting no other. */
    public ParsedReply(String input, int code, EnhancedStatusCode enhancedCode, String text,
                       List<String> exceptions, boolean truncated) {
        this(input, code, enhancedCode, text, exceptions, truncated, null, null);
    }

    /** The same reply, marked as read from the start of a longer input (and so the reply it quotes). */
    ParsedReply markTruncated() {
        return new ParsedReply(input, code, enhancedCode, text, exceptions, true, stage,
                quoted == null ? null : quoted.markTruncated());
    }

    /**
     * The same reply at a known stage; {@code null} keeps the stage read from the text. The reply it quotes was
     * given at the same stage.
     */
    public ParsedReply atStage(SmtpStage known) {
        return known == null ? this : new ParsedReply(input, code, enhancedCode, text, exceptions, truncated, known,
                quoted == null ? null : quoted.atStage(known));
    }

    /** The same reply with the enhanced code its server reported beside it; null keeps the reply as it is. */
    ParsedReply withEnhancedCode(EnhancedStatusCode reported) {
        return reported == null ? this
                : new ParsedReply(input, code, reported, text, exceptions, truncated, stage, quoted);
    }

    /** The same reply with this reply code, when the text itself carried none. */
    ParsedReply withCodeIfMissing(int replyCode) {
        return code != 0 || replyCode < 200 || replyCode > 599 ? this
                : new ParsedReply(input, replyCode, enhancedCode, text, exceptions, truncated, stage, quoted);
    }

    /** The same reply, quoting {@code reply} (null: none). */
    ParsedReply quoting(ParsedReply reply) {
        return new ParsedReply(input, code, enhancedCode, text, exceptions, truncated, stage, reply);
    }

    /**
     * 4 or 5 from the reply code, else from the enhanced code, else 0 (a text with no code may still say its class in
     * words, "permanent error": the rule set's {@code codes/failure-class-words.yaml} tells).
     */
    public int failureClass() {
        return failureClass(code, enhancedCode);
    }

    /** 4 or 5 from {@code code} (0 for none), else from {@code enhancedCode} (null for none), else 0. */
    public static int failureClass(int code, EnhancedStatusCode enhancedCode) {
        if (code != 0) {
            return code / 100;
        }
        return enhancedCode != null ? enhancedCode.statusClass() : 0;
    }
}
