package org.smtpdoctor.reply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * trigger words followed by what the form needs ({@code auth} and a blank, {@code password} and {@code =}), and
 * cost one pass that looks for the trigger words of all forms at once.
 */
public final class SecretRedactor {
    /** What a hidden value becomes. */
    public static final String MASK = "***";

    /** Longer than any match of a {@link SecretForm}'s pattern (the longest, an XML tag, is at most 55). */
    private static final int MAX_INTRODUCTION_CHARS = 64;

    private SecretRedactor() {
    }

    /** The text with every credential it recognises replaced by {@code ***}; null stays null. */
    public static String redact(String text) {
        return redact(text, true);
    }

    /**
     * {@link #redact}; without {@code precheck}, every form's pattern runs on the text, whether or not its trigger
     * words and what follows them ({@link SecretForm#mayOccurIn}) are there: what the pre-check must never change.
     */
    static String redact(String text, boolean precheck) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        long forms = precheck ? SecretForm.mayOccurIn(text) : -1L;
        List<SecretValue.Span> spans = new ArrayList<>(0);
        for (int i = 0; i < SecretForm.ALL.size(); i++) {
            if ((forms & 1L << i) != 0) {
                find(text, SecretForm.ALL.get(i), spans);
            }
        }
        AuthExchange.find(text, spans);
        return spans.isEmpty() ? text : masked(text, spans);
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

    /**
     * Adds the values of {@code form} in {@code text} to {@code spans}. Every form reads the text as given, not as
     * another form masked it, so that no mask hides the words another form looks for ("334 pass=S!x": the
     * challenge's token is "pass=S", the setting's value "S!x"; together they hide all of S).
     */
    private static void find(String text, SecretForm form, List<SecretValue.Span> spans) {
        Matcher m = form.pattern().matcher(text);
        Matcher inner = form.pattern().matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int resume = m.end();
            if (introducesAnother(text, m.end(), inner)) {
                from = resume; // "pass: apikey: S", "pass: \"client_secret\": \"S\"": the inner one's value is the secret
                continue;
            }
            for (SecretValue.Span span : form.value().spans(text, m)) {
                if (span.end() > span.start()) {
                    spans.add(span);
                }
                // A value is not read again from inside it, except where another introduction may start in it
                // and end past it ("password= X-Api-Key: S": the value "X-Api-Key:" ends where S starts).
                resume = Math.max(resume, span.end() - MAX_INTRODUCTION_CHARS);
            }
            from = resume;
        }
    }

    /** Whether what stands at {@code at} (inside a quote, if one opens there) is the same form's introduction. */
    private static boolean introducesAnother(String text, int at, Matcher inner) {
        int start = at;
        if (start < text.length() && text.charAt(start) == '\\') {
            start++;
        }
        if (start < text.length() && (text.charAt(start) == '"' || text.charAt(start) == '\'')) {
            start++;
        }
        return start < text.length() && inner.region(start, text.length()).lookingAt();
    }

    /** {@code text} with the union of {@code spans} replaced, one mask for each run of touching spans. */
    private static String masked(String text, List<SecretValue.Span> spans) {
        spans.sort(Comparator.comparingInt(SecretValue.Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < spans.size()) {
            int start = spans.get(i).start();
            int end = spans.get(i).end();
            while (++i < spans.size() && spans.get(i).start() <= end) {
                end = Math.max(end, spans.get(i).end());
            }
            out.append(text, copied, Math.max(copied, start)).append(MASK);
            copied = Math.max(copied, end);
        }
        return out.append(text, copied, text.length()).toString();
    }
}
