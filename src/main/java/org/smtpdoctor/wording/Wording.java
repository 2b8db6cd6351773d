package org.smtpdoctor.wording;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.smtpdoctor.reply.ReplyParser;
import org.smtpdoctor.rules.WordEdge;

/**
 * One way a reply says a cause, as staff write it: the text of the reply, with typed placeholders for its
 * variable parts, compiled to one RE2 pattern (case-insensitive, linear time).
 *
 * <p>The rules of the written form: any run of whitespace matches any run of whitespace; every other
 * character outside braces is literal (so {@code [TSS04]} or {@code (#MBR1212)} match themselves); where a
 * wording begins or ends with a letter, digit or placeholder, the text may not continue that word, so
 * {@code rate limit} does not match {@code rate limited}. Scripts written without spaces (Chinese, Japanese,
 * Thai, ...) have no such edge: their characters may touch a wording on either side, so {@code 连接超时} matches
 * in {@code 错误:连接超时了} and {@code SMTP服务器} in {@code 连接SMTP服务器失败}, while {@code xSMTP} still does not
 * match {@code SMTP}. {@code {{} and {@code }}} are literal braces.
 * A wording written as {@code regex:} is RE2 syntax as it is, its named groups being the parameters.
 *
 * @param written the wording as written in the rule file
 * @param regex   true when written as {@code regex:} rather than as reply text
 * @param pattern  the RE2 pattern it compiles to (what the engine runs)
 * @param params   parameter names, in the order they occur
 */
public record Wording(String written, boolean regex, String pattern, List<String> params) {
    /** The longest wording accepted: a wording is a phrase, not a document. */
    public static final int MAX_LENGTH = 500;
    /** {@link WordEdge#SPACELESS_SCRIPTS} as Java's scripts, to tell whether a wording's first or last letter is one. */
    private static final Set<Character.UnicodeScript> SPACELESS_SCRIPTS = WordEdge.SPACELESS_SCRIPTS.stream()
            .map(Character.UnicodeScript::forName).collect(Collectors.toUnmodifiableSet());

    /**
     * The brackets and quotes a program may put around an address the wording writes bare: "Benutzer {address}
     * existiert nicht" also reads "Benutzer <ann@example.org> existiert nicht" (the address, the parameter, without
     * them). A wording that writes them itself ("<{address}>") keeps exactly those.
     */
    private static final String OPENING = "<\"'\u201c\u201e\u00ab\u2018\u300c";
    private static final String ADDRESS_OPENERS = "[" + OPENING + "]?";
    private static final String ADDRESS_CLOSERS = "[>\"'\u201d\u201c\u00bb\u2019\u300d]?";

    /** Whether the written wording puts a bracket or quote right before the placeholder opening at {@code open}. */
    private static boolean enclosed(String written, int open) {
        return open > 0 && (OPENING + "([").indexOf(written.charAt(open - 1)) >= 0;
    }

    /**
     * Whether a letter of a script written without spaces stands right beside the placeholder: a Chinese or Japanese
     * text may still put spaces around a Latin address ("用户 ann@example.org 不存在" for "用户{address}不存在").
     */
    private static boolean besideSpacelessScript(String written, int open, int close) {
        return (open > 0 && isSpaceless(written.codePointBefore(open)))
                || (close + 1 < written.length() && isSpaceless(written.codePointAt(close + 1)));
    }

    private static boolean isSpaceless(int c) {
        return Character.isLetter(c) && SPACELESS_SCRIPTS.contains(Character.UnicodeScript.of(c));
    }

    /**
     * Compiles a wording written as reply text.
     *
     * @throws WordingSyntaxException at the offset of the first mistake, saying what to write instead
     */
    public static Wording of(String text) throws WordingSyntaxException {
        checkLength(text);
        String written = ReplyParser.composed(text); // as the parser reads the reply
        StringBuilder re = new StringBuilder();
        List<String> params = new ArrayList<>();
        boolean literalSeen = false;
        Boolean startsWord = null; // set by the first element; whitespace at either end does not count
        boolean endsWord = false;
        int i = 0;
        int last = written.length();
        while (last > 0 && isSpace(written.charAt(last - 1))) {
            last--;
        }
        while (i < written.length() && isSpace(written.charAt(i))) {
            i++;
        }
        while (i < last) {
            int c = written.codePointAt(i);
            boolean word;
            if ((c == '{' || c == '}') && i + 1 < last && written.charAt(i + 1) == c) {
                re.append('\\').append((char) c);
                literalSeen = true;
                word = false;
                i += 2;
            } else if (c == '{') {
                int close = written.indexOf('}', i);
                if (close < 0) {
                    throw new WordingSyntaxException(i, "'{' opens a placeholder that is never closed: write "
                            + Placeholder.list() + ", or '{{' for a literal brace");
                }
                Placeholder placeholder = placeholder(written, i, close, params);
                boolean bare = placeholder == Placeholder.ADDRESS && !enclosed(written, i);
                boolean spaceless = placeholder == Placeholder.ADDRESS && besideSpacelessScript(written, i, close);
                // The optional parts as groups without a quantifier after them: the automaton's reading of a
                // wording (LiteralWordings) takes a group as a gap between its phrases, never as part of one.
                if (bare || spaceless) {
                    re.append("(?:").append(spaceless ? "\\s*" : "").append(bare ? ADDRESS_OPENERS : "").append(')');
                }
                re.append(placeholder.isParameter() ? "(?P<" + params.get(params.size() - 1) + ">" : "(?:")
                        .append(placeholder.fragment()).append(')');
                if (bare || spaceless) {
                    re.append("(?:").append(bare ? ADDRESS_CLOSERS : "").append(spaceless ? "\\s*" : "").append(')');
                }
                word = placeholder != Placeholder.SOME;
                i = close + 1;
            } else if (c == '}') {
                throw new WordingSyntaxException(i, "'}' without its '{': write '}}' for a literal brace");
            } else if (c < Character.MIN_SUPPLEMENTARY_CODE_POINT && isSpace((char) c)) {
                while (i < last && isSpace(written.charAt(i))) {
                    i++;
                }
                re.append("\\s+");
                word = false;
            } else if (Character.isISOControl(c)) {
                throw new WordingSyntaxException(i, "a control character (U+" + String.format("%04X", c)
                        + ") cannot be part of a wording: write the words of the reply only");
            } else {
                if (c < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                    c = ReplyParser.asRead((char) c); // as the parser reads the text
                }
                word = Character.isLetterOrDigit(c) && !SPACELESS_SCRIPTS.contains(Character.UnicodeScript.of(c))
                        && WordEdge.LONG_VOWEL_MARKS.indexOf(c) < 0;
                re.append(quote(c));
                literalSeen = true;
                i += Character.charCount(c);
            }
            if (startsWord == null) {
                startsWord = word;
            }
            endsWord = word;
        }
        if (!literalSeen) {
            throw new WordingSyntaxException(0, "a wording needs some words of the reply, not only placeholders");
        }
        String pattern = (Boolean.TRUE.equals(startsWord) ? WordEdge.BEFORE : "") + re + (endsWord ? WordEdge.AFTER : "");
        // Not compiled here: quoted characters, \s+, word edges and the placeholders' fixed fragments always make
        // valid RE2 (WordingEdgeTest compiles every placeholder in every position), and parsing ten thousand
        // wordings was half of a rule set's load.
        return new Wording(text, false, pattern, List.copyOf(params));
    }

    /**
     * Takes a wording written as {@code regex:}: RE2 syntax, case-insensitive, named groups as parameters.
     *
     * @throws PatternSyntaxException when RE2 does not accept it
     * @throws WordingSyntaxException when it is too long
     */
    public static Wording ofRegex(String regex) throws WordingSyntaxException {
        checkLength(regex);
        for (int i = 0; i < regex.length(); i++) {
            if (Character.isISOControl(regex.charAt(i))) {
                throw new WordingSyntaxException(i, "a regex is one line: write \\n or \\s for a line break");
            }
        }
        Pattern compiled = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        return new Wording(regex, true, regex, List.copyOf(compiled.namedGroups().keySet()));
    }

    /** A space as the parser reads texts: white space and the no-break spaces ({@link ReplyParser#isNoBreakSpace}). */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || ReplyParser.isNoBreakSpace(c);
    }

    private static void checkLength(String written) throws WordingSyntaxException {
        if (written.isBlank()) {
            throw new WordingSyntaxException(0, "the wording is empty: write the words of the reply");
        }
        if (written.length() > MAX_LENGTH) {
            throw new WordingSyntaxException(MAX_LENGTH, "a wording is at most " + MAX_LENGTH
                    + " characters: keep the words that say the cause, and put {...} for the rest");
        }
    }

    private static Placeholder placeholder(String written, int open, int close, List<String> params)
            throws WordingSyntaxException {
        String inside = written.substring(open + 1, close).strip();
        int colon = inside.indexOf(':');
        String name = colon < 0 ? null : inside.substring(0, colon).strip();
        String type = colon < 0 ? inside : inside.substring(colon + 1).strip();
        Placeholder placeholder = Placeholder.byName(type).orElseThrow(() -> new WordingSyntaxException(open,
                "unknown placeholder {" + inside + "}: write one of " + Placeholder.list()
                        + ", or {name:type} such as {limit:number}; '{{' is a literal brace"));
        if (!placeholder.isParameter()) {
            if (name != null) {
                throw new WordingSyntaxException(open, "{" + inside + "}: some words ({...}) cannot be a parameter;"
                        + " use a typed placeholder such as {reason:id}");
            }
            return placeholder;
        }
        String param = name == null ? placeholder.written() : name;
        if (!param.matches("[a-z][a-zA-Z0-9]{0,30}")) {
            throw new WordingSyntaxException(open, "the parameter name '" + param + "' must start with a small"
                    + " letter and hold only letters and digits, such as {limit:number}");
        }
        if (params.contains(param)) {
            throw new WordingSyntaxException(open, "this wording already has a parameter '" + param
                    + "': name the second one, such as {" + param + "2:" + placeholder.written() + "}");
        }
        params.add(param);
        return placeholder;
    }

    private static String quote(int c) {
        if (c < 128 && !Character.isLetterOrDigit(c)) {
            return "\\" + (char) c; // RE2 takes any escaped ASCII punctuation as itself
        }
        return new String(Character.toChars(c));
    }

    /**
     * The pattern compiled (case-insensitive), anew on each call: hold it while matching many texts. A wording keeps
     * no compiled program, since a rule set's programs would outweigh the rest of it many times over; the engine
     * compiles only the few patterns its phrase automaton does not take.
     */
    public Pattern compile() {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }

    /**
     * Where the wording occurs in {@code text}, matched as the engine matches it (case-insensitive, against the
     * reply's text after its codes and prefixes are removed): its parameters by name, or null when it does not occur.
     */
    public Map<String, String> match(String text) {
        Matcher m = compile().matcher(text);
        if (!m.find()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : params) {
            if (m.group(name) != null) {
                values.put(name, m.group(name));
            }
        }
        return values;
    }
}
