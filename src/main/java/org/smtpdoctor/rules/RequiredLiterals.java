package org.smtpdoctor.rules;

import com.google.re2j.Matcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the text must contain for a case-insensitive RE2 pattern to have any chance of matching, read
 * from the pattern's source: a set of {@link TextPatterns#fold(String) folded} strings of which every match
 * contains at least one.
 *
 * <p>Why from the source: RE2/J keeps its parsed syntax tree private, and the patterns rule authors
 * write are plain (words, groups, alternations, classes, repeats). The analysis is conservative:
 * a class, a dot, a letter of a script whose case folding is not simple, or an optional part contributes nothing; anything this reader does
 * not understand (flags other than {@code i}, {@code \Q...\E}) gives no filter at all, so the pattern
 * always runs. A concatenation needs all its parts, so the longest single part is enough; an
 * alternation needs one of its branches, so each branch must bring a literal or the whole gives none.
 * The same reading also bounds how far into a match such literals stand ({@link #lead}), so that a regex engine can
 * start where the first of them allows instead of at the text's start.
 */
final class RequiredLiterals {
    /** Cross products of optional parts stay small: a few wordings, never an explosion. */
    private static final int MAX_ALTERNATIVES = 16;

    private final String source;
    private int position;

    private RequiredLiterals(String source) {
        this.source = source;
    }

    /** The required literals of {@code pattern}, or null when no literal is certain (the pattern always runs). */
    static Set<String> of(String pattern) {
        try {
            RequiredLiterals reader = new RequiredLiterals(pattern);
            Facts facts = reader.readAll();
            Set<String> required = facts.best();
            return required == null || required.contains("") ? null : required;
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
    }

    /**
     * Literals of which every match of {@code pattern} holds one within {@link Lead#offset} characters of its start,
     * or null when no such literals are certain: where the first of them occurs in a text, less the offset, is as far
     * back as a match can start there, so a regex engine need not look before it.
     */
    static Lead lead(String pattern) {
        try {
            RequiredLiterals reader = new RequiredLiterals(pattern);
            Lead lead = reader.readAll().leadOf();
            return lead == null || lead.literals().contains("") ? null : lead;
        } catch (IllegalArgumentException unsupported) {
            return null;
        }
    }

    /**
     * Folded literals, one of which every match holds starting at most {@code offset} characters (UTF-16 units) after
     * the match's own start.
     */
    record Lead(Set<String> literals, int offset) {
        /**
         * RE2/J's {@code find} of {@code matcher} on {@code text}, looking from where the first of {@code lead}'s literals
         * allows a match to start (RE2/J's assertions still see the text before); without a lead, from the start. No
         * literal of the lead in the text, no match. The matcher holds the match found, as after {@code find}.
         */
        static boolean find(Matcher matcher, String text, Lead lead) {
            int from = lead == null ? 0 : lead.earliestStart(TextPatterns.fold(text));
            return from >= 0 && matcher.find(from);
        }

        /** Where in {@code foldedText} the first match can start at the earliest; -1 when no match can occur. */
        int earliestStart(String foldedText) {
            int first = -1;
            for (String literal : literals) {
                int at = foldedText.indexOf(literal);
                if (at >= 0 && (first < 0 || at < first)) {
                    first = at;
                }
            }
            return first < 0 ? -1 : Math.max(0, first - offset);
        }
    }

    /** Whether {@code foldedText} holds one of {@code literals} (from {@link #of}; {@code null}: none is needed). */
    static boolean anyIn(String[] literals, String foldedText) {
        if (literals == null) {
            return true;
        }
        for (String literal : literals) {
            if (foldedText.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether RE2's case folding of {@code c} is what {@link TextPatterns#fold(char)} makes of it: the Latin
     * letters (Latin-1 to Latin Extended-B, IPA, Latin Extended Additional: European, Turkish, Azerbaijani and
     * Vietnamese wordings), Greek, Cyrillic, Armenian, Georgian, and the scripts without case (CJK, kana, Hangul).
     * A test checks every letter of them against RE2/J's own folding; a character of any other script brings no
     * literal.
     */
    static boolean foldsSimply(char c) {
        return c >= 0xC0 && c <= 0x2AF && c != 0xD7 && c != 0xF7
                || c >= 0x370 && c <= 0x58F
                || c >= 0x10A0 && c <= 0x10FF
                || c >= 0x1C90 && c <= 0x1CBF
                || c >= 0x1E00 && c <= 0x1FFF
                || c >= 0x3040 && c <= 0x30FF
                || c >= 0x4E00 && c <= 0x9FFF
                || c >= 0xAC00 && c <= 0xD7A3;
    }

    private Facts readAll() {
        Facts all = alternation();
        if (position < source.length()) {
            throw new IllegalArgumentException("unbalanced ) at " + position);
        }
        return all;
    }

    private Facts alternation() {
        List<Facts> branches = new ArrayList<>();
        branches.add(concatenation());
        while (position < source.length() && source.charAt(position) == '|') {
            position++;
            branches.add(concatenation());
        }
        return branches.size() == 1 ? branches.get(0) : Facts.anyOf(branches);
    }

    private Facts concatenation() {
        List<Facts> parts = new ArrayList<>();
        while (position < source.length() && source.charAt(position) != '|' && source.charAt(position) != ')') {
            parts.add(repetition(atom()));
        }
        return Facts.allOf(parts);
    }

    private Facts atom() {
        char c = source.charAt(position++);
        switch (c) {
            case '(':
                return group();
            case '[':
                return characterClass();
            case '.':
                return Facts.ONE_CHARACTER;
            case '^':
            case '$':
                return Facts.EMPTY;
            case '\\':
                return escape();
            default:
                return Facts.literal(c);
        }
    }

    private Facts group() {
        if (source.startsWith("?P<", position) || source.startsWith("?<", position)) {
            position = requireIndex(source.indexOf('>', position)) + 1;
        } else if (source.startsWith("?", position)) {
            int end = position + 1;
            while (end < source.length() && Character.isLetter(source.charAt(end))) {
                end++;
            }
            String flags = source.substring(position + 1, end);
            if (!flags.chars().allMatch(f -> f == 'i') || end >= source.length()) {
                throw new IllegalArgumentException("flags " + flags);
            }
            position = end + 1;
            if (source.charAt(end) == ')') {
                return Facts.EMPTY;
            }
            if (source.charAt(end) != ':') {
                throw new IllegalArgumentException("group form at " + end);
            }
        }
        Facts inside = alternation();
        if (position >= source.length() || source.charAt(position) != ')') {
            throw new IllegalArgumentException("missing )");
        }
        position++;
        return inside;
    }

    private Facts escape() {
        if (position >= source.length()) {
            throw new IllegalArgumentException("trailing backslash");
        }
        char c = source.charAt(position++);
        if (c == 'b' || c == 'B' || c == 'A' || c == 'z') {
            return Facts.EMPTY;
        }
        if (c == 'p' || c == 'P') {
            if (position < source.length() && source.charAt(position) == '{') {
                position = requireIndex(source.indexOf('}', position)) + 1;
            } else {
                position++;
            }
            return Facts.ONE_CHARACTER;
        }
        if (c == 'Q' || c == 'x' || Character.isDigit(c)) {
            throw new IllegalArgumentException("escape \\" + c);
        }
        // \d \s \w, \n \t and the like are classes or control characters: no literal to rely on.
        return Character.isLetter(c) ? Facts.ONE_CHARACTER : Facts.literal(c);
    }

    /** A class of a few plain characters ({@code [- ]}, {@code [sz]}) is a small exact set; other classes are unknown. */
    private Facts characterClass() {
        int start = position;
        skipClass();
        String members = source.substring(start, position - 1);
        if (members.isEmpty() || members.length() > 8 || members.startsWith("^")
                || members.chars().anyMatch(c -> c == '\\' || c == '[' || c > 0x7F)
                || members.indexOf('-') > 0 && members.indexOf('-') < members.length() - 1) {
            return Facts.ONE_CHARACTER;
        }
        Set<String> options = new LinkedHashSet<>();
        members.chars().forEach(c -> options.add(String.valueOf(TextPatterns.fold((char) c))));
        return new Facts(options, null, 1, null);
    }

    private void skipClass() {
        if (source.startsWith("^", position)) {
            position++;
        }
        if (source.startsWith("]", position)) {
            position++;
        }
        while (position < source.length() && source.charAt(position) != ']') {
            if (source.charAt(position) == '\\') {
                position++;
            } else if (source.startsWith("[:", position)) {
                position = requireIndex(source.indexOf(":]", position + 2)) + 1;
            }
            position++;
        }
        if (position >= source.length()) {
            throw new IllegalArgumentException("unterminated class");
        }
        position++;
    }

    private Facts repetition(Facts atom) {
        if (position >= source.length()) {
            return atom;
        }
        char c = source.charAt(position);
        int min;
        int max;
        if (c == '?' || c == '*' || c == '+') {
            position++;
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : Integer.MAX_VALUE;
        } else if (c == '{' && source.indexOf('}', position) > position
                && source.substring(position + 1, source.indexOf('}', position)).matches("\\d+(,\\d*)?")) {
            String[] bounds = source.substring(position + 1, source.indexOf('}', position)).split(",", -1);
            position = source.indexOf('}', position) + 1;
            min = Integer.parseInt(bounds[0]);
            max = bounds.length == 1 ? min : bounds[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1]);
        } else {
            return atom;
        }
        if (position < source.length() && source.charAt(position) == '?') {
            position++;
        }
        if (min == 0 && max == 1) {
            return atom.orEmpty();
        }
        int maxLength = Facts.times(max, atom.maxLength);
        return min == 0 ? Facts.unknown(maxLength) : atom.atLeastOnce(maxLength);
    }

    private static int requireIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("unterminated construct");
        }
        return index;
    }

    /**
     * What is known about the strings a part of a pattern matches: the exact set, when it is small and known, else a
     * set of which every match contains one (or null); the most characters (UTF-16 units) a match of it spans; and
     * literals one of which every match holds within a bounded distance of its start ({@link Lead}, or null).
     */
    private record Facts(Set<String> exact, Set<String> required, int maxLength, Lead lead) {
        /** A length no bound is known for. */
        static final int UNBOUNDED = Integer.MAX_VALUE;
        /** A class, a dot, {@code \\pL}: one code point, so at most two UTF-16 units, and no literal. */
        static final Facts ONE_CHARACTER = unknown(2);
        static final Facts EMPTY = new Facts(Set.of(""), null, 0, null);

        static Facts unknown(int maxLength) {
            return new Facts(null, null, maxLength, null);
        }

        static Facts literal(char c) {
            if (c > 0x7F && !foldsSimply(c)) {
                return ONE_CHARACTER;
            }
            return new Facts(Set.of(String.valueOf(TextPatterns.fold(c))), null, 1, null);
        }

        Facts orEmpty() {
            if (exact == null || exact.size() >= MAX_ALTERNATIVES) {
                return unknown(maxLength);
            }
            Set<String> options = new LinkedHashSet<>(exact);
            options.add("");
            return new Facts(options, null, maxLength, null);
        }

        /** One or more matches of this part in a row, spanning at most {@code maxLength}: the first holds its lead. */
        Facts atLeastOnce(int maxLength) {
            return new Facts(null, best(), maxLength, leadOf());
        }

        /** The literals this part guarantees: its exact set, else its required set; null when none. */
        Set<String> best() {
            if (exact != null && !exact.contains("")) {
                return exact;
            }
            return required;
        }

        /** The literals every match holds near its start: an exact set at the start itself, else {@link #lead}. */
        Lead leadOf() {
            return exact != null && !exact.contains("") ? new Lead(exact, 0) : lead;
        }

        static Facts anyOf(List<Facts> branches) {
            Set<String> exact = new LinkedHashSet<>();
            Set<String> required = new LinkedHashSet<>();
            Set<String> leading = new LinkedHashSet<>();
            int maxLength = 0;
            int offset = 0;
            for (Facts branch : branches) {
                if (exact != null && branch.exact != null) {
                    exact.addAll(branch.exact);
                } else {
                    exact = null;
                }
                Set<String> guaranteed = branch.best();
                if (required != null && guaranteed != null) {
                    required.addAll(guaranteed);
                } else {
                    required = null;
                }
                Lead lead = branch.leadOf();
                if (leading != null && lead != null) {
                    leading.addAll(lead.literals());
                    offset = Math.max(offset, lead.offset());
                } else {
                    leading = null;
                }
                maxLength = Math.max(maxLength, branch.maxLength);
            }
            if (exact != null && exact.size() > MAX_ALTERNATIVES) {
                exact = null;
            }
            return new Facts(exact, required, maxLength, leading == null ? null : new Lead(leading, offset));
        }

        /**
         * A concatenation: adjacent exact parts multiply into longer literals; the strongest part wins. Its lead is
         * the strongest of its parts' (or of such products) that only parts of bounded length stand before.
         */
        static Facts allOf(List<Facts> parts) {
            List<Set<String>> candidates = new ArrayList<>();
            List<Lead> leads = new ArrayList<>();
            Set<String> current = Set.of("");
            int currentAt = 0;
            int before = 0;
            boolean exactSoFar = true;
            for (Facts part : parts) {
                if (part.exact != null && current.size() * part.exact.size() <= MAX_ALTERNATIVES) {
                    current = product(current, part.exact);
                    before = plus(before, part.maxLength);
                    continue;
                }
                exactSoFar = false;
                candidates.add(current);
                leads.add(new Lead(current, currentAt));
                current = Set.of("");
                currentAt = before;
                if (part.exact != null) {
                    current = part.exact;
                } else {
                    if (part.required != null) {
                        candidates.add(part.required);
                    }
                    if (part.lead != null && before != UNBOUNDED) {
                        leads.add(new Lead(part.lead.literals(), plus(before, part.lead.offset())));
                    }
                    currentAt = plus(before, part.maxLength);
                }
                before = plus(before, part.maxLength);
            }
            candidates.add(current);
            leads.add(new Lead(current, currentAt));
            Set<String> strongest = candidates.stream()
                    .filter(set -> !set.contains(""))
                    .max(Comparator.comparingInt(Facts::shortest))
                    .orElse(null);
            Lead lead = leads.stream()
                    .filter(l -> !l.literals().contains("") && l.offset() != UNBOUNDED)
                    .max(Comparator.comparingInt(l -> shortest(l.literals())))
                    .orElse(null);
            return new Facts(exactSoFar ? current : null, strongest, before, lead);
        }

        /** Lengths added, where {@link #UNBOUNDED} stands for any length (so does a sum that reaches it). */
        private static int plus(int a, int b) {
            return a == UNBOUNDED || b == UNBOUNDED || (long) a + b >= UNBOUNDED ? UNBOUNDED : a + b;
        }

        /** {@code n} repeats of a part at most {@code length} long (an unbounded count is {@link #UNBOUNDED} too). */
        static int times(int n, int length) {
            return n == UNBOUNDED || length == UNBOUNDED || (long) n * length >= UNBOUNDED ? UNBOUNDED : n * length;
        }

        private static int shortest(Set<String> literals) {
            return literals.stream().mapToInt(String::length).min().orElse(0);
        }

        private static Set<String> product(Set<String> left, Set<String> right) {
            Set<String> result = new LinkedHashSet<>();
            for (String l : left) {
                for (String r : right) {
                    result.add(l + r);
                }
            }
            return result;
        }
    }
}
