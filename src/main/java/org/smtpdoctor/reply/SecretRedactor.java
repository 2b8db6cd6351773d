package org.smtpdoctor.reply;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials that logged errors sometimes carry: SMTP AUTH tokens from protocol traces
 * ({@code AUTH PLAIN dXNlcgBwYXNz}), {@code password=...} settings dumps, and passwords in URLs
 * ({@code smtps://user:secret@host}). What is hidden becomes {@code ***}; the rest stays as it was.
 * Every repetition is bounded, so that a megabyte of log line costs linear time.
 */
public final class SecretRedactor {
    static final String MASK = "***";
    private static final List<Pattern> SECRETS = List.of(
            // AUTH PLAIN <token>, AUTH LOGIN <token>, AUTH XOAUTH2 <token>: the token is the credential
            Pattern.compile("(?i)(\\bAUTH\\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5)\\s+)([A-Za-z0-9+/=._-]{4,4096})"),
            // password=secret, "password": "secret", mail.smtp.password: secret, pwd=...
            Pattern.compile("(?i)(\\b(?:[\\w.]{0,40}password|passwd|pwd|secret|api[_-]?key|access[_-]?token)"
                    + "[\"']?\\s{0,8}[=:]\\s{0,8}[\"']?)([^\\s\"',;&]{1,256})"),
            // scheme://user:secret@host
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]{0,20}://[^\\s:/@]{1,128}:)([^\\s@/]{1,256})(?=@)"));

    /**
     * Per pattern above, words one of which every match contains: most texts hold none, and a lower-cased
     * {@code contains} is far cheaper than the regex ({@code (?i)} here is ASCII-only, as is the lower-casing).
     */
    private static final List<List<String>> TRIGGERS = List.of(
            List.of("auth"),
            List.of("password", "passwd", "pwd", "secret", "api", "token"),
            List.of("://"));

    private SecretRedactor() {
    }

    /** The text with every credential it recognises replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < SECRETS.size(); i++) {
            if (!containsAny(lower, TRIGGERS.get(i))) {
                continue;
            }
            Matcher m = SECRETS.get(i).matcher(result);
            if (m.find()) {
                result = m.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
            }
        }
        return result;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
