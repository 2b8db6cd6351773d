package org.smtpdoctor.reply;

/**
 * What {@link ReplyParser} makes of one error text.
 *
 * @param input        the text as given
 * @param code         the RFC 5321 basic reply code (e.g. 535), or 0 when the text has none
 * @param enhancedCode the RFC 3463 enhanced status code, or null when the text has none
 * @param text         the message with log prefixes, exception wrappers, quotes, line breaks and the
 *                     leading codes taken off: what wording rules match against
 */
public record ParsedReply(String input, int code, EnhancedStatusCode enhancedCode, String text) {

    public boolean hasCode() {
        return code != 0;
    }

    /** 4 or 5 from the reply code, else from the enhanced code, else 0. */
    public int failureClass() {
        if (code != 0) {
            return code / 100;
        }
        return enhancedCode == null ? 0 : enhancedCode.statusClass();
    }
}
