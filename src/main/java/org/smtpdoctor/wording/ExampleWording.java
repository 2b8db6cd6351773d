package org.smtpdoctor.wording;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording a reply proposes for a rule: its text, with the parts that change from one reply to the next
 * (links, addresses, IP addresses, host names, ids, numbers) turned into placeholders, so that the same reply
 * from another server, for another account or with another reference matches too.
 *
 * <p>Used by {@code new-rule}, and meant for any tool that turns an example into a wording. What is
 * recognised, in this order at each place of the text:
 * <ul>
 *   <li>{@code {url}}: {@code http://} or {@code https://} up to a space, quote or angle bracket (closing
 *       punctuation after it stays text);</li>
 *   <li>{@code {address}}: a mail address ({@code ann@example.org});</li>
 *   <li>{@code {ip}}: an IPv4 address, or an IPv6 address with {@code ::} or at least six groups
 *       (so that a time {@code 12:30:00} is not one);</li>
 *   <li>{@code {host}}: dotted names whose last part is 2 to 24 letters, written in one case or holding a
 *       digit ({@code mx.example.com}, {@code BN8P.prod.outlook.com}); mixed-case words joined by dots
 *       ({@code STOREDRV.Submission.Exception}, {@code Mail.ru}) stay text;</li>
 *   <li>{@code {id}}: a token of letters and digits (with {@code . _ -} inside) that has at least four digits,
 *       or at least two digits in eight characters ({@code Q-77120}, a queue id {@code 4BXK2L0Z7Fz});
 *       short codes such as {@code TSS04}, {@code AUP#MXRT} or {@code IPv6} stay text;</li>
 *   <li>{@code {number}}: a run of digits that is a word of its own ({@code 500}, {@code 125%}); dotted digits
 *       that are not an IP address ({@code 5.7.1}, {@code 1.5}) stay text.</li>
 * </ul>
 * Two placeholders of one type are numbered: {@code {number}}, {@code {number2}}. Everything else is text,
 * and a wording's text is literal, so brackets and other punctuation ({@code [TSS04]}) match themselves;
 * braces are doubled.
 *
 * @param wording the proposed wording, as a rule file holds it
 * @param found   the placeholders, in text order, with the part of the example each replaced
 */
public record ExampleWording(String wording, List<Found> found) {

    /**
     * One variable part of the example.
     *
     * @param type  the placeholder type
     * @param name  the parameter name ({@code number2})
     * @param value the text of the example it stands for
     */
    public record Found(Placeholder type, String name, String value) {
    }

    private static final String L = "\\p{L}\\p{N}";
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_TAIL = Pattern.compile("[.,;:!?)\\]}]+$");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![^\\s<>\"'(),;\\[\\]:=])[^\\s<>\"'(),;\\[\\]@:=]{1,64}@[" + L + "_](?:[" + L + "_.-]{0,253}[" + L + "])?");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])\\d{1,3}(?:\\.\\d{1,3}){3}(?!\\d|\\.\\d)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![" + L + "_:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![" + L + "_:])", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST = Pattern.compile(
            "(?<![" + L + "_.@/-])(?:[" + L + "](?:[" + L + "_-]{0,62}[" + L + "])?\\.)+\\p{L}{2,24}(?![" + L + "_-]|\\.[" + L + "])");
    private static final Pattern DOTTED_DIGITS = Pattern.compile("(?<![" + L + ".])\\d+(?:\\.\\d+)+(?![" + L + "]|\\.\\d)");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![" + L + "_.-])[" + L + "](?:[" + L + "._-]{0,126}[" + L + "])?(?![" + L + "_-]|\\.[" + L + "])");
    /** A literal brace ({@code {{}, {@code }}}), or a placeholder {@code {type}} / {@code {name:type}}. */
    private static final Pattern WRITTEN_PLACEHOLDER = Pattern.compile("(\\{\\{|\\}\\})|\\{(?:([^{}:]*):)?([^{}]*)\\}");
    private static final Pattern NUMBER = Pattern.compile("(?<![" + L + "])\\d{1,20}(?![" + L + "])");

    /**
     * Proposes the wording for a reply's text (the text the rules see: after its codes and log prefix, as
     * {@code ReplyParser} leaves it).
     *
     * @throws IllegalArgumentException when the text has no words left once its variable parts are placeholders
     *                                  (say, a bare IP address): such a reply cannot be told apart by its words
     */
    public static ExampleWording of(String replyText) {
        String text = clean(replyText == null ? "" : replyText);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the example is empty: give the whole reply as it appears in the log");
        }
        int limit = text.length();
        while (true) {
            ExampleWording proposal = propose(text.substring(0, limit).strip());
            if (proposal.wording().length() <= Wording.MAX_LENGTH) {
                proposal.check(text);
                return proposal;
            }
            // A wording is a phrase: keep the start of a long reply, cut at a space.
            int cut = text.lastIndexOf(' ', Math.min(limit - 1, Wording.MAX_LENGTH - 50));
            limit = cut > 0 ? cut : Math.min(limit - 1, Wording.MAX_LENGTH - 50);
        }
    }

    /**
     * A wording staff edited from a proposal, checked against the reply it is for: it must compile and match
     * that reply's text as the engine would match it, so the rule it goes into recognises at least its own example.
     *
     * @param written   the wording as staff wrote it (the rule file's syntax: the reply's words, {placeholders})
     * @param replyText the reply's text (as {@code ReplyParser} leaves it), which the wording must match
     * @throws IllegalArgumentException in plain words: where the mistake is and what to write instead
     */
    public static ExampleWording edited(String written, String replyText) {
        String text = clean(replyText == null ? "" : replyText);
        Wording compiled;
        try {
            compiled = Wording.of(written == null ? "" : written);
        } catch (WordingSyntaxException e) {
            throw new IllegalArgumentException("the wording has a mistake at character " + (e.offset() + 1) + ": "
                    + e.getMessage());
        }
        Map<String, String> values = compiled.match(text);
        if (values == null) {
            throw new IllegalArgumentException(whyNoMatch(written, text));
        }
        List<Found> found = new ArrayList<>();
        Matcher m = WRITTEN_PLACEHOLDER.matcher(written);
        while (m.find()) {
            if (m.group(1) != null) {
                continue; // a literal brace
            }
            Placeholder type = Placeholder.byName(m.group(3).strip()).orElseThrow();
            String name = m.group(2) == null ? type.written() : m.group(2).strip();
            if (type.isParameter() && values.containsKey(name)) {
                found.add(new Found(type, name, values.get(name)));
            }
        }
        return new ExampleWording(written, List.copyOf(found));
    }

    /**
     * Why a wording does not match its reply, in words: the first of its literal parts the reply lacks, or (all
     * being there) a placeholder that does not fit the part of the reply at its place; with what to write instead.
     */
    private static String whyNoMatch(String written, String text) {
        String reply = text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (String part : WRITTEN_PLACEHOLDER.split(written)) {
            String words = part.replace("{{", "{").replace("}}", "}").replaceAll("\\s+", " ").strip();
            if (!words.isEmpty() && !reply.contains(words.toLowerCase(Locale.ROOT))) {
                // the words the reply does say, then the first it does not, and what follows it
                String[] each = words.split(" ");
                int said = 0;
                while (said < each.length && reply.contains(String.join(" ", List.of(each).subList(0, said + 1))
                        .toLowerCase(Locale.ROOT))) {
                    said++;
                }
                String missing = String.join(" ", List.of(each).subList(said, each.length));
                String after = said == 0 ? "" : " after \"" + String.join(" ", List.of(each).subList(0, said)) + "\"";
                return "the reply does not say \"" + missing + "\"" + after + ". Write the"
                        + " words as the reply has them (\"" + (text.length() <= 300 ? text : text.substring(0, 300) + " ...")
                        + "\"), and a placeholder such as {number} or"
                        + " {...} (some words) only where the same reply varies"
                        + proposalOf(text);
            }
        }
        return "the wording's words are all in the reply \"" + text + "\", but not in this order,"
                + " or a placeholder does not fit the part of the reply at its place ({number} stands for digits only,"
                + " {host} for a name with dots, {...} for some words)"
                + proposalOf(text);
    }

    private static String proposalOf(String text) {
        try {
            return "; the proposal was \"" + of(text).wording() + "\"";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Control characters cannot be part of a wording; line breaks and tabs are whitespace there anyway. */
    private static String clean(String text) {
        StringBuilder b = new StringBuilder();
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return b.toString().strip();
    }

    private static ExampleWording propose(String text) {
        StringBuilder wording = new StringBuilder();
        List<Found> found = new ArrayList<>();
        Map<Placeholder, Integer> counts = new EnumMap<>(Placeholder.class);
        int i = 0;
        while (i < text.length()) {
            int[] end = new int[1];
            Placeholder type = variablePart(text, i, end);
            if (type == null && end[0] > i) { // a part that stays text as a whole (dotted digits)
                appendLiteral(wording, text.substring(i, end[0]));
                i = end[0];
            } else if (type != null) {
                int n = counts.merge(type, 1, Integer::sum);
                String name = n == 1 ? type.written() : type.written() + n;
                found.add(new Found(type, name, text.substring(i, end[0])));
                wording.append('{').append(name).append(n == 1 ? "" : ":" + type.written()).append('}');
                i = end[0];
            } else {
                int c = text.codePointAt(i);
                appendLiteral(wording, new String(Character.toChars(c)));
                i += Character.charCount(c);
            }
        }
        return new ExampleWording(wording.toString(), List.copyOf(found));
    }

    /**
     * The placeholder type of the variable part starting at {@code i}, with its end in {@code end[0]}; null
     * with {@code end[0] > i} for a part that stays text, null with {@code end[0] == i} for none.
     */
    private static Placeholder variablePart(String text, int i, int[] end) {
        end[0] = i;
        Matcher m;
        if ((m = at(URL, text, i)) != null) {
            String url = m.group();
            Matcher tail = URL_TAIL.matcher(url);
            end[0] = i + (tail.find() ? tail.start() : url.length());
            return Placeholder.URL;
        }
        if ((m = at(ADDRESS, text, i)) != null) {
            end[0] = m.end();
            return Placeholder.ADDRESS;
        }
        if ((m = at(IPV4, text, i)) != null) {
            end[0] = m.end();
            return Placeholder.IP;
        }
        if ((m = at(IPV6, text, i)) != null && isIpv6(m.group())) {
            end[0] = m.end();
            return Placeholder.IP;
        }
        if ((m = at(HOST, text, i)) != null && isHost(m.group())) {
            end[0] = m.end();
            return Placeholder.HOST;
        }
        if ((m = at(DOTTED_DIGITS, text, i)) != null) {
            end[0] = m.end();
            return null;
        }
        if ((m = at(TOKEN, text, i)) != null && isId(m.group())) {
            end[0] = m.end();
            return Placeholder.ID;
        }
        if ((m = at(NUMBER, text, i)) != null) {
            end[0] = m.end();
            return Placeholder.NUMBER;
        }
        return null;
    }

    private static Matcher at(Pattern pattern, String text, int i) {
        Matcher m = pattern.matcher(text).region(i, text.length()).useTransparentBounds(true).useAnchoringBounds(false);
        return m.lookingAt() ? m : null;
    }

    private static boolean isIpv6(String token) {
        return token.contains("::") || token.split(":", -1).length >= 6;
    }

    private static boolean isHost(String token) {
        return token.equals(token.toLowerCase()) || token.equals(token.toUpperCase()) || digits(token) > 0;
    }

    private static boolean isId(String token) {
        int digits = digits(token);
        boolean letters = token.codePoints().anyMatch(Character::isLetter);
        return letters && (digits >= 4 || digits >= 2 && token.length() >= 8);
    }

    private static int digits(String token) {
        return (int) token.chars().filter(Character::isDigit).count();
    }

    private static void appendLiteral(StringBuilder wording, String text) {
        wording.append(text.replace("{", "{{").replace("}", "}}"));
    }

    /** The proposal compiles, and matches the text it was made from with the parts it found: else it is a bug here. */
    private void check(String text) {
        Wording compiled;
        try {
            compiled = Wording.of(wording);
        } catch (WordingSyntaxException e) {
            if (found.isEmpty() || !e.getMessage().contains("not only placeholders")) {
                throw new IllegalStateException("proposed wording does not compile: " + wording + ": " + e.getMessage(), e);
            }
            throw new IllegalArgumentException("the example has no words once its variable parts are placeholders ("
                    + wording + "): give the whole reply, with the words that say what went wrong");
        }
        Map<String, String> params = compiled.match(text);
        if (params == null) {
            throw new IllegalStateException("proposed wording does not match its own example: " + wording);
        }
    }
}
