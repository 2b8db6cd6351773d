package org.smtpdoctor.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * An RE2 pattern rewritten for Hyperscan over the bytes of a text that is not printable ASCII (a Russian,
 * German or Chinese reply), so that such texts too are scanned once for every pattern. Hyperscan's Unicode
 * mode would be exact, but its compile does not end in minutes for our patterns; so this form runs in byte
 * mode and is a <em>superset</em>: on the UTF-8 bytes of the text {@link #scanForm(String) folded}, it
 * matches wherever RE2/J matches the pattern on the text, and maybe elsewhere. RE2/J then confirms each hit,
 * so the answer is still RE2/J's, and only the few patterns that hit run by RE2/J.
 *
 * <p>How each part keeps the superset:
 * <ul>
 * <li>a non-ASCII letter whose case folding {@link #byteFold(char)} gives exactly (see
 *     {@link RequiredLiterals#foldsSimply}) becomes the bytes of its fold, which every letter RE2 takes for it
 *     folds to as well;</li>
 * <li>anything else that can match a non-ASCII character ({@code .}, {@code \pL}, {@code \S}, a negated class,
 *     a class with non-ASCII members, a letter of another script) becomes a class of single bytes holding every
 *     byte from 0x80 up, repeated as one character can be long: {@code {1,4}} alone, and a repeat's lower bound
 *     with no upper bound (a character is one to four bytes);</li>
 * <li>ASCII stays as it is: Hyperscan's byte mode reads it as RE2 does, except a vertical tab (in PCRE's
 *     {@code \s}) and the two letters that fold into ASCII (the Kelvin sign and the long s, which PCRE's
 *     {@code \w} would take once folded), so texts holding one go to RE2/J whole ({@link #scanForm} gives
 *     null).</li>
 * </ul>
 * Patterns with anything else ({@code \b}, {@code \Q}, inline flags, POSIX classes, other Unicode classes,
 * ranges across ASCII's end) give null and stay with RE2/J.
 */
final class FoldedBytesPattern {
    /** The most repetitions counted repeats may nest to (the product of their upper bounds). */
    private static final int MAX_NESTED_REPEAT = 1000;
    private static final int MAX_REPEATS = 12;
    private static final String HIGH = "\\x80-\\xFF";
    private static final String ONE_CHARACTER = "{1,4}";
    private static final String AT_MOST_ONE_CHARACTER = "{0,4}";

    private final String pattern;
    private final StringBuilder out;
    private int at;
    /** Whether some part now matches more than it did in RE2 on ASCII text too. */
    private boolean widened;

    private FoldedBytesPattern(String pattern) {
        this.pattern = pattern;
        this.out = new StringBuilder(pattern.length() * 2);
    }

    /**
     * A pattern's byte form.
     *
     * @param expression            the Hyperscan expression
     * @param exactOnPrintableAscii whether, on a text of printable ASCII and tabs, it matches exactly where RE2/J
     *                              does (no part of it was widened), so such a text needs no confirmation
     */
    record Form(String expression, boolean exactOnPrintableAscii) {
    }

    /** The byte-mode superset of {@code pattern}, or null when it stays with RE2/J. */
    static Form of(String pattern) {
        if (tooRepetitive(pattern)) {
            return null;
        }
        try {
            FoldedBytesPattern translation = new FoldedBytesPattern(pattern);
            String expression = translation.translate();
            return new Form(expression, !translation.widened);
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
    }

    /**
     * The text as the byte-mode patterns read it: each character {@link #byteFold(char) folded}; null when the
     * text holds something the byte form does not vouch for (a vertical tab, a non-ASCII letter that folds
     * into ASCII, a surrogate).
     */
    static String scanForm(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0x0B || Character.isSurrogate(c)) {
                return null;
            }
            char folded = byteFold(c);
            if (folded != c) {
                if (c > 0x7F && folded <= 0x7F) {
                    return null;
                }
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = folded;
            }
        }
        return chars == null ? text : new String(chars);
    }

    /**
     * The pattern in byte form. A word edge at either end ({@link WordEdge}) is one character; its first or last
     * byte, next to the rest, is enough for a superset: every byte of a non-ASCII character is 0x80 or above,
     * so one class of single bytes stands for the whole group (and keeps the database small).
     */
    private String translate() {
        int end = pattern.length();
        if (pattern.startsWith(WordEdge.BEFORE)) {
            out.append("(?:^|[^A-Za-z0-9])");
            at = WordEdge.BEFORE.length();
        }
        boolean edgeAfter = pattern.endsWith(WordEdge.AFTER) && end - WordEdge.AFTER.length() >= at;
        if (edgeAfter) {
            end -= WordEdge.AFTER.length();
        }
        while (at < end) {
            char c = pattern.charAt(at);
            if (c < 0x20 && c != '\t') {
                throw unsupported();
            }
            if (c == '\\') {
                escape();
            } else if (c == '[') {
                characterClass();
            } else if (c == '.') {
                at++;
                wide("[\\x00-\\xFF]");
            } else if (c == '(') {
                group();
            } else if (c > 0x7F) {
                at++;
                letter(c);
            } else {
                out.append(c);
                at++;
            }
        }
        return edgeAfter ? out.append("(?:[^A-Za-z0-9]|$)").toString() : out.toString();
    }

    private void escape() {
        if (at + 1 >= pattern.length()) {
            throw unsupported();
        }
        char next = pattern.charAt(at + 1);
        switch (next) {
            case 'p' -> {
                at += 2;
                String ascii = unicodeClassAscii();
                wide("[" + ascii + HIGH + "]");
            }
            case 'S', 'D', 'W' -> {
                at += 2;
                wide("[^\\" + Character.toLowerCase(next) + "]");
            }
            case 's', 'd', 'w', 'A', 'z', 't', 'n', 'r', 'f' -> {
                out.append('\\').append(next);
                at += 2;
            }
            default -> {
                if (next > 0x7F || Character.isLetterOrDigit(next)) {
                    throw unsupported(); // \b, \Q, \x, \P, \C, back-references...: left to RE2/J
                }
                out.append('\\').append(next);
                at += 2;
            }
        }
    }

    /** {@code (?:} and {@code (?P<name>} open groups as RE2 means them; other {@code (?} (flags) do not. */
    private void group() {
        if (pattern.startsWith("(?", at) && !pattern.startsWith("(?:", at) && !pattern.startsWith("(?P<", at)) {
            throw unsupported();
        }
        out.append('(');
        at++;
    }

    /** A non-ASCII character outside a class (just read). */
    private void letter(char c) {
        char folded = byteFold(c);
        if (Character.isSurrogate(c) || !RequiredLiterals.foldsSimply(c)) {
            wide("[" + (folded <= 0x7F ? quoted(folded) : "") + HIGH + "]");
            return;
        }
        out.append("(?:");
        if (folded <= 0x7F) {
            out.append(quoted(folded)); // the long s, which RE2 folds with s and S
        } else {
            for (byte b : String.valueOf(folded).getBytes(StandardCharsets.UTF_8)) {
                out.append(String.format("\\x%02X", b & 0xFF));
            }
        }
        out.append(')');
    }

    /**
     * A class: ASCII members as they are; {@code \pL}, {@code \pN} and scripts as their ASCII part plus every
     * high byte; non-ASCII members as every high byte. Negated, non-ASCII members are left out (a superset).
     */
    private void characterClass() {
        int open = at;
        at++;
        boolean negated = at < pattern.length() && pattern.charAt(at) == '^';
        if (negated) {
            at++;
        }
        StringBuilder members = new StringBuilder();
        boolean high = false;
        boolean first = true;
        while (true) {
            if (at >= pattern.length()) {
                throw unsupported();
            }
            char c = pattern.charAt(at);
            if (c == ']' && !first) {
                at++;
                break;
            }
            first = false;
            if (c == '[' && pattern.startsWith("[:", at)) {
                throw unsupported();
            }
            if (c == '\\') {
                if (at + 1 >= pattern.length()) {
                    throw unsupported();
                }
                char next = pattern.charAt(at + 1);
                if (next == 'p') {
                    at += 2;
                    members.append(unicodeClassAscii());
                    high = true;
                    continue;
                }
                if (next == 's' || next == 'd' || next == 'w' || next == 't' || next == 'n' || next == 'r' || next == 'f'
                        || next < 0x80 && !Character.isLetterOrDigit(next)) {
                    members.append('\\').append(next);
                    at += 2;
                    continue;
                }
                throw unsupported();
            }
            boolean range = at + 2 < pattern.length() && pattern.charAt(at + 1) == '-' && pattern.charAt(at + 2) != ']';
            if (range) {
                char end = pattern.charAt(at + 2);
                if (end == '\\' || (c <= 0x7F) != (end <= 0x7F)) {
                    throw unsupported();
                }
                if (c <= 0x7F) {
                    members.append(c).append('-').append(end);
                } else {
                    high = true;
                }
                at += 3;
                continue;
            }
            if (c > 0x7F) {
                char folded = byteFold(c);
                if (folded <= 0x7F && !negated) {
                    members.append(quoted(folded));
                }
                high = true;
            } else {
                // A '-' that RE2 reads as itself (first or last) is escaped: the high bytes appended after it
                // would make it a range ("[.-" + "\\x80-\\xFF]" is '.' to 0x80).
                members.append(c == '-' ? "\\-" : String.valueOf(c));
            }
            at++;
        }
        if (negated) {
            wide(members.isEmpty() ? "[\\x00-\\xFF]" : "[^" + members + "]");
        } else if (high) {
            wide("[" + members + HIGH + "]");
        } else {
            out.append(pattern, open, at);
        }
    }

    /** The ASCII part of the class after {@code \p} ({@code L}, {@code N}, or a script without ASCII letters). */
    private String unicodeClassAscii() {
        if (at >= pattern.length()) {
            throw unsupported();
        }
        String name = String.valueOf(pattern.charAt(at));
        int end = at + 1;
        if (name.equals("{")) {
            int close = pattern.indexOf('}', at);
            if (close < 0) {
                throw unsupported();
            }
            name = pattern.substring(at + 1, close);
            end = close + 1;
        }
        at = end;
        if (name.equals("L")) {
            return "A-Za-z";
        }
        if (name.equals("N")) {
            return "0-9";
        }
        if (WordEdge.SPACELESS_SCRIPTS.contains(name)) { // no ASCII letter: any byte of a non-ASCII character
            return "";
        }
        throw unsupported();
    }

    /**
     * A class of single bytes standing for one character that may be non-ASCII, then the repeat that follows it
     * in the pattern with its upper bound dropped (one character is one to four bytes), or {1,4} when none does.
     */
    private void wide(String byteClass) {
        widened = true;
        out.append(byteClass);
        if (at >= pattern.length()) {
            out.append(ONE_CHARACTER);
            return;
        }
        char c = pattern.charAt(at);
        if (c == '*' || c == '+') {
            out.append(c);
            at++;
        } else if (c == '?') {
            out.append(AT_MOST_ONE_CHARACTER);
            at++;
        } else if (c == '{' && isCountedRepeat(pattern, at)) {
            int close = pattern.indexOf('}', at);
            String body = pattern.substring(at + 1, close);
            int comma = body.indexOf(',');
            out.append('{').append(comma < 0 ? body : body.substring(0, comma)).append(",}");
            at = close + 1;
        } else {
            out.append(ONE_CHARACTER);
            return;
        }
        if (at < pattern.length() && pattern.charAt(at) == '?') {
            at++; // lazy or not, whether it matches is the same
        }
    }

    /**
     * A character as the byte form reads it, in text and pattern alike: {@link TextPatterns#fold(char) folded},
     * except the Turkish dotless i and dotted capital I, which RE2 folds with nothing else (folding them would
     * make an ASCII i of them, and send every Turkish text to RE2/J).
     */
    static char byteFold(char c) {
        return c == '\u0130' || c == '\u0131' ? c : TextPatterns.fold(c);
    }

    private static String quoted(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }

    private static IllegalArgumentException unsupported() {
        return new IllegalArgumentException("not in the byte form");
    }

    /** Whether the pattern has more counted repeats, or nested deeper, than Hyperscan compiles quickly. */
    private static boolean tooRepetitive(String pattern) {
        int repeats = 0;
        for (int i = pattern.indexOf('{'); i >= 0; i = pattern.indexOf('{', i + 1)) {
            repeats += isCountedRepeat(pattern, i) ? 1 : 0;
        }
        return repeats > MAX_REPEATS || nestedRepeat(pattern) > MAX_NESTED_REPEAT;
    }

    private static boolean isCountedRepeat(String pattern, int open) {
        int close = pattern.indexOf('}', open);
        return close > open + 1 && pattern.substring(open + 1, close).matches("\\d{1,4}(,\\d{0,4})?");
    }

    /**
     * The largest product of upper bounds along nested counted repeats ({@code (?:a{1,5}){1,3}} gives 15):
     * an overestimate is fine, it only sends a pattern to RE2/J.
     */
    private static long nestedRepeat(String pattern) {
        // Walk groups outward: each counted repeat multiplies every repeat inside the group it follows.
        long worst = 1;
        ArrayDeque<Long> groups = new ArrayDeque<>();
        long inside = 1;
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                groups.push(inside);
                inside = 1;
            } else if (c == ')') {
                long group = inside;
                inside = groups.isEmpty() ? 1 : groups.pop();
                long bound = i + 1 < pattern.length() ? upperBound(pattern, i + 1) : 1;
                inside = Math.max(inside, group * bound);
            } else if (c == '{' && isCountedRepeat(pattern, i)) {
                inside = Math.max(inside, upperBound(pattern, i));
            }
            worst = Math.max(worst, inside);
        }
        return worst;
    }

    /** The upper bound of the counted repeat at {@code at} ({@code {2,7}} gives 7, {@code {3,}} 3); 1 when none. */
    private static long upperBound(String pattern, int at) {
        if (pattern.charAt(at) != '{' || !isCountedRepeat(pattern, at)) {
            return 1;
        }
        String body = pattern.substring(at + 1, pattern.indexOf('}', at));
        int comma = body.indexOf(',');
        if (comma < 0) {
            return Long.parseLong(body);
        }
        // {n,} is unbounded, which Hyperscan handles without unrolling: only its lower bound counts.
        return Long.parseLong(body.substring(comma == body.length() - 1 ? 0 : comma + 1, comma == body.length() - 1 ? comma : body.length()));
    }
}
