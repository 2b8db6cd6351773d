package org.smtpdoctor.reply;

import java.util.List;
import java.util.regex.Matcher;

/**
 * How the value after a {@link SecretForm}'s match is read, and which part of it is hidden. Each reads
 * forward from the match's end and never goes back, so a value costs its own length.
 */
enum SecretValue {
    /** A quoted value (to its closing quote, or the end of its line) or an unquoted word. */
    WORD {
        @Override
        List<Span> spans(String text, Matcher m) {
            return single(value(text, m.end()));
        }
    },
    /**
     * A setting's value. The word {@code pass} is also English ("SPF did not pass:
     * example.com"): with a colon they count only as a setting's name (quoted, at the start of a line, or
     * part of a longer name such as {@code SMTP_PASS}) or before a quoted value.
     */
    SETTING {
        @Override
        List<Span> spans(String text, Matcher m) {
            String key = m.group("key").toLowerCase(java.util.Locale.ROOT);
            boolean prose = key.equals("pass") && m.group("separator").equals(":")
                    && m.group("quote") == null && !partOfName(text, m.start()) && !startsLine(text, m.start())
                    && !isQuote(text, m.end());
            return prose ? List.of() : single(value(text, m.end()));
        }
    },
    /** {@code user:password}: what follows the first colon of the value. */
    AFTER_COLON {
        @Override
        List<Span> spans(String text, Matcher m) {
            Span value = value(text, m.end());
            if (value == null) {
                return List.of();
            }
            int colon = text.indexOf(':', value.start());
            return colon < 0 || colon >= value.end() ? skipTo(value.end()) : single(new Span(colon + 1, value.end()));
        }
    },
    /** The second argument of a call, when it is a quoted string: {@code login("ann", "S")}. */
    SECOND_ARGUMENT {
        @Override
        List<Span> spans(String text, Matcher m) {
            int i = m.end();
            Span first = value(text, i);
            if (first == null) {
                return List.of();
            }
            int closing = text.charAt(i) == '\\' ? 2 : isQuote(text, i) ? 1 : 0;
            i = skipBlanks(text, Math.min(text.length(), first.end() + closing));
            if (i >= text.length() || text.charAt(i) != ',') {
                return skipTo(first.end());
            }
            i = skipBlanks(text, i + 1);
            return isQuote(text, i) ? single(value(text, i)) : skipTo(i);
        }
    },
    /** A header's credentials: the scheme word ({@code Basic}, {@code Bearer}) stays, the rest of the line goes. */
    HEADER {
        @Override
        List<Span> spans(String text, Matcher m) {
            int start = m.end();
            int word = start;
            while (word < text.length() && isAsciiLetter(text.charAt(word))) {
                word++;
            }
            if (word > start && word < text.length() && (text.charAt(word) == ' ' || text.charAt(word) == '\t')) {
                start = skipBlanks(text, word);
            }
            char opening = m.end() > 0 ? text.charAt(m.end() - 1) : ' ';
            int end = Chars.lineEnd(text, start);
            if (opening == '"' || opening == '\'') {
                int close = text.indexOf(opening, start);
                end = close >= 0 && close < end ? close : end;
            }
            return single(new Span(start, end));
        }
    },
    /** The rest of the line. */
    REST_OF_LINE {
        @Override
        List<Span> spans(String text, Matcher m) {
            return single(new Span(m.end(), Chars.lineEnd(text, m.end())));
        }
    },
    /** An XML element's text: up to the next {@code <}. */
    ELEMENT {
        @Override
        List<Span> spans(String text, Matcher m) {
            int end = Chars.lineEnd(text, m.end());
            int close = text.indexOf('<', m.end());
            return single(new Span(m.end(), close >= 0 && close < end ? close : end));
        }
    },
    /**
     * The password of a URL's user info: from the first colon after the scheme to the last {@code @} before the
     * query, so that a password may hold {@code /} and {@code @} and the user may be an e-mail address.
     */
    URL_PASSWORD {
        @Override
        List<Span> spans(String text, Matcher m) {
            int start = m.end();
            int end = start;
            int colon = -1;
            // The user info ends at the URL's end, or at its query or fragment, which may hold addresses too
            // (?email=a@b); the password ends at its last '@'.
            while (end < text.length() && !endsUrl(text.charAt(end))) {
                char c = text.charAt(end);
                if (c == '/' || c == '?' || c == '#') {
                    if (colon < 0) {
                        return List.of(); // a host or path before any colon: no user info
                    }
                    if (c != '/') {
                        break;
                    }
                }
                if (colon < 0 && c == ':') {
                    colon = end;
                }
                end++;
            }
            int at = colon < 0 ? -1 : text.lastIndexOf('@', end - 1);
            // Without one, no URL that starts before the end has user info either: skip what was read.
            return at > colon ? single(new Span(colon + 1, at)) : skipTo(end);
        }
    },
    /** The token after {@code AUTH <mechanism>}, unless it is a word ("AUTH LOGIN failed") or a mechanism's name. */
    AUTH_TOKEN {
        @Override
        List<Span> spans(String text, Matcher m) {
            int end = tokenEnd(text, m.end(), false);
            return isCredentialToken(text, m.end(), end) ? single(new Span(m.end(), end)) : List.of();
        }
    },
    /** Every token after a {@code 334} challenge up to the first word: the challenge and the client's answers. */
    AUTH_TOKENS {
        @Override
        List<Span> spans(String text, Matcher m) {
            List<Span> spans = new java.util.ArrayList<>(2);
            int i = m.end();
            while (i < text.length()) {
                int end = tokenEnd(text, i, false);
                if (!isCredentialToken(text, i, end)) {
                    break;
                }
                spans.add(new Span(i, end));
                i = skipBlanks(text, end);
            }
            return spans;
        }
    },
    /** A bearer token: eight or more token characters that are not a word. */
    BEARER_TOKEN {
        @Override
        List<Span> spans(String text, Matcher m) {
            int end = tokenEnd(text, m.end(), true);
            return end - m.end() >= 8 && isCredentialToken(text, m.end(), end) ? single(new Span(m.end(), end)) : List.of();
        }
    },
    /** Basic credentials: padded base64 of eight or more characters that is not a word. */
    BASIC_TOKEN {
        @Override
        List<Span> spans(String text, Matcher m) {
            int end = tokenEnd(text, m.end(), false);
            int length = end - m.end();
            return length >= 8 && length % 4 == 0 && isCredentialToken(text, m.end(), end)
                    ? single(new Span(m.end(), end)) : List.of();
        }
    };

    /** What to hide: [start, end) of the text; an empty one only says where the redactor resumes. */
    record Span(int start, int end) {
    }

    abstract List<Span> spans(String text, Matcher m);

    /** No value, and none to find in what was read: the redactor resumes at {@code end}. */
    private static List<Span> skipTo(int end) {
        return List.of(new Span(end, end));
    }

    private static List<Span> single(Span span) {
        return span == null || span.end() <= span.start() ? List.of() : List.of(span);
    }

    /**
     * The value starting at {@code start}: inside its quotes ({@code "..."}, {@code '...'}, {@code `...`} or
     * JSON-escaped {@code \"...\"}) up to the closing one or the end of the line, else up to white space or
     * a separator ({@code ; , & " '}); null when there is none.
     */
    static Span value(String text, int start) {
        if (start >= text.length()) {
            return null;
        }
        char c = text.charAt(start);
        if (c == '\\' && start + 1 < text.length() && (text.charAt(start + 1) == '"' || text.charAt(start + 1) == '\'')) {
            String close = text.substring(start, start + 2);
            int end = Chars.lineEnd(text, start + 2);
            int found = text.indexOf(close, start + 2);
            return new Span(start + 2, found >= 0 && found < end ? found : end);
        }
        if (c == '"' || c == '\'' || c == '`') {
            int i = start + 1;
            while (i < text.length()) {
                char d = text.charAt(i);
                if (d == c || d == '\n' || d == '\r') {
                    break;
                }
                i += d == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n' ? 2 : 1;
            }
            return new Span(start + 1, Math.min(i, text.length()));
        }
        int i = start;
        while (i < text.length() && !endsWord(text.charAt(i))) {
            i++;
        }
        return i == start ? null : new Span(start, i);
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || c == ';' || c == ',' || c == '&' || c == '"' || c == '\'';
    }

    private static boolean endsUrl(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`';
    }

    /** The end of a run of base64 (and, for bearer tokens, JWT) characters from {@code start}. */
    static int tokenEnd(String text, int start, boolean bearer) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            boolean base64 = isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '='
                    || c == '-' || c == '_';
            if (!base64 && !(bearer && (c == '.' || c == '~'))) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * Whether [start, end) may be a credential: not empty, and not what stands there in ordinary text: a
     * word of letters in one case (or capitalised), a reply code, or a mechanism name ({@code CRAM-MD5}).
     */
    static boolean isCredentialToken(String text, int start, int end) {
        if (end <= start) {
            return false;
        }
        boolean lower = false;
        boolean upperAfterFirst = false;
        boolean digit = false;
        boolean other = false;
        boolean dash = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upperAfterFirst |= i > start;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
                dash |= c == '-';
            }
        }
        boolean word = !digit && !other && !(lower && upperAfterFirst);
        boolean replyCode = !lower && !upperAfterFirst && !other && end - start <= 3;
        boolean mechanism = !lower && dash && !hasAny(text, start, end, "+/=_");
        return !word && !replyCode && !mechanism;
    }

    private static boolean hasAny(String text, int start, int end, String chars) {
        for (int i = start; i < end; i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    static int skipBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static boolean isQuote(String text, int i) {
        return i >= 0 && i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'' || text.charAt(i) == '`'
                || (text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"'));
    }

    /** Whether the name matched at {@code start} continues a longer name ({@code SMTP_PASS}, {@code smtp.pass}). */
    private static boolean partOfName(String text, int start) {
        if (start == 0) {
            return false;
        }
        char c = text.charAt(start - 1);
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }

    /** Whether only blanks and opening punctuation stand between the line's start and {@code start}: a YAML key. */
    private static boolean startsLine(String text, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '{' && c != '-') {
                return false;
            }
        }
        return true;
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
