package org.smtpdoctor.reply;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One way a credential is written into a text: the words without which it cannot occur (a cheap test
 * before the pattern), the pattern of what introduces the value (of bounded length), and how the value
 * after it is read ({@link SecretValue}).
 *
 * @param triggers lower-case words one of which every occurrence contains
 * @param pattern  what stands before the value; the value starts where a match ends
 * @param value    how far the value goes, and which part of it is hidden
 */
record SecretForm(List<String> triggers, Pattern pattern, SecretValue value) {
    /** Setting names whose value is a credential, longest first (the alternation takes the first that fits). */
    private static final String SECRET_KEYS = "client[_-]?secret|secret[_-]?key|private[_-]?key|access[_-]?key"
            + "|api[_-]?key|passwordeval|passphrase|password|passwd|pass|pwd|secret|token";

    /**
     * Every form. Each reads the text as given (the redactor masks the union of what they find), so none hides
     * from another the words it looks for.
     */
    static final List<SecretForm> ALL = List.of(
            // Authorization: Basic dXNlcjpwYXNz, Proxy-Authorization: Bearer eyJ...
            new SecretForm(List.of("authorization"),
                    Pattern.compile("(?i)\\b(?:proxy-)?authorization\\\\?[\"']?[ \\t]{0,8}[:=][ \\t]{0,8}\\\\?[\"']?"),
                    SecretValue.HEADER),
            // password=S, SMTP_PASS=S;, MAIL_PASSWORD="a b", "client_secret": "S", password: S, api-key: S
            new SecretForm(List.of("pass", "pwd", "secret", "token", "key"),
                    // (the lookahead rejects most positions before the alternation is tried)
                    Pattern.compile("(?i)(?=[acpst])(?<key>" + SECRET_KEYS + ")(?<quote>\\\\?[\"'])?[ \\t]{0,8}"
                            + "(?<separator>=>|:=|=|:)[ \\t]{0,8}"), SecretValue.SETTING),
            // smtps://ann@example.org:S@host, smtp://user:pa/ss@word@host
            new SecretForm(List.of("://"),
                    Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]{0,20}://"), SecretValue.URL_PASSWORD),
            // swaks --auth-password S / -ap S, --password S, --pass S, -p S on a logged command line
            new SecretForm(List.of("-p", "-ap"),
                    Pattern.compile("(?<![\\w-])(?:--(?:auth-password|smtp-password|password|passwd|pass|pwd)|-ap|-pw|-p)"
                            + "(?:=|[ \\t]+)"), SecretValue.WORD),
            // curl -u user:pass, --user user:pass
            new SecretForm(List.of("-u"),
                    Pattern.compile("(?<![\\w-])(?:-u|--user)(?:=|[ \\t]+)"), SecretValue.AFTER_COLON),
            // smtp.login("ann", "S"), new PasswordAuthentication("ann", "S"), new NetworkCredential("ann", "S")
            new SecretForm(List.of("login", "credential", "passwordauth"),
                    Pattern.compile("(?i)\\b(?:login|PasswordAuthentication|NetworkCredential|UsernamePasswordCredentials)"
                            + "[ \\t]{0,4}\\([ \\t]{0,4}"), SecretValue.SECOND_ARGUMENT),
            // setPassword("S"), .password("S")
            new SecretForm(List.of("password"),
                    Pattern.compile("(?i)\\b(?:set[a-z]{0,20})?password[ \\t]{0,4}\\([ \\t]{0,4}(?=[\"'])"),
                    SecretValue.WORD),
            // <password>S</password>, <smtp:token>S</smtp:token>
            new SecretForm(List.of("pass", "pwd", "secret", "token", "key"),
                    Pattern.compile("(?i)<[\\w:.-]{0,40}?(?:" + SECRET_KEYS + ")>"), SecretValue.ELEMENT),
            // PASS S: the POP3 and FTP command, at the start of a traced line
            new SecretForm(List.of("pass"),
                    Pattern.compile("(?m)^[ \\t]*(?:[CS]:[ \\t]*|>{1,3}[ \\t]*)?PASS[ \\t]+"), SecretValue.REST_OF_LINE),
            // AUTH PLAIN <token>, AUTH LOGIN <user>, AUTH XOAUTH2 <token>: the initial response is the credential
            new SecretForm(List.of("auth"),
                    Pattern.compile("(?i)\\bAUTH[ \\t]+[a-z][a-z0-9_-]{0,19}[ \\t]+"), SecretValue.AUTH_TOKEN),
            // 334 <challenge> <response>, as a log joins a server's challenge and the client's answer
            new SecretForm(List.of("334"),
                    Pattern.compile("(?<![\\w.:/-])334[ \\t]+"), SecretValue.AUTH_TOKENS),
            // Bearer eyJhbGciOi...: a token without its header name
            new SecretForm(List.of("bearer"),
                    Pattern.compile("(?i)\\bbearer[ \\t]+"), SecretValue.BEARER_TOKEN),
            // Basic dXNlcjpwYXNz: user:password in base64 without its header name
            new SecretForm(List.of("basic"),
                    Pattern.compile("(?i)\\bbasic[ \\t]+"), SecretValue.BASIC_TOKEN));

    /** A name ending in a setting name above ({@code smtpPassword}, {@code SMTP_PASS}), but not in a word ({@code bypass}). */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).{0,80}?(?:" + SECRET_KEYS.replace("|pass|", "|")
            + ")|(?:.{0,80}[^a-z])?pass");

    /** Whether a field of this name holds a credential. */
    static boolean isSecretName(String name) {
        return name.length() <= 80 && SECRET_NAME.matcher(name).matches();
    }

    /** Whether {@code lower} (the text lower-cased) may hold this form at all. */
    boolean mayOccurIn(String lower) {
        for (String trigger : triggers) {
            if (lower.contains(trigger)) {
                return true;
            }
        }
        return false;
    }
}
