package org.smtpdoctor.rules;

import java.util.ArrayDeque;
import java.util.Set;

/**
 * An RE2 pattern rewritten for Hyperscan on printable-ASCII text only, where it means the same: {@code \pL}
 * becomes {@code A-Za-z} and {@code \pN} {@code 0-9} (on ASCII text these are all the letters and digits there
 * are), so Hyperscan scans bytes with small ASCII classes rather than Unicode ones; a non-ASCII letter (a
 * Russian wording) and a script with no ASCII letter ({@code \p{Han}}) become what they match in ASCII text. Patterns it cannot vouch for give null and stay with
 * RE2/J: a non-ASCII character in a class, another Unicode class, {@code \Q...\E}, or counted repeats nested
 * to more than 1000 repetitions in all (they make Hyperscan's compile slow).
 */
final class AsciiPattern {
    /** The most repetitions counted repeats may nest to (the product of their upper bounds). */
    private static final int MAX_NESTED_REPEAT = 1000;
    private static final int MAX_REPEATS = 12;
    /** Scripts with no ASCII character: in ASCII text they match nothing, which a byte no such text holds says. */
    private static final Set<String> SCRIPTS_WITHOUT_ASCII = Set.of("Han", "Hiragana", "Katakana", "Thai", "Lao",
            "Khmer", "Myanmar");

    private AsciiPattern() {
    }

    /** The pattern for Hyperscan, or null when it stays with RE2/J. */
    static String of(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        boolean inClass = false;
        int classStart = -1;
        int repeats = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c < 0x20 && c != '\t') {
                return null;
            }
            if (c > 0x7E) {
                if (inClass) {
                    return null;
                }
                out.append(asciiEquivalent(c));
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= pattern.length()) {
                    return null;
                }
                char next = pattern.charAt(i + 1);
                if (next == 'p') {
                    String klass = unicodeClass(pattern, i + 2);
                    if (klass == null) {
                        return null;
                    }
                    out.append(inClass ? klass : "[" + klass + "]");
                    i = pattern.charAt(i + 2) == '{' ? pattern.indexOf('}', i + 2) : i + 2;
                    continue;
                }
                if (next == 'P' || next == 'Q' || next == 'C' || next == 'X') {
                    return null;
                }
                out.append(c).append(next);
                i++;
                continue;
            }
            if (inClass) {
                if (c == ']' && i > classStart) {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                classStart = i + 1;
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    classStart++;
                }
                if (pattern.startsWith("[:", i)) {
                    return null; // a POSIX class opens the class: left to RE2
                }
            } else if (c == '{' && isCountedRepeat(pattern, i)) {
                repeats++;
            }
            out.append(c);
        }
        return repeats > MAX_REPEATS || nestedRepeat(pattern) > MAX_NESTED_REPEAT ? null : out.toString();
    }

    /**
     * What a non-ASCII character of the pattern matches in ASCII text under RE2's case folding: the Kelvin sign
     * and the long s fold onto k and s; any other character matches nothing there, which a byte no such text
     * holds says.
     */
    private static String asciiEquivalent(char c) {
        return c == '\u212A' ? "k" : c == '\u017F' ? "s" : "\\x80";
    }

    /**
     * The ASCII class body of {@code \pL}, {@code \pN}, {@code \p{L}}, {@code \p{N}} or of a script written
     * without spaces ({@code \p{Han}}, which wordings' edges name) at {@code at}; else null.
     */
    private static String unicodeClass(String pattern, int at) {
        if (at >= pattern.length()) {
            return null;
        }
        String name = String.valueOf(pattern.charAt(at));
        if (name.equals("{")) {
            int close = pattern.indexOf('}', at);
            if (close < 0) {
                return null;
            }
            name = pattern.substring(at + 1, close);
        }
        return name.equals("L") ? "A-Za-z" : name.equals("N") ? "0-9"
                : SCRIPTS_WITHOUT_ASCII.contains(name) ? "\\x80" : null;
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
