package org.smtpdoctor.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Hostile error texts with planted credentials, generated from a {@link Random} (so a seed reproduces a run):
 * every form of issue 15 ({@link PlantedSecrets} lists them one row each) with a fresh secret, between pieces of
 * hostile context (control characters, invalid surrogates, huge runs, unbalanced quotes, stack frames, look-alike
 * SMTP replies, other forms' keywords). The secrets are random enough that a piece of one found in an output
 * can only have come from the planted text; {@link #leaks} finds such pieces.
 */
public final class HostileTexts {
    /** A secret's pieces shorter than this are not looked for: they could occur by chance. */
    private static final int MIN_PIECE = 5;
    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    /** What an unquoted value may hold: anything but white space and the separators that end it. */
    private static final String WORD_SPECIALS = "!#$%*+-./:=?@^_~()[]{}<>|";
    /** What a URL's password may hold (the issue's forms: '/' and '@'), but not what ends a URL or starts its query. */
    private static final String URL_SPECIALS = "/@!$*+-.:=_~";

    /** A planted text: which form, the text, and what of the secret no output may show. */
    public record Planted(String form, String text, List<String> secrets) {
        public boolean oneLine() {
            return text.indexOf('\n') < 0 && text.indexOf('\r') < 0;
        }
    }

    private enum Kind { WORD, SPACED, URL, LONG }

    private record Form(String name, Kind kind, boolean multiLine, Function<String, String> text, boolean base64) {
        Form(String name, Kind kind, Function<String, String> text) {
            this(name, kind, false, text, false);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
        }
        return out.toString();
    }

    private static final List<Form> FORMS = List.of(
            new Form("pass=S", Kind.WORD, s -> "user=ann pass=" + s),
            new Form("SMTP_PASS=S;", Kind.WORD, s -> "SMTP_USER=ann;SMTP_PASS=" + s.replace(";", "") + ";SMTP_PORT=587"),
            new Form("password=S", Kind.WORD, s -> "password=" + s),
            new Form("password= over 256", Kind.LONG, s -> "password=" + s),
            new Form("password=\"with spaces\"", Kind.SPACED, s -> "password=\"" + s + "\""),
            new Form("password='with spaces'", Kind.SPACED, s -> "smtp_password = '" + s + "'"),
            new Form("JSON \"password\"", Kind.SPACED, s -> "{\"user\": \"ann\", \"password\": \"" + json(s) + "\"}"),
            new Form("YAML password:", Kind.WORD, true, s -> "mail:\n  password: " + s + "\n", false),
            new Form("env MAIL_PASSWORD=", Kind.WORD, s -> "MAIL_PASSWORD=" + s),
            new Form("pwd=", Kind.WORD, s -> "pwd=" + s),
            new Form("passwd:", Kind.WORD, s -> "passwd: " + s),
            new Form("secret=", Kind.WORD, s -> "secret=" + s),
            new Form("client_secret", Kind.SPACED, s -> "\"client_secret\": \"" + json(s) + "\""),
            new Form("token=", Kind.WORD, s -> "access_token=" + s),
            new Form("api_key=", Kind.WORD, s -> "api_key=" + s),
            new Form("apikey:", Kind.WORD, s -> "apikey: " + s),
            new Form("api-key:", Kind.WORD, s -> "X-Api-Key: " + s),
            new Form("Authorization: Basic", Kind.WORD, false, s -> "Authorization: Basic " + b64("ann:" + s), true),
            new Form("Authorization: Bearer", Kind.WORD, s -> "Authorization: Bearer " + s),
            new Form("AUTH PLAIN token", Kind.WORD, false, s -> "AUTH PLAIN " + b64("\0ann\0" + s), true),
            new Form("AUTH PLAIN after 334", Kind.WORD, true, s -> "AUTH PLAIN\n334 \n" + b64("\0ann\0" + s) + "\n", true),
            new Form("AUTH LOGIN lines", Kind.WORD, true,
                    s -> "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: " + b64("ann") + "\nS: 334 UGFzc3dvcmQ6\nC: " + b64(s) + "\n", true),
            new Form("base64 line alone", Kind.WORD, true, s -> "\n" + b64(s) + "\n", true),
            new Form("URL password", Kind.URL, s -> "smtps://ann:" + s + "@smtp.example.org:465"),
            new Form("URL e-mail user", Kind.URL, s -> "smtp://ann@example.org:" + s + "@smtp.example.org"),
            new Form("--password S", Kind.WORD, s -> "mailsend --to bob@example.org --password " + s),
            new Form("swaks -ap", Kind.WORD, s -> "swaks -au ann -ap " + s + " -s smtp.example.org"),
            new Form("swaks --auth-password", Kind.WORD, s -> "swaks --auth-password '" + s.replace("'", "") + "'"),
            new Form("-p S", Kind.WORD, s -> "mailtool -u ann -p " + s),
            new Form("curl -u user:pass", Kind.WORD, s -> "curl smtps://smtp.example.org -u ann:" + s));

    /** Hostile pieces around a planted form. */
    private static final List<String> CONTEXT = List.of(
            "535 5.7.8 Error: authentication failed: authentication failure",
            "535-5.7.8 Username and Password not accepted.",
            "550-5.7.1 [192.0.2.1] Our system has detected", "421 4.7.0 Try again later", "334 ", "AUTH PLAIN",
            "2026-01-01 12:00:00,123 ERROR [main] o.e.Mailer - ", "May  1 12:00:00 mx postfix/smtp[42]: 4F2A31C0B2: ",
            "javax.mail.AuthenticationFailedException: ", "Caused by: ", "; nested exception is:",
            "\n\tat com.example.Mailer.send(Mailer.java:42)", "\n\t... 12 more", "\u0000", "\u001b[31m", "\u0085",
            "\ud800", "\udfff", "\uFEFF", "\u202Eevil", "İ", "e\u0301", "\uD83D\uDE00", "\"", "'", "`", "\\", "\\\"", "{",
            "}", "[", "<", ">", "://", "@", ":", "=", ";", "&", "password", "Password not accepted", "pass:", "token",
            "Bearer", "Basic", "-p", "-u", "a".repeat(5000), "=".repeat(3000), "\\".repeat(1000), "\"".repeat(500),
            "AUTH LOGIN ".repeat(200), "password=".repeat(300), "://".repeat(300), "334 ".repeat(300), " ".repeat(2000));

    private HostileTexts() {
    }

    /** The number of forms planted. */
    public static int forms() {
        return FORMS.size();
    }

    /** A hostile text with one planted credential; {@code oneLine} keeps it to one line (for plain input). */
    public static Planted next(Random random, boolean oneLine) {
        Form form;
        do {
            form = FORMS.get(random.nextInt(FORMS.size()));
        } while (oneLine && form.multiLine());
        String secret = secret(random, form.kind());
        String planted = form.text().apply(secret);
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (form.base64()) {
            secrets.add(planted.strip().lines().reduce((a, b) -> b).orElse("").replaceAll(".* ", ""));
        }
        String text = context(random, oneLine) + " " + planted + " " + context(random, oneLine);
        return new Planted(form.name(), text, secrets);
    }

    /** Up to three hostile pieces, joined. */
    public static String context(Random random, boolean oneLine) {
        StringBuilder out = new StringBuilder();
        int pieces = random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            String piece = CONTEXT.get(random.nextInt(CONTEXT.size()));
            out.append(oneLine ? piece.replace('\n', ' ').replace('\r', ' ').replace('\u0085', ' ') : piece);
        }
        return out.toString();
    }

    private static String secret(Random random, Kind kind) {
        StringBuilder s = new StringBuilder();
        s.append(ALNUM.charAt(random.nextInt(24))).append(random.nextInt(10));
        int length = kind == Kind.LONG ? 257 + random.nextInt(400) : 8 + random.nextInt(16);
        String specials = kind == Kind.URL ? URL_SPECIALS : kind == Kind.SPACED ? " ;,&'\\\"!@" : WORD_SPECIALS;
        while (s.length() < length) {
            boolean special = random.nextInt(6) == 0;
            s.append(special ? specials.charAt(random.nextInt(specials.length())) : ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        if (kind == Kind.SPACED && s.indexOf(" ") < 0) {
            s.insert(s.length() / 2, ' ');
        }
        // A value never ends in its quote's escape, and a spaced one never closes its own quote early.
        return kind == Kind.SPACED ? s.toString().replace("'", "").replace("\"", "").replace("\\", "") : s.toString();
    }

    /** The pieces of {@code planted}'s secrets (runs of five or more letters and digits) that {@code output} shows. */
    public static List<String> leaks(String output, Planted planted) {
        List<String> found = new ArrayList<>();
        for (String secret : planted.secrets()) {
            for (String piece : secret.split("[^A-Za-z0-9]+")) {
                if (piece.length() >= MIN_PIECE && output.contains(piece)) {
                    found.add(piece);
                }
            }
        }
        return found;
    }
}
