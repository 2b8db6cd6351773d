package org.smtpdoctor.reply;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * One way a credential is written into a text: the words without which it cannot occur and what must follow
 * them (a cheap test before the pattern), the pattern of what introduces the value (of bounded length), and
 * how the value after it is read ({@link SecretValue}).
 *
 * @param triggers lower-case words one of which every occurrence contains
 * @param follows  what every occurrence has after its trigger word
 * @param pattern  what stands before the value; the value starts where a match ends
 * @param value    how far the value goes, and which part of it is hidden
 */
record SecretForm(List<String> triggers, Follows follows, Pattern pattern, SecretValue value) {
    /** Setting names whose value is a credential, longest first (the alternation takes the first that fits). */
    private static final String SECRET_KEYS = "client[_-]?secret|secret[_-]?key|private[_-]?key|access[_-]?key"
            + "|api[_-]?key|passwordeval|passphrase|password|passwd|pass|pwd|secret|token";

    /**
     * Every form. Each reads the text as given (the redactor masks the union of what they find), so none hides
     * from another the words it looks for.
     */
    static final List<SecretForm> ALL = List.of(
            // Authorization: Basic dXNlcjpwYXNz, Proxy-Authorization: Bearer eyJ...
            new SecretForm(List.of("authorization"), Follows.ASSIGNMENT,
                    Pattern.compile("(?i)\\b(?:proxy-)?authorization\\\\?[\"']?[ \\t]{0,8}[:=][ \\t]{0,8}\\\\?[\"']?"),
                    SecretValue.HEADER),
            // password=S, SMTP_PASS=S;, MAIL_PASSWORD="a b", "client_secret": "S", password: S, api-key: S
            new SecretForm(List.of("pass", "pwd", "secret", "token", "key"), Follows.ASSIGNMENT,
                    // (the lookahead rejects most positions before the alternation is tried)
                    Pattern.compile("(?i)(?=[acpst])(?<key>" + SECRET_KEYS + ")(?<quote>\\\\?[\"'])?[ \\t]{0,8}"
                            + "(?<separator>=>|:=|=|:)[ \\t]{0,8}"), SecretValue.SETTING),
            // smtps://ann@example.org:S@host, smtp://user:pa/ss@word@host
            new SecretForm(List.of("://"), Follows.AT_SIGN,
                    Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]{0,20}://"), SecretValue.URL_PASSWORD),
            // swaks --auth-password S / -ap S, --password S, --pass S, -p S on a logged command line
            new SecretForm(List.of("-p", "-ap"), Follows.OPTION,
                    Pattern.compile("(?<![\\w-])(?:--(?:auth-password|smtp-password|password|passwd|pass|pwd)|-ap|-pw|-p)"
                            + "(?:=|[ \\t]+)"), SecretValue.WORD),
            // curl -u user:pass, --user user:pass
            new SecretForm(List.of("-u"), Follows.OPTION,
                    Pattern.compile("(?<![\\w-])(?:-u|--user)(?:=|[ \\t]+)"), SecretValue.AFTER_COLON),
            // smtp.login("ann", "S"), new PasswordAuthentication("ann", "S"), new NetworkCredential("ann", "S")
            new SecretForm(List.of("login", "credential", "passwordauth"), Follows.CALL,
                    Pattern.compile("(?i)\\b(?:login|PasswordAuthentication|NetworkCredential|UsernamePasswordCredentials)"
                            + "[ \\t]{0,4}\\([ \\t]{0,4}"), SecretValue.SECOND_ARGUMENT),
            // setPassword("S"), .password("S")
            new SecretForm(List.of("password"), Follows.CALL,
                    Pattern.compile("(?i)\\b(?:set[a-z]{0,20})?password[ \\t]{0,4}\\([ \\t]{0,4}(?=[\"'])"),
                    SecretValue.WORD),
            // <password>S</password>, <smtp:token>S</smtp:token>
            new SecretForm(List.of("pass", "pwd", "secret", "token", "key"), Follows.ELEMENT,
                    Pattern.compile("(?i)<[\\w:.-]{0,40}?(?:" + SECRET_KEYS + ")>"), SecretValue.ELEMENT),
            // PASS S: the POP3 and FTP command, at the start of a traced line
            new SecretForm(List.of("pass"), Follows.BLANK,
                    Pattern.compile("(?m)^[ \\t]*(?:[CS]:[ \\t]*|>{1,3}[ \\t]*)?PASS[ \\t]+"), SecretValue.REST_OF_LINE),
            // AUTH PLAIN <token>, AUTH LOGIN <user>, AUTH XOAUTH2 <token>: the initial response is the credential
            new SecretForm(List.of("auth"), Follows.BLANK,
                    Pattern.compile("(?i)\\bAUTH[ \\t]+[a-z][a-z0-9_-]{0,19}[ \\t]+"), SecretValue.AUTH_TOKEN),
            // 334 <challenge> <response>, as a log joins a server's challenge and the client's answer
            new SecretForm(List.of("334"), Follows.BLANK,
                    Pattern.compile("(?<![\\w.:/-])334[ \\t]+"), SecretValue.AUTH_TOKENS),
            // Bearer eyJhbGciOi...: a token without its header name
            new SecretForm(List.of("bearer"), Follows.BLANK,
                    Pattern.compile("(?i)\\bbearer[ \\t]+"), SecretValue.BEARER_TOKEN),
            // Basic dXNlcjpwYXNz: user:password in base64 without its header name
            new SecretForm(List.of("basic"), Follows.BLANK,
                    Pattern.compile("(?i)\\bbasic[ \\t]+"), SecretValue.BASIC_TOKEN));

    /** A name ending in a setting name above ({@code smtpPassword}, {@code SMTP_PASS}), but not in a word ({@code bypass}). */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).{0,80}?(?:" + SECRET_KEYS.replace("|pass|", "|")
            + ")|(?:.{0,80}[^a-z])?pass");

    /** Whether a field of this name holds a credential. */
    static boolean isSecretName(String name) {
        return name.length() <= 80 && SECRET_NAME.matcher(name).matches();
    }

    /** Every form's trigger words, found in one pass. */
    private static final List<String> TRIGGERS = ALL.stream().flatMap(form -> form.triggers().stream()).distinct().toList();
    private static final CaselessPhrases TRIGGER_WORDS = new CaselessPhrases(TRIGGERS);
    /** The indexes in {@link #ALL} of the forms each trigger word belongs to. */
    private static final int[][] FORMS_BY_TRIGGER = TRIGGERS.stream()
            .map(trigger -> IntStream.range(0, ALL.size())
                    .filter(form -> ALL.get(form).triggers().contains(trigger)).toArray())
            .toArray(int[][]::new);

    /**
     * The forms {@code text} may hold, as bits by their index in {@link #ALL}: those one of whose trigger words
     * stands in it (ASCII letters in any case) with what the form needs after it. A text holding a form always
     * has its bit (the form's pattern matches only ASCII letters, in any case, and needs what {@link Follows}
     * tests); most others do not.
     */
    static long mayOccurIn(String text) {
        long[] forms = {0};
        long all = (1L << ALL.size()) - 1;
        TRIGGER_WORDS.scan(text, (trigger, start, end) -> {
            for (int form : FORMS_BY_TRIGGER[trigger]) {
                if ((forms[0] & 1L << form) == 0 && ALL.get(form).follows().after(text, end)) {
                    forms[0] |= 1L << form;
                }
            }
            return forms[0] != all;
        });
        return forms[0];
    }

    /** What each form's pattern needs after a trigger word. */
    enum Follows {
        /** A blank: {@code AUTH[ \t]+}, {@code bearer[ \t]+}, {@code 334[ \t]+}. */
        BLANK {
            @Override
            boolean after(String text, int at) {
                return isBlank(text, at);
            }
        },
        /**
         * The rest of a name, then {@code = : := =>} (after a quote and blanks): {@code password=},
         * {@code "client_secret": }, {@code Authorization: }.
         */
        ASSIGNMENT {
            @Override
            boolean after(String text, int at) {
                int i = nameEnd(text, at);
                i = i < text.length() && text.charAt(i) == '\\' ? i + 1 : i;
                i = i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'') ? i + 1 : i;
                i = SecretValue.skipBlanks(text, i);
                return i < text.length() && (text.charAt(i) == '=' || text.charAt(i) == ':');
            }
        },
        /** An {@code @} later (the end of a URL's user info): {@code smtp://user:S@host}. */
        AT_SIGN {
            @Override
            boolean after(String text, int at) {
                return text.indexOf('@', at) >= 0;
            }
        },
        /** The rest of an option's name, then {@code =} or a blank: {@code -p S}, {@code --password=S}. */
        OPTION {
            @Override
            boolean after(String text, int at) {
                int i = nameEnd(text, at);
                return isBlank(text, i) || (i < text.length() && text.charAt(i) == '=');
            }
        },
        /** The rest of a name, blanks, then {@code (}: {@code login("ann", "S")}, {@code setPassword("S")}. */
        CALL {
            @Override
            boolean after(String text, int at) {
                int i = SecretValue.skipBlanks(text, nameEnd(text, at));
                return i < text.length() && text.charAt(i) == '(';
            }
        },
        /** The rest of a tag's name, then {@code >}: {@code <password>}. */
        ELEMENT {
            @Override
            boolean after(String text, int at) {
                int i = nameEnd(text, at);
                return i < text.length() && text.charAt(i) == '>';
            }
        };

        abstract boolean after(String text, int at);

        /** The end of the rest of a name ({@code [a-zA-Z_-]*}) from {@code at}. */
        private static int nameEnd(String text, int at) {
            int i = at;
            while (i < text.length() && (Chars.isAlpha(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '-')) {
                i++;
            }
            return i;
        }

        private static boolean isBlank(String text, int at) {
            return at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t');
        }
    }
}
