package org.smtpdoctor.reply;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials of an SMTP AUTH exchange that stand on lines of their own: after {@code AUTH LOGIN} the
 * client sends the user name and the password in base64, each on its own line, and after {@code AUTH PLAIN}
 * and an empty {@code 334} the token comes on the next line. A protocol trace (JavaMail's debug output,
 * Python's {@code send: 'cGFzcw==\r\n'}, {@code C: ...} transcripts) keeps those lines.
 *
 * <p>Within a text, every line that holds one token after an {@code AUTH} command or a {@code 334}
 * challenge, up to the first other line, is hidden. A line with nothing but such a token and no context
 * (a log read a line at a time) is hidden when the token is base64 of readable text, as a credential is;
 * a reply that merely ends in base64 ("authentication failed: UGFzc3dvcmQ6") is not such a line.
 */
final class AuthExchange {
    private static final Pattern OPENS_EXCHANGE = Pattern.compile(
            "(?i)\\bAUTH[ \\t]+[a-z]|(?<![\\w.:/-])334(?:[ \\t-]|$)");
    /** What a trace puts before a line the client sent. */
    private static final String[] TRACE_PREFIXES = {"c:", "client:", "send:", "sent:", ">>>", ">>", "->", ">"};
    private static final int MIN_ENCODED_CHARS = 8;

    private AuthExchange() {
    }

    /** Adds the tokens of the exchange lines of {@code text} to {@code spans}. */
    static void find(String text, List<SecretValue.Span> spans) {
        // On a single line there is no exchange to follow: only a bare token counts.
        boolean exchangeWords = (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)
                && (text.contains("334") || text.toLowerCase(Locale.ROOT).contains("auth"));
        boolean inExchange = false;
        Matcher opens = OPENS_EXCHANGE.matcher(text).useTransparentBounds(true);
        int start = 0;
        while (start <= text.length()) {
            int end = Chars.lineEnd(text, start);
            if (exchangeWords && opens.region(start, end).find()) {
                inExchange = true;
            } else {
                int[] token = token(text, start, end, inExchange);
                if (token != null && (inExchange ? SecretValue.isCredentialToken(text, token[0], token[1])
                        : isEncodedText(text.substring(token[0], token[1])))) {
                    spans.add(new SecretValue.Span(token[0], token[1]));
                } else if (end > SecretValue.skipBlanks(text, start)) {
                    inExchange = false;
                }
            }
            if (end >= text.length()) {
                break;
            }
            start = end + 1;
        }
    }

    /**
     * The one token the line [start, end) holds, as {start, end}, or null. Around it may stand quotes, a
     * logged {@code \r\n}, and before it a trace prefix ({@code C:}, {@code >>>}); within an exchange any
     * prefix that ends in {@code :} or {@code >} (a timestamp and a logger before it).
     */
    private static int[] token(String text, int start, int end, boolean inExchange) {
        int first = SecretValue.skipBlanks(text, start);
        int wordEnd = end;
        while (wordEnd > first && Character.isWhitespace(text.charAt(wordEnd - 1))) {
            wordEnd--;
        }
        int word = wordEnd;
        while (word > first && !Character.isWhitespace(text.charAt(word - 1))) {
            word--;
        }
        if (word >= wordEnd || !hasTracePrefix(text, first, word, inExchange)) {
            return null;
        }
        int k = word;
        if (text.startsWith("b'", k) || text.startsWith("b\"", k)) {
            k++;
        }
        boolean quoted = k < wordEnd && (text.charAt(k) == '\'' || text.charAt(k) == '"');
        int tokenStart = quoted ? k + 1 : k;
        int tokenEnd = SecretValue.tokenEnd(text, tokenStart, false);
        int rest = tokenEnd;
        if (text.startsWith("\\r\\n", rest)) {
            rest += 4;
        }
        if (quoted && rest < wordEnd && text.charAt(rest) == text.charAt(k)) {
            rest++;
        }
        return rest == wordEnd && tokenEnd > tokenStart ? new int[] {tokenStart, tokenEnd} : null;
    }

    /** Whether [start, end) is nothing, a trace prefix, or (within an exchange) anything ending in ':' or '>'. */
    private static boolean hasTracePrefix(String text, int start, int end, boolean inExchange) {
        int last = end;
        while (last > start && Character.isWhitespace(text.charAt(last - 1))) {
            last--;
        }
        if (last == start) {
            return true;
        }
        char c = text.charAt(last - 1);
        if (inExchange && (c == ':' || c == '>')) {
            return true;
        }
        return last - start <= 8 && isTracePrefix(text.substring(start, last).toLowerCase(Locale.ROOT));
    }

    private static boolean isTracePrefix(String before) {
        for (String prefix : TRACE_PREFIXES) {
            if (before.equals(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a lone token is base64 of readable text (a user name, a password, {@code \0user\0pass}), as
     * an AUTH line is; an id or a random word is not (it fails to decode, or decodes to binary).
     */
    static boolean isEncodedText(String token) {
        if (token.length() < MIN_ENCODED_CHARS || token.length() % 4 != 0
                || !SecretValue.isCredentialToken(token, 0, token.length())) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = (token.indexOf('-') >= 0 || token.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(token);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return false;
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            // AUTH PLAIN separates with NUL, XOAUTH2 with ^A; other controls mean binary.
            if (Character.isISOControl(c) && c != 0 && c != 1) {
                return false;
            }
        }
        return true;
    }
}
