package org.smtpdoctor.reply;

import java.util.List;

/**
 * The template of an error text: the wording with its variable parts masked, so that the thousand log lines of
 * one reply to different recipients, hosts and queues share one template. Reports group the replies no rule
 * recognised by it (batch's summary and {@code unknowns}, the support desk), so that a person sees each unknown
 * reply once, with how often it came.
 *
 * <p>What is masked, in one hand-written pass (a chain of regex replacements would cost more than diagnosing the
 * line): e-mail addresses ({@code <email>}), IPv4 addresses ({@code <ip>}), lower-case host names
 * ({@code <host>}), URLs ({@code <url>}), ids of six or more letters and digits ({@code <id10H>}: length and
 * alphabet kept, because log parsers tell queue ids by them) and other digits ({@code #} per digit, so a number's
 * length stays part of the template). A {@code #}, a backslash or a {@code <} before a placeholder's name in the
 * text itself gets a backslash before it.
 *
 * <p>What is never masked: a three-digit number from 200 to 599 that may be a reply code (not after ',' or '.',
 * as in the milliseconds of a timestamp), an enhanced status code ({@code 5.7.1}) and words without digits
 * (including Java class names such as {@code java.net.UnknownHostException}: host names are lower case only).
 */
public final class ReplyTemplate {
    private static final List<String> PLACEHOLDER_NAMES = List.of("email>", "ip>", "host>", "url>", "id");

    private ReplyTemplate() {
    }

    /** The template of {@code text}. */
    public static String of(String text) {
        return new Scan(text).run();
    }

    /** One pass over one text. */
    private static final class Scan {
        private final String text;
        /** The text's characters: indexing an array is cheaper than String.charAt for non-Latin-1 text. */
        private final char[] chars;
        private final StringBuilder out;

        Scan(String text) {
            this.text = text;
            this.chars = text.toCharArray();
            this.out = new StringBuilder(text.length());
        }

        String run() {
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = chars[i];
                if (!Chars.isAlnum(c)) {
                    if (c == '#' || c == '\\' || (c == '<' && startsPlaceholder(i + 1))) {
                        out.append('\\'); // so that no text reads like another text's masked parts
                    }
                    out.append(c);
                    i++;
                } else if (startsUrl(i)) {
                    out.append("<url>");
                    i = urlEnd(i);
                } else {
                    int end = i;
                    while (end < n && isWordChar(chars[end])) {
                        end++;
                    }
                    while (end > i + 1 && !Chars.isAlnum(chars[end - 1])) {
                        end--; // a sentence's full stop or a dash after a word is not part of it
                    }
                    word(i, end);
                    i = end;
                }
            }
            return out.toString();
        }

        private void word(int start, int end) {
            if (isEmail(start, end)) {
                out.append("<email>");
            } else if (isIpv4(start, end)) {
                out.append("<ip>");
            } else if (isHost(start, end)) {
                out.append("<host>");
            } else {
                parts(start, end);
            }
        }

        /** A word that is not an address: its runs of letters and digits, one by one. */
        private void parts(int start, int end) {
            int i = start;
            while (i < end) {
                char c = chars[i];
                if (!Chars.isAlnum(c)) {
                    out.append(c);
                    i++;
                    continue;
                }
                int enhancedEnd = enhancedCodeEnd(i, end);
                if (enhancedEnd > 0) {
                    out.append(text, i, enhancedEnd);
                    i = enhancedEnd;
                    continue;
                }
                int partEnd = i;
                while (partEnd < end && Chars.isAlnum(chars[partEnd])) {
                    partEnd++;
                }
                part(i, partEnd);
                i = partEnd;
            }
        }

        private void part(int start, int end) {
            int digits = 0;
            for (int i = start; i < end; i++) {
                digits += Chars.isDigit(chars[i]) ? 1 : 0;
            }
            int length = end - start;
            if (digits == 0 || mayBeReplyCode(start, end, digits)) {
                out.append(text, start, end);
            } else if (digits < length && length >= 6) {
                out.append("<id").append(length).append(alphabet(start, end)).append('>');
            } else {
                for (int i = start; i < end; i++) {
                    char c = chars[i];
                    out.append(Chars.isDigit(c) ? '#' : c);
                }
            }
        }

        private boolean mayBeReplyCode(int start, int end, int digits) {
            if (digits != 3 || end - start != 3 || chars[start] < '2' || chars[start] > '5') {
                return false;
            }
            char before = start == 0 ? ' ' : chars[start - 1];
            return before != ',' && before != '.';
        }

        /** The end of an enhanced status code ({@code 5.7.1}) starting at {@code start}, or -1. */
        private int enhancedCodeEnd(int start, int end) {
            char c = chars[start];
            if ((c != '2' && c != '4' && c != '5') || start + 1 >= end || chars[start + 1] != '.') {
                return -1;
            }
            int i = numberEnd(start + 2, end);
            if (i < 0 || i >= end || chars[i] != '.') {
                return -1;
            }
            i = numberEnd(i + 1, end);
            return i < 0 || (i < end && Chars.isAlnum(chars[i])) ? -1 : i;
        }

        /** The end of a run of one to three digits at {@code start}, or -1. */
        private int numberEnd(int start, int end) {
            int i = start;
            while (i < end && Chars.isDigit(chars[i]) && i - start < 4) {
                i++;
            }
            return i == start || i - start > 3 ? -1 : i;
        }

        /** The end of the URL starting at {@code start}. */
        private int urlEnd(int start) {
            int end = start;
            while (end < chars.length && !endsUrl(chars[end])) {
                end++;
            }
            return end;
        }

        private boolean startsPlaceholder(int i) {
            for (String name : PLACEHOLDER_NAMES) {
                if (text.startsWith(name, i)) {
                    return true;
                }
            }
            return false;
        }

        private boolean startsUrl(int i) {
            return text.regionMatches(true, i, "http://", 0, 7) || text.regionMatches(true, i, "https://", 0, 8);
        }

        private boolean isEmail(int start, int end) {
            int at = -1;
            for (int i = start; i < end; i++) {
                if (chars[i] == '@') {
                    if (at >= 0) {
                        return false;
                    }
                    at = i;
                }
            }
            return at > start && at < end - 3 && isDomain(at + 1, end, false);
        }

        private boolean isHost(int start, int end) {
            return isDomain(start, end, true);
        }

        /** Dot-separated labels of letters, digits and '-' ending in a label of two or more letters. */
        private boolean isDomain(int start, int end, boolean lowerCaseOnly) {
            int lastDot = -1;
            for (int i = start; i < end; i++) {
                char c = chars[i];
                if (c == '.') {
                    if (i == start || i == lastDot + 1) {
                        return false;
                    }
                    lastDot = i;
                } else if (!(Chars.isDigit(c) || c == '-' || (c >= 'a' && c <= 'z')
                        || (!lowerCaseOnly && c >= 'A' && c <= 'Z'))) {
                    return false;
                }
            }
            if (lastDot < 0 || end - lastDot - 1 < 2) {
                return false;
            }
            for (int i = lastDot + 1; i < end; i++) {
                if (!Character.isLetter(chars[i])) {
                    return false;
                }
            }
            return true;
        }

        private boolean isIpv4(int start, int end) {
            int groups = 0;
            int i = start;
            while (i < end) {
                int groupEnd = numberEnd(i, end);
                if (groupEnd < 0) {
                    return false;
                }
                groups++;
                if (groupEnd == end) {
                    break;
                }
                if (chars[groupEnd] != '.') {
                    return false;
                }
                i = groupEnd + 1;
            }
            if (groups != 4) {
                return false;
            }
            // The parser reads "5.7.1.2" as an enhanced code and "535.5.7.3" as two codes: keep those.
            int second = text.indexOf('.', start) + 1;
            boolean codeLike = isCodeDigit(chars[start]) && (chars[start + 1] == '.'
                    || (second - start == 4 && isCodeDigit(chars[second]) && chars[second + 1] == '.'));
            return !codeLike;
        }

        /** The alphabet of an id: upper-case hex, lower-case hex, no vowels (Postfix long ids) or any. */
        private String alphabet(int start, int end) {
            boolean upperHex = true;
            boolean lowerHex = true;
            boolean noVowels = true;
            for (int i = start; i < end; i++) {
                char c = chars[i];
                upperHex &= Chars.isDigit(c) || (c >= 'A' && c <= 'F');
                lowerHex &= Chars.isDigit(c) || (c >= 'a' && c <= 'f');
                noVowels &= "AEIOUaeiou".indexOf(c) < 0;
            }
            return upperHex ? "H" : lowerHex ? "h" : noVowels ? "c" : "x";
        }

        private static boolean endsUrl(char c) {
            return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == ')' || c == ']';
        }

        private static boolean isWordChar(char c) {
            return Chars.isAlnum(c) || c == '.' || c == '-' || c == '_' || c == '%' || c == '+' || c == '@';
        }

        private static boolean isCodeDigit(char c) {
            return c == '2' || c == '4' || c == '5';
        }
    }
}
