package org.smtpdoctor.reply;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Hides the credentials that logged errors carry, before anything else reads the text: what is hidden
 * becomes {@code ***}, the rest stays as it was. {@link ReplyParser} masks every input first, so the
 * parsed text, the rules' parameters, templates, unknown examples and every output made from them only
 * ever hold the masked text (see docs/security.md for why masking is done there and not at each output).
 *
 * <p>The forms recognised are listed in {@link SecretForm#ALL} (settings such as {@code password=},
 * {@code SMTP_PASS=}, {@code "client_secret": "..."}, URL user info, {@code Authorization} headers,
 * command-line options, SMTP {@code AUTH} commands) and {@link AuthExchange} (the base64 lines of an
 * {@code AUTH LOGIN} or {@code AUTH PLAIN} exchange). A value is hidden whole, however long; a quoted one
 * up to its closing quote (or the end of its line). Reply wording is left alone: "Password not accepted"
 * or "authentication failed" name no value.
 *
 * <p>Linear time: every form is found by a pattern of bounded length (no nested repetition), and its
 * value is then read by a hand-written scan that never goes back; most texts hold none of the forms'
 * trigger words and cost one lower-casing and a few {@code contains}.
 */
public final class SecretRedactor {
    /** What a hidden value becomes. */
    public static final String MASK = "***";

    private SecretRedactor() {
    }

    /** The text with every credential it recognises replaced by {@code ***}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String result = text;
        for (SecretForm form : SecretForm.ALL) {
            if (form.mayOccurIn(lower)) {
                result = mask(result, form);
            }
        }
        return AuthExchange.mask(result, lower);
    }

    /**
     * A named field's value with its credentials masked: the whole value when the name is a credential's
     * ({@code password}, {@code smtp_pass}, {@code api-key}, {@code client_secret} ...), else as
     * {@link #redact} masks it.
     */
    public static String redactField(String name, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return name != null && SecretForm.isSecretName(name) ? MASK : redact(value);
    }

    private static String mask(String text, SecretForm form) {
        Matcher m = form.pattern().matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (true) {
            List<SecretValue.Span> spans = form.value().spans(text, m);
            for (SecretValue.Span span : spans) {
                if (span.start() >= copied && span.end() > span.start()) {
                    out.append(text, copied, span.start()).append(MASK);
                    copied = span.end();
                }
            }
            int next = Math.max(m.end(), copied);
            if (next >= text.length() || !m.find(next)) {
                break;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }
}
